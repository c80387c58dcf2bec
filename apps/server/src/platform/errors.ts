import { ErrorCode } from '@shuyuan/contracts';

export { ErrorCode };

/** An error the API answers with a status, a stable code and details; the handler localises the message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'AppError';
  }
}

/** 400: the request breaks a rule; `details` says which. */
export const badRequest = (code: ErrorCode, details: Record<string, unknown> = {}) => new AppError(400, code, details);
/** 401: no valid session or token. */
export const unauthenticated = (code: ErrorCode = ErrorCode.Unauthenticated, details: Record<string, unknown> = {}) =>
  new AppError(401, code, details);
/** 403: authenticated, but the action is not allowed. */
export const forbidden = (code: ErrorCode = ErrorCode.Forbidden, details: Record<string, unknown> = {}) => new AppError(403, code, details);
/** 404: missing, or not visible to this user (the two are indistinguishable on purpose). */
export const notFound = (resource: string) => new AppError(404, ErrorCode.NotFound, { resource });
/** 409: a uniqueness clash, a stale version or a state conflict. */
export const conflict = (code: ErrorCode = ErrorCode.Conflict, details: Record<string, unknown> = {}) => new AppError(409, code, details);

const UNIQUE_VIOLATION = '23505';

/** Turns a PostgreSQL unique violation into a 409 naming the constraint; rethrows anything else. */
export function rethrowUnique(error: unknown, fields: Record<string, string>): never {
  const e = error as { code?: string; constraint?: string; message?: string };
  if (e?.code === UNIQUE_VIOLATION) {
    const constraint = e.constraint ?? /"([^"]+)"/.exec(e.message ?? '')?.[1] ?? '';
    const field = Object.entries(fields).find(([name]) => constraint.includes(name))?.[1];
    throw conflict(ErrorCode.Duplicate, { field: field ?? constraint });
  }
  throw error;
}
