import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type HTTPMethods } from 'fastify';
import { allPermissions } from '@shuyuan/contracts';
import { describeEachEngine } from '../test/databases';
import { buildTestApp, buildUser, loginAs } from '../test/factories';
import { registerAuth, type Authenticator } from './platform/auth/auth-hook';
import { registerErrorHandler } from './platform/error-handler';

interface Operation {
  method: HTTPMethods;
  path: string;
  permission: unknown;
}

/** Every operation of the OpenAPI document with its declared permission. */
function operations(app: FastifyInstance): Operation[] {
  const doc = app.swagger() as unknown as { paths: Record<string, Record<string, Record<string, unknown>>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase() as HTTPMethods, path, permission: op['x-permission'] })),
  );
}

/** An OpenAPI path with every `{param}` filled by a fresh uuid. */
const fill = (path: string) => path.replace(/\{[^}]+\}/g, () => randomUUID());

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describeEachEngine('route inventory', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the API of every module in the OpenAPI document', () => {
    const paths = new Set(operations(app).map((o) => `${o.method} ${o.path}`));
    for (const expected of [
      'POST /api/v1/auth/login',
      'GET /api/v1/departments',
      'POST /api/v1/users',
      'GET /api/v1/roles',
      'POST /api/v1/apps',
      'GET /api/v1/audit/events.csv',
      'GET /healthz',
    ]) {
      expect(paths).toContain(expected);
    }
  });

  it('declares x-permission on every operation, each public, authenticated or a named permission', () => {
    const ops = operations(app);
    const allowed = new Set<unknown>(['public', 'authenticated', ...allPermissions]);
    const undeclared = ops.filter((o) => o.permission === undefined).map((o) => `${o.method} ${o.path}`);
    const unknown = ops.filter((o) => !allowed.has(o.permission)).map((o) => `${o.method} ${o.path}: ${String(o.permission)}`);
    expect(undeclared).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('keeps the public surface small: login, the health probes, the cascade and gateway endpoints that check their own signatures, and file links', async () => {
    // The cascade endpoints (catalog changes, return flows) and the gateway check signatures themselves.
    const publicOps = operations(app)
      .filter((o) => o.permission === 'public')
      .map((o) => `${o.method} ${o.path}`)
      .sort();
    expect(publicOps).toEqual([
      'GET /api/v1/exchange/files/download/{token}',
      'GET /gateway/v1/{classCode}/{sequence}',
      'GET /healthz',
      'GET /readyz',
      'POST /api/v1/auth/login',
      'POST /api/v1/cascade/changes',
      'POST /api/v1/cascade/returns',
    ]);
    const unsigned = await app.inject({ method: 'GET', url: '/gateway/v1/302001/000001' });
    expect([unsigned.statusCode, unsigned.json().code]).toEqual([401, 'UNSIGNED']);
    // A file link is its own credential: without a valid one there is nothing to find.
    const noLink = await app.inject({ method: 'GET', url: '/api/v1/exchange/files/download/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect([noLink.statusCode, noLink.json().code]).toEqual([404, 'NOT_FOUND']);
  });

  it('answers 401 UNAUTHENTICATED to every non-public operation without a session', async () => {
    const guarded = operations(app).filter((o) => o.permission !== 'public');
    expect(guarded.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const op of guarded) {
      const url = fill(op.path);
      const res = await app.inject({ method: op.method, url, ...(WRITES.has(op.method) ? { payload: {} } : {}) });
      if (res.statusCode !== 401 || res.json().code !== 'UNAUTHENTICATED')
        failures.push(`${op.method} ${op.path}: ${res.statusCode} ${res.body}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to every non-public operation for an unknown, malformed or revoked credential', async () => {
    const user = await buildUser(get().db, { roles: ['platform_admin'] });
    const session = await loginAs(app, user.login);
    await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    const credentials = [
      { authorization: 'Bearer sy_pat_not-a-real-token' },
      { authorization: 'Bearer something-else' },
      { cookie: 'sy_session=forged; sy_csrf=forged', 'x-csrf-token': 'forged' },
      session.headers,
    ];
    const failures: string[] = [];
    for (const op of operations(app).filter((o) => o.permission !== 'public')) {
      for (const headers of credentials) {
        const res = await app.inject({ method: op.method, url: fill(op.path), headers, ...(WRITES.has(op.method) ? { payload: {} } : {}) });
        if (res.statusCode !== 401) failures.push(`${op.method} ${op.path} with ${Object.keys(headers).join('+')}: ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('access declarations', () => {
  const nobody: Authenticator = { fromSession: async () => null, fromBearer: async () => null };

  async function tinyApp(register: (app: FastifyInstance) => void): Promise<FastifyInstance> {
    const app = Fastify({ logger: false });
    await app.register(fastifyCookie);
    registerErrorHandler(app);
    registerAuth(app, nobody);
    register(app);
    await app.ready();
    return app;
  }

  it('refuses at startup an /api route that declares no access', async () => {
    await expect(tinyApp((app) => app.get('/api/v1/forgotten', async () => ({ ok: true })))).rejects.toThrow(
      /GET \/api\/v1\/forgotten declares no access/,
    );
  });

  it('refuses it inside a prefixed plugin too', async () => {
    await expect(
      tinyApp((app) => {
        app.register(async (api) => api.post('/forgotten', async () => ({ ok: true })), { prefix: '/api/v1' });
      }),
    ).rejects.toThrow(/POST \/api\/v1\/forgotten declares no access/);
  });

  it('starts with declared routes, and denies a declared permission to nobody', async () => {
    const app = await tinyApp((a) => {
      a.get('/api/v1/declared', { config: { access: 'identity.user.read' } }, async () => ({ ok: true }));
      a.get('/api/v1/open', { config: { access: 'public' } }, async () => ({ ok: true }));
      a.get('/elsewhere', async () => ({ ok: true }));
    });
    expect((await app.inject({ method: 'GET', url: '/api/v1/declared' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/v1/open' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/elsewhere' })).statusCode).toBe(200);
    await app.close();
  });
});
