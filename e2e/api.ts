/** A logged-in API session of one user, for setting up what a browser test then looks at. */
export interface ApiSession {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** Sends raw bytes (application/octet-stream) with extra headers. */
  putBytes<T>(path: string, bytes: Uint8Array, headers?: Record<string, string>): Promise<T>;
}

/** Logs in through the API and keeps the session cookie and CSRF token; a non-2xx answer throws with its body. */
export async function apiSession(baseUrl: string, login: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`logging in as ${login} answered ${res.status}: ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = decodeURIComponent(cookies.find((c) => c.startsWith('sy_csrf='))?.slice('sy_csrf='.length) ?? '');
  const cookie = cookies.join('; ');
  async function call<T>(
    method: string,
    path: string,
    body?: unknown,
    raw?: { bytes: Uint8Array; headers: Record<string, string> },
  ): Promise<T> {
    const answer = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: raw
        ? { cookie, 'x-csrf-token': csrf, 'content-type': 'application/octet-stream', ...raw.headers }
        : { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: raw ? new Uint8Array(raw.bytes) : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${method} ${path} as ${login} answered ${answer.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    putBytes: (path, bytes, headers = {}) => call('PUT', path, undefined, { bytes, headers }),
  };
}
