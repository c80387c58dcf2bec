import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, loginAs } from '../../../test/factories';
import { auditOf, client, signedIn, type Client } from '../../../test/client';

const TOKEN = /^sy_pat_[A-Za-z0-9_-]{43}$/;

describeEachEngine('personal access tokens and sessions', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    admin = (await signedIn(app, get().db, { roles: ['platform_admin'] })).api;
  });
  afterAll(async () => {
    await app?.close();
  });

  async function createToken(api: Client, body: Record<string, unknown> = {}) {
    const res = await api.post('/api/v1/auth/tokens', { name: `令牌-${randomBytes(3).toString('hex')}`, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { token: string; item: { id: string; tokenPrefix: string; permissions: string[] } };
  }

  /** A custom role holding exactly these permissions, for owners whose grants change in a test. */
  async function customRole(permissions: string[]) {
    const res = await admin.post('/api/v1/roles', {
      code: `t_${randomBytes(4).toString('hex')}`,
      nameZh: '令牌测试',
      nameEn: 'Token test',
      permissions,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; code: string };
  }

  it('creates a sy_pat_ token from a session, shows it once and keeps only its hash', async () => {
    const owner = await signedIn(app, get().db, { roles: ['data_officer'] });
    const { token, item } = await createToken(owner.api);
    expect(token).toMatch(TOKEN);
    expect(item.tokenPrefix).toBe(token.slice(0, 12));
    expect(item.permissions).toContain('identity.app.manage');
    const list = await owner.api.get('/api/v1/auth/tokens');
    expect(list.json().items.map((t: { id: string }) => t.id)).toEqual([item.id]);
    expect(list.body).not.toContain(token);
    const row = await get().db.selectFrom('access_token').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await auditOf(get().db, item.id)).map((a) => a.action)).toEqual(['identity.token.create']);
  });

  it('authenticates with the bearer token and writes without a CSRF token', async () => {
    const department = await buildDepartment(get().db);
    const owner = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: department.id });
    const { token } = await createToken(owner.api);
    const bearer = client(app, token);
    const me = await bearer.get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ via: 'token', csrfToken: null, user: { id: owner.user.id } });
    const created = await bearer.post('/api/v1/apps', { departmentId: department.id, name: `令牌应用-${randomBytes(3).toString('hex')}` });
    expect(created.statusCode).toBe(201);
    // A token cannot mint further tokens; only a logged-in person can.
    const minted = await bearer.post('/api/v1/auth/tokens', { name: 'from a token' });
    expect(minted.statusCode).toBe(403);
    expect(minted.json().code).toBe('FORBIDDEN');
  });

  it('limits a token to the subset of permissions it was created with', async () => {
    const department = await buildDepartment(get().db);
    const owner = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: department.id });
    const { token, item } = await createToken(owner.api, { permissions: ['identity.app.read'] });
    expect(item.permissions).toEqual(['identity.app.read']);
    const bearer = client(app, token);
    expect((await bearer.get('/api/v1/apps')).statusCode).toBe(200);
    const write = await bearer.post('/api/v1/apps', { departmentId: department.id, name: '不允许的应用' });
    expect(write.statusCode).toBe(403);
    expect(write.json()).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'identity.app.manage' } });
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('refuses to create a token with permissions its owner does not hold', async () => {
    const owner = await signedIn(app, get().db, { roles: ['department_user'] });
    const res = await owner.api.post('/api/v1/auth/tokens', {
      name: 'too much',
      permissions: ['platform.scope.all', 'portal.share.access'],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toEqual({ field: 'permissions', notHeld: ['platform.scope.all'] });
  });

  it('never carries more than its owner holds now: a reduced role reduces the token', async () => {
    const role = await customRole(['identity.user.read', 'identity.token.manage']);
    const owner = await signedIn(app, get().db, { roles: [role.code] });
    const { token } = await createToken(owner.api);
    const bearer = client(app, token);
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(200);
    await admin.patch(`/api/v1/roles/${role.id}`, { permissions: ['identity.token.manage'], version: 1 });
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(403);
    // Given back, it returns: the token keeps its own list and intersects it with the owner's.
    await admin.patch(`/api/v1/roles/${role.id}`, { permissions: ['identity.user.read', 'identity.token.manage'], version: 2 });
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(200);
  });

  it("loses a permission when the owner's roles are taken away", async () => {
    const owner = await signedIn(app, get().db, { roles: ['bureau_reviewer'] });
    const { token } = await createToken(owner.api);
    const bearer = client(app, token);
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(200);
    const update = await admin.patch(`/api/v1/users/${owner.user.id}`, { roles: ['department_user'], version: 1 });
    expect(update.statusCode).toBe(200);
    expect((await bearer.get('/api/v1/users')).statusCode).toBe(403);
    expect((await bearer.get('/api/v1/auth/me')).json().permissions).not.toContain('identity.user.read');
  });

  it('answers 401 to a revoked token', async () => {
    const owner = await signedIn(app, get().db);
    const { token, item } = await createToken(owner.api);
    expect((await owner.api.delete(`/api/v1/auth/tokens/${item.id}`)).statusCode).toBe(204);
    const res = await client(app, token).get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
    expect((await owner.api.delete(`/api/v1/auth/tokens/${item.id}`)).statusCode).toBe(404);
    expect((await auditOf(get().db, item.id)).map((a) => a.action)).toEqual(['identity.token.create', 'identity.token.revoke']);
  });

  it("does not let anyone revoke someone else's token", async () => {
    const owner = await signedIn(app, get().db);
    const other = await signedIn(app, get().db);
    const { token, item } = await createToken(owner.api);
    expect((await other.api.delete(`/api/v1/auth/tokens/${item.id}`)).statusCode).toBe(404);
    expect((await client(app, token).get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('answers 401 to the token of a disabled user, and to an expired token', async () => {
    const owner = await signedIn(app, get().db);
    const { token } = await createToken(owner.api, { expiresInDays: 30 });
    const bearer = client(app, token);
    expect((await bearer.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${owner.user.id}`, { status: 'disabled', version: 1 })).statusCode).toBe(200);
    expect((await bearer.get('/api/v1/auth/me')).statusCode).toBe(401);

    const second = await signedIn(app, get().db);
    const expiring = await createToken(second.api, { expiresInDays: 1 });
    await get()
      .db.updateTable('access_token')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('id', '=', expiring.item.id)
      .execute();
    expect((await client(app, expiring.token).get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('logs out everywhere: every session of the user ends, other users keep theirs', async () => {
    const owner = await signedIn(app, get().db);
    const laptop = owner.session;
    const phone = await loginAs(app, owner.user.login);
    const bystander = await signedIn(app, get().db);
    const res = await client(app, phone).post('/api/v1/auth/logout-all');
    expect(res.statusCode).toBe(204);
    expect((await client(app, laptop).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await client(app, phone).get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await bystander.api.get('/api/v1/auth/me')).statusCode).toBe(200);
    const rows = await get().db.selectFrom('user_session').select('id').where('user_id', '=', owner.user.id).execute();
    expect(rows).toHaveLength(0);
    const audit = (await auditOf(get().db, owner.user.id)).find((a) => a.action === 'auth.logout_all');
    expect(audit?.details).toEqual({ sessionsEnded: 2 });
  });
});
