import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { passwordPolicyViolation } from '@shuyuan/contracts';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, buildUser, loginAs, TEST_PASSWORD } from '../../../test/factories';
import { auditOf, client, signedIn, type Client } from '../../../test/client';

const unique = () => randomBytes(4).toString('hex');
const login = (login: string, password: string) => ({ method: 'POST' as const, url: '/api/v1/auth/login', payload: { login, password } });

describeEachEngine('user routes', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    admin = (await signedIn(app, get().db, { roles: ['platform_admin'] })).api;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('creates a user with a generated initial password that must be changed at first login', async () => {
    const department = await buildDepartment(get().db);
    const name = `new.${unique()}`;
    const res = await admin.post('/api/v1/users', {
      login: name,
      displayName: '新同事',
      departmentId: department.id,
      roles: ['data_officer'],
    });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      login: name,
      departmentId: department.id,
      departmentName: department.name,
      roles: ['data_officer'],
      mustChangePassword: true,
      status: 'active',
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(passwordPolicyViolation(initialPassword, name)).toBeNull();

    const first = await app.inject(login(name, initialPassword));
    expect(first.statusCode).toBe(200);
    expect(first.json().mustChangePassword).toBe(true);
    const session = await loginAs(app, name, initialPassword);
    const blocked = await client(app, session).get('/api/v1/apps');
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await auditOf(get().db, user.id)).map((a) => a.action)).toContain('identity.user.create');
  });

  it('refuses an initial password that breaks the policy, and unknown roles', async () => {
    const department = await buildDepartment(get().db);
    const weak = await admin.post('/api/v1/users', {
      login: `w${unique()}`,
      displayName: '弱',
      departmentId: department.id,
      initialPassword: 'password',
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', details: { reason: 'too_short' } });
    const role = await admin.post('/api/v1/users', {
      login: `r${unique()}`,
      displayName: '角',
      departmentId: department.id,
      roles: ['data_officer', 'no_such_role'],
    });
    expect(role.statusCode).toBe(400);
    expect(role.json().details).toEqual({ field: 'roles', unknown: ['no_such_role'] });
  });

  it('refuses a login that exists in another letter case with 409 DUPLICATE', async () => {
    const department = await buildDepartment(get().db);
    const name = `Zhang.San-${unique()}`;
    expect((await admin.post('/api/v1/users', { login: name, displayName: '张三', departmentId: department.id })).statusCode).toBe(201);
    const res = await admin.post('/api/v1/users', { login: name.toLowerCase(), displayName: '张三', departmentId: department.id });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'login' } });
    const rows = await get()
      .db.selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'identity.user.create')
      .where('target_label', '=', name.toLowerCase())
      .execute();
    expect(rows).toHaveLength(0);
  });

  it("shows a data officer only the users of its own department's subtree", async () => {
    const own = await buildDepartment(get().db);
    const child = await buildDepartment(get().db, { parentId: own.id });
    const other = await buildDepartment(get().db);
    const officer = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: own.id });
    const colleague = await buildUser(get().db, { departmentId: own.id });
    const below = await buildUser(get().db, { departmentId: child.id });
    const stranger = await buildUser(get().db, { departmentId: other.id });

    const list = await officer.api.get('/api/v1/users?limit=500');
    expect(list.statusCode).toBe(200);
    const logins = list
      .json()
      .items.map((u: { login: string }) => u.login)
      .sort();
    expect(logins).toEqual([officer.user.login, colleague.login, below.login].sort());
    expect(list.json().total).toBe(3);

    expect((await officer.api.get(`/api/v1/users/${below.id}`)).statusCode).toBe(200);
    const hidden = await officer.api.get(`/api/v1/users/${stranger.id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().code).toBe('NOT_FOUND');
    const filtered = await officer.api.get(`/api/v1/users?departmentId=${other.id}`);
    expect(filtered.json()).toMatchObject({ items: [], total: 0 });
  });

  it('filters by text, role, status and department, and pages', async () => {
    const department = await buildDepartment(get().db);
    const tag = unique();
    const a = await buildUser(get().db, { departmentId: department.id, login: `fa_${tag}`, roles: ['auditor'] });
    const b = await buildUser(get().db, { departmentId: department.id, login: `fb_${tag}`, status: 'disabled' });
    const ids = async (query: string) => (await admin.get(`/api/v1/users?${query}`)).json().items.map((u: { id: string }) => u.id);
    expect(await ids(`q=${tag}`)).toEqual([a.id, b.id]);
    expect(await ids(`q=${tag}&role=auditor`)).toEqual([a.id]);
    expect(await ids(`q=${tag}&status=disabled`)).toEqual([b.id]);
    expect(await ids(`departmentId=${department.id}&limit=1&offset=1`)).toEqual([b.id]);
    expect(await ids(`q=${encodeURIComponent('%')}${tag}`)).toEqual([]);
  });

  it('ends the sessions of a user it disables, who can then not log in', async () => {
    const target = await signedIn(app, get().db);
    expect((await target.api.get('/api/v1/auth/me')).statusCode).toBe(200);
    const res = await admin.patch(`/api/v1/users/${target.user.id}`, { status: 'disabled', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'disabled', version: 2 });
    expect((await target.api.get('/api/v1/auth/me')).statusCode).toBe(401);
    const sessions = await get().db.selectFrom('user_session').select('id').where('user_id', '=', target.user.id).execute();
    expect(sessions).toHaveLength(0);
    const again = await app.inject(login(target.user.login, TEST_PASSWORD));
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
    const audit = await auditOf(get().db, target.user.id);
    expect(audit.find((a) => a.action === 'identity.user.update')?.details).toMatchObject({ status: 'disabled' });
  });

  it('updates roles and refuses a stale version with the current user', async () => {
    const target = await buildUser(get().db, { roles: ['department_user'] });
    const ok = await admin.patch(`/api/v1/users/${target.id}`, { roles: ['analyst', 'developer'], version: 1 });
    expect(ok.json()).toMatchObject({ roles: ['analyst', 'developer'], version: 2 });
    const stale = await admin.patch(`/api/v1/users/${target.id}`, { displayName: '过期', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { id: target.id, version: 2, roles: ['analyst', 'developer'] } },
    });
  });

  it('rolls the whole update back, audit included, when a part of it fails', async () => {
    const target = await buildUser(get().db);
    const res = await admin.patch(`/api/v1/users/${target.id}`, { displayName: '不该保存', roles: ['no_such_role'], version: 1 });
    expect(res.statusCode).toBe(400);
    const row = await get()
      .db.selectFrom('app_user')
      .select(['display_name', 'version'])
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ display_name: target.display_name, version: 1 });
    expect(await auditOf(get().db, target.id)).toEqual([]);
  });

  it('resets a password: the old one stops working, sessions end, the new one must be changed', async () => {
    const target = await signedIn(app, get().db);
    const res = await admin.post(`/api/v1/users/${target.user.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { user, initialPassword } = res.json();
    expect(user.mustChangePassword).toBe(true);
    expect(initialPassword).not.toBe(TEST_PASSWORD);
    expect((await target.api.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await app.inject(login(target.user.login, TEST_PASSWORD))).statusCode).toBe(401);
    const fresh = await app.inject(login(target.user.login, initialPassword));
    expect(fresh.json().mustChangePassword).toBe(true);
    expect((await auditOf(get().db, target.user.id)).map((a) => a.action)).toContain('identity.user.reset_password');
  });

  it('unlocks a locked-out user before the lockout runs out', async () => {
    const target = await buildUser(get().db);
    for (let i = 0; i < 5; i++) await app.inject(login(target.login, `wrong-${i}`));
    expect((await app.inject(login(target.login, TEST_PASSWORD))).statusCode).toBe(423);
    const locked = await admin.get(`/api/v1/users/${target.id}`);
    expect(locked.json().lockedUntil).not.toBeNull();

    const res = await admin.post(`/api/v1/users/${target.id}/unlock`);
    expect(res.statusCode).toBe(200);
    expect(res.json().lockedUntil).toBeNull();
    expect((await app.inject(login(target.login, TEST_PASSWORD))).statusCode).toBe(200);
    expect((await auditOf(get().db, target.id)).map((a) => a.action)).toContain('identity.user.unlock');
  });

  it('answers 404 for users that do not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await admin.get(`/api/v1/users/${missing}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/v1/users/${missing}`, { displayName: 'x', version: 1 })).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/users/${missing}/reset-password`)).statusCode).toBe(404);
    expect((await admin.post(`/api/v1/users/${missing}/unlock`)).statusCode).toBe(404);
  });
});
