/** The API client: same-origin fetch with the CSRF header, JSON bodies and typed errors. */

const API_PREFIX = '/api/v1';
const CSRF_COOKIE = 'sy_csrf';
const CSRF_HEADER = 'x-csrf-token';

/** Error codes the client makes up itself when the server never answered. */
export const ClientErrorCode = { Network: 'NETWORK_ERROR', BadResponse: 'BAD_RESPONSE' } as const;

/** A failed API call: the HTTP status and the server's stable code, localised message and details. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let acceptLanguage = 'zh-CN';

/** Sets the language the server answers error messages in. */
export function setApiLanguage(lang: 'zh' | 'en'): void {
  acceptLanguage = lang === 'en' ? 'en' : 'zh-CN';
}

/** Reads a cookie set by the server (the CSRF cookie is deliberately not httpOnly). */
function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** A list answer of the API. */
export interface ItemList<T> {
  items: T[];
}

/** A page of a server-paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** Values a query string may carry; empty ones are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Builds `?a=1&b=2` from the non-empty values, or '' when there are none. */
export function toQueryString(params: QueryParams | undefined): string {
  if (!params) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL of an API path, for plain links such as CSV downloads. */
export function apiUrl(path: string, params?: QueryParams): string {
  return `${API_PREFIX}${path}${toQueryString(params)}`;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** A JSON value, or FormData sent as multipart (file uploads). */
  body?: unknown;
  params?: QueryParams;
  signal?: AbortSignal;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to a generic error.
  }
  if (body && typeof body === 'object' && 'code' in body) {
    const { code, message, details } = body as { code: unknown; message?: unknown; details?: unknown };
    return new ApiError(response.status, String(code), typeof message === 'string' ? message : '', details);
  }
  return new ApiError(response.status, ClientErrorCode.BadResponse, '', { statusText: response.statusText });
}

/** Calls the API under /api/v1 and returns the parsed JSON body, or undefined for 204. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': acceptLanguage };
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE);
    if (csrf) headers[CSRF_HEADER] = csrf;
  }
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (options.body instanceof FormData) {
    // The browser sets the multipart content type with its boundary.
    init.body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.params), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, ClientErrorCode.Network, '', { cause: String(error) });
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Shorthands for the HTTP verbs. */
export const api = {
  get: <T>(path: string, params?: QueryParams, signal?: AbortSignal) => apiRequest<T>(path, { params, signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  delete: <T = void>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'DELETE', body }),
};

/** True when the error is an ApiError with the given status or code. */
export function isApiError(error: unknown, match?: { status?: number; code?: string }): error is ApiError {
  if (!(error instanceof ApiError)) return false;
  if (match?.status !== undefined && error.status !== match.status) return false;
  if (match?.code !== undefined && error.code !== match.code) return false;
  return true;
}
