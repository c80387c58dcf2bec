import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ErrorCode } from '@shuyuan/contracts';
import { AppError } from './errors';
import { messageFor, pickLang } from './i18n';

interface Body {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: ErrorCode, details: Record<string, unknown>) {
  const body: Body = { code, message: messageFor(code, pickLang(request.headers['accept-language'])), details };
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Maps framework errors (body parsing, size, media type) to our codes. */
const fastifyCodes: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: ErrorCode.BodyTooLarge },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: ErrorCode.UnsupportedMediaType },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: ErrorCode.MalformedJson },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: ErrorCode.MalformedJson },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: ErrorCode.MalformedJson },
};

/** Installs the one error handler: every failure answers `{code, message, details}`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return send(reply, request, error.status, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const keys = (v.params as { keys?: string[] }).keys;
        return {
          in: error.validationContext,
          path: v.instancePath.slice(1).replace(/\//g, '.'),
          code: v.keyword,
          message: v.message,
          ...(keys ? { keys } : {}),
        };
      });
      const unknown = issues.filter((i) => i.code === 'unrecognized_keys');
      if (unknown.length > 0)
        return send(reply, request, 400, ErrorCode.UnknownField, { fields: unknown.flatMap((i) => i.keys ?? []), issues });
      return send(reply, request, 400, ErrorCode.ValidationFailed, { issues });
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return send(reply, request, mapped.status, mapped.code, {});
    if (error instanceof SyntaxError && error.statusCode === 400) return send(reply, request, 400, ErrorCode.MalformedJson, {});
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return send(reply, request, 500, ErrorCode.Internal, {});
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, error.statusCode, ErrorCode.ValidationFailed, { reason: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, ErrorCode.Internal, {});
  });
}
