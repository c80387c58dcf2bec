import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// Ports other services on a shared machine are known to use; never hand them out.
const AVOID = new Set([8080, 8090]);

/** A TCP port on 127.0.0.1 that was free a moment ago (the OS picks it). */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.unref();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        const found = typeof address === 'object' && address ? address.port : 0;
        server.close(() => resolve(found));
      });
    });
    if (port > 0 && !AVOID.has(port)) return port;
  }
  throw new Error('no free port found');
}

/** A `shuyuan serve` process on an embedded database in a data directory the caller owns. */
export interface ServerProcess {
  url: string;
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; the data directory stays. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash or a power cut would end it; resolves when it has exited. */
  kill(): Promise<void>;
}

/** Starts `shuyuan serve [--demo]` on a port and a data directory, and waits for /readyz. */
export async function startServerProcess(options: {
  port: number;
  dataDir: string;
  demo?: boolean;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const args = [join(ROOT, 'apps/server/bin/shuyuan.js'), 'serve', ...(options.demo ? ['--demo'] : [])];
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      SHUYUAN_DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not become ready within 120 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** A logged-in HTTP client of a running server (session cookie and CSRF header). */
/** A JSON answer; tests narrow the body to what they expect. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test helper: bodies are asserted, not trusted
type Json = any;

export interface HttpSession {
  get(path: string): Promise<{ status: number; body: Json }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: Json }>;
  put(path: string, body: unknown): Promise<{ status: number; body: Json }>;
}

export async function httpLogin(baseUrl: string, login: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${login} failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('sy_csrf='))!.slice('sy_csrf='.length);
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf };
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body), put: (path, body) => call('PUT', path, body) };
}

/** Polls until `check` answers a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
