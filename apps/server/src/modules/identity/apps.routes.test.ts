import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { AppServices } from '../../app';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';

const appName = () => `测试应用-${randomBytes(4).toString('hex')}`;

describeEachEngine('client application routes', (get) => {
  let app: FastifyInstance;
  let services: AppServices;
  beforeAll(async () => {
    ({ app, services } = await buildTestApp(get()));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A data officer of a fresh department. */
  async function officer() {
    const department = await buildDepartment(get().db);
    const signed = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: department.id });
    return { department, api: signed.api };
  }

  async function createApp(api: Client, departmentId: string) {
    const res = await api.post('/api/v1/apps', { departmentId, name: appName(), description: '用于测试' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      app: { id: string; appKey: string; version: number; secrets: { id: string }[] };
      secret: { id: string; secret: string; hint: string };
    };
  }

  it('lets a data officer create an application in its own department, with its first secret shown once', async () => {
    const { department, api } = await officer();
    const { app: created, secret } = await createApp(api, department.id);
    expect(created).toMatchObject({ departmentId: department.id, departmentName: department.name, status: 'active', version: 1 });
    expect(created.appKey).toMatch(/^sy[0-9a-f]{18}$/);
    expect(secret.secret.length).toBeGreaterThanOrEqual(32);
    expect(secret.hint).toBe(`…${secret.secret.slice(-4)}`);
    expect(created.secrets).toEqual([expect.objectContaining({ id: secret.id, hint: secret.hint, revokedAt: null })]);

    const one = await api.get(`/api/v1/apps/${created.id}`);
    const list = await api.get('/api/v1/apps');
    for (const res of [one, list]) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain(secret.secret);
    }
    expect(list.json().items.map((a: { id: string }) => a.id)).toEqual([created.id]);
    expect((await auditOf(get().db, created.id)).map((a) => a.action)).toEqual(['identity.app.create', 'identity.app.secret.create']);
  });

  it('lets a data officer create one in a sub-department too', async () => {
    const { department, api } = await officer();
    const child = await buildDepartment(get().db, { parentId: department.id });
    expect((await createApp(api, child.id)).app).toMatchObject({ departmentId: child.id });
  });

  it('refuses to create an application in another department', async () => {
    const { api } = await officer();
    const other = await buildDepartment(get().db);
    const res = await api.post('/api/v1/apps', { departmentId: other.id, name: appName() });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'departmentId' } });
    const rows = await get().db.selectFrom('client_app').select('id').where('department_id', '=', other.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('answers 404 for every operation on an application of another department', async () => {
    const mine = await officer();
    const theirs = await officer();
    const { app: foreign } = await createApp(theirs.api, theirs.department.id);
    const attempts = [
      await mine.api.get(`/api/v1/apps/${foreign.id}`),
      await mine.api.patch(`/api/v1/apps/${foreign.id}`, { name: '被改名', version: 1 }),
      await mine.api.post(`/api/v1/apps/${foreign.id}/secrets`),
      await mine.api.delete(`/api/v1/apps/${foreign.id}/secrets/${foreign.secrets[0]!.id}`),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await mine.api.get(`/api/v1/apps?departmentId=${theirs.department.id}`)).json().items).toEqual([]);
    const unchanged = await theirs.api.get(`/api/v1/apps/${foreign.id}`);
    expect(unchanged.json()).toMatchObject({ version: 1, secrets: [{ revokedAt: null }] });
  });

  it('allows two active secrets, refuses a third, and allows another after a revocation', async () => {
    const { department, api } = await officer();
    const { app: created, secret: first } = await createApp(api, department.id);
    const second = await api.post(`/api/v1/apps/${created.id}/secrets`);
    expect(second.statusCode).toBe(201);
    const third = await api.post(`/api/v1/apps/${created.id}/secrets`);
    expect(third.statusCode).toBe(409);
    expect(third.json()).toMatchObject({ code: 'APP_SECRET_LIMIT', details: { max: 2 } });

    expect((await api.delete(`/api/v1/apps/${created.id}/secrets/${first.id}`)).statusCode).toBe(204);
    expect((await api.delete(`/api/v1/apps/${created.id}/secrets/${first.id}`)).statusCode).toBe(404);
    const fourth = await api.post(`/api/v1/apps/${created.id}/secrets`);
    expect(fourth.statusCode).toBe(201);
    const secrets = (await api.get(`/api/v1/apps/${created.id}`)).json().secrets as { id: string; revokedAt: string | null }[];
    expect(secrets.map((s) => [s.id, s.revokedAt !== null])).toEqual([
      [first.id, true],
      [second.json().id, false],
      [fourth.json().id, false],
    ]);
    const actions = (await auditOf(get().db, created.id)).map((a) => a.action);
    expect(actions.filter((a) => a === 'identity.app.secret.create')).toHaveLength(3);
    expect(actions.filter((a) => a === 'identity.app.secret.revoke')).toHaveLength(1);
  });

  it('seals secrets at rest and gives the gateway the plaintext of the active ones only', async () => {
    const { department, api } = await officer();
    const { app: created, secret: first } = await createApp(api, department.id);
    const second = (await api.post(`/api/v1/apps/${created.id}/secrets`)).json() as { id: string; secret: string };
    const stored = await get().db.selectFrom('app_secret').select(['id', 'secret_ciphertext']).where('app_id', '=', created.id).execute();
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(row.secret_ciphertext).toMatch(/^v1\./);
      for (const plain of [first.secret, second.secret]) {
        expect(row.secret_ciphertext).not.toContain(plain);
        expect(row.secret_ciphertext).not.toContain(Buffer.from(plain).toString('base64url'));
      }
    }
    const active = await services.apps.activeSecrets(get().db, created.appKey);
    expect(active.map((s) => s.secret).sort()).toEqual([first.secret, second.secret].sort());
    expect(active.every((s) => s.appId === created.id && s.departmentId === department.id)).toBe(true);

    await api.delete(`/api/v1/apps/${created.id}/secrets/${first.id}`);
    expect((await services.apps.activeSecrets(get().db, created.appKey)).map((s) => s.secret)).toEqual([second.secret]);
    expect(await services.apps.activeSecrets(get().db, 'sy000000000000000000')).toEqual([]);
  });

  it('updates an application, refuses a stale version, and gives a disabled one no active secrets', async () => {
    const { department, api } = await officer();
    const { app: created } = await createApp(api, department.id);
    const res = await api.patch(`/api/v1/apps/${created.id}`, { status: 'disabled', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', version: 2 });
    expect(await services.apps.activeSecrets(get().db, created.appKey)).toEqual([]);
    const stale = await api.patch(`/api/v1/apps/${created.id}`, { status: 'active', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 2, status: 'disabled' } } });
  });

  it('refuses a second application with the same name in one department', async () => {
    const { department, api } = await officer();
    const name = appName();
    expect((await api.post('/api/v1/apps', { departmentId: department.id, name })).statusCode).toBe(201);
    const clash = await api.post('/api/v1/apps', { departmentId: department.id, name });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'name' } });
  });

  it('lets a department user neither read nor manage applications', async () => {
    const department = await buildDepartment(get().db);
    const { api } = await signedIn(app, get().db, { roles: ['department_user'], departmentId: department.id });
    expect((await api.get('/api/v1/apps')).statusCode).toBe(403);
    expect((await api.post('/api/v1/apps', { departmentId: department.id, name: appName() })).statusCode).toBe(403);
  });
});
