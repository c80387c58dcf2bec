import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { allPermissions, BuiltinRole } from '@shuyuan/contracts';
import { describeEachEngine } from '../../../test/databases';
import { buildTestApp, buildUser } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';

const code = () => `r_${randomBytes(4).toString('hex')}`;
const newRole = (overrides: Record<string, unknown> = {}) => ({
  code: code(),
  nameZh: '自定义角色',
  nameEn: 'Custom role',
  permissions: ['identity.user.read'],
  ...overrides,
});

interface RoleOut {
  id: string;
  code: string;
  builtin: boolean;
  permissions: string[];
  userCount: number;
  version: number;
}

describeEachEngine('role routes', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  const roleByCode = async (c: string): Promise<RoleOut> =>
    (await admin.get('/api/v1/roles')).json().items.find((r: RoleOut) => r.code === c);
  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    admin = (await signedIn(app, get().db, { roles: ['platform_admin'] })).api;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists the seeded built-in roles first, with their permissions', async () => {
    const custom = newRole({ code: `a_${randomBytes(4).toString('hex')}` });
    expect((await admin.post('/api/v1/roles', custom)).statusCode).toBe(201);
    const res = await admin.get('/api/v1/roles');
    expect(res.statusCode).toBe(200);
    const items: RoleOut[] = res.json().items;
    const builtin = items.filter((r) => r.builtin).map((r) => r.code);
    expect([...builtin].sort()).toEqual([...BuiltinRole.options].sort());
    expect(items.slice(0, builtin.length).every((r) => r.builtin)).toBe(true);
    expect(items.map((r) => r.code)).toContain(custom.code);
    const adminRole = items.find((r) => r.code === 'platform_admin')!;
    expect(adminRole.permissions).toEqual([...allPermissions].sort());
    expect(adminRole.userCount).toBeGreaterThanOrEqual(1);
    expect(items.find((r) => r.code === 'auditor')!.permissions).toContain('audit.event.export');
    expect(items.find((r) => r.code === 'department_user')!.permissions).not.toContain('identity.user.read');
  });

  it('lists every permission with a description in both languages', async () => {
    const res = await admin.get('/api/v1/permissions');
    expect(res.statusCode).toBe(200);
    const items: { name: string; descriptionZh: string; descriptionEn: string }[] = res.json().items;
    expect(items.map((p) => p.name)).toEqual([...allPermissions]);
    for (const p of items) {
      expect(p.descriptionZh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.descriptionEn.length).toBeGreaterThan(3);
    }
  });

  it('creates a custom role, and refuses unknown permissions', async () => {
    const body = newRole({ permissions: ['identity.user.read', 'identity.app.read', 'identity.user.read'] });
    const res = await admin.post('/api/v1/roles', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: body.code,
      builtin: false,
      permissions: ['identity.app.read', 'identity.user.read'],
      userCount: 0,
      version: 1,
    });
    expect((await auditOf(get().db, res.json().id)).map((a) => a.action)).toEqual(['identity.role.create']);

    const unknown = await admin.post('/api/v1/roles', newRole({ permissions: ['identity.user.read', 'identity.user.delete_everything'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'permissions', unknown: ['identity.user.delete_everything'] },
    });

    const clash = await admin.post('/api/v1/roles', newRole({ code: body.code }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'code' } });
    const badCode = await admin.post('/api/v1/roles', newRole({ code: 'Has Spaces' }));
    expect(badCode.json().code).toBe('VALIDATION_FAILED');
  });

  it('updates a role, audits what was added and removed, and refuses a stale version', async () => {
    const created = (await admin.post('/api/v1/roles', newRole())).json() as RoleOut;
    const res = await admin.patch(`/api/v1/roles/${created.id}`, { nameEn: 'Renamed', permissions: ['identity.app.read'], version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ nameEn: 'Renamed', permissions: ['identity.app.read'], version: 2 });
    const audit = (await auditOf(get().db, created.id)).find((a) => a.action === 'identity.role.update');
    expect(audit?.details).toEqual({ added: ['identity.app.read'], removed: ['identity.user.read'] });

    const stale = await admin.patch(`/api/v1/roles/${created.id}`, { nameEn: 'Again', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 2 } } });
    const unknown = await admin.patch(`/api/v1/roles/${created.id}`, { permissions: ['nope'], version: 2 });
    expect(unknown.statusCode).toBe(400);
  });

  it('takes effect on the next request of a user holding the role', async () => {
    const created = (await admin.post('/api/v1/roles', newRole({ permissions: ['identity.user.read'] }))).json() as RoleOut;
    const holder = await signedIn(app, get().db, { roles: [created.code] });
    expect((await holder.api.get('/api/v1/users')).statusCode).toBe(200);
    await admin.patch(`/api/v1/roles/${created.id}`, { permissions: [], version: 1 });
    expect((await holder.api.get('/api/v1/users')).statusCode).toBe(403);
  });

  it('never changes the permissions of platform_admin, though its names may change', async () => {
    const role = await roleByCode('platform_admin');
    const res = await admin.patch(`/api/v1/roles/${role.id}`, { permissions: ['identity.user.read'], version: role.version });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await roleByCode('platform_admin')).permissions).toEqual([...allPermissions].sort());
    const renamed = await admin.patch(`/api/v1/roles/${role.id}`, { description: 'Runs the platform.', version: role.version });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().permissions).toEqual([...allPermissions].sort());
  });

  it('refuses to delete a built-in role or a role still assigned, and deletes an unused one', async () => {
    const builtin = await roleByCode('analyst');
    const res = await admin.delete(`/api/v1/roles/${builtin.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('CONFLICT');

    const assigned = (await admin.post('/api/v1/roles', newRole())).json() as RoleOut;
    await buildUser(get().db, { roles: [assigned.code] });
    const busy = await admin.delete(`/api/v1/roles/${assigned.id}`);
    expect(busy.statusCode).toBe(409);
    expect(busy.json().details).toMatchObject({ userCount: 1 });

    const unused = (await admin.post('/api/v1/roles', newRole())).json() as RoleOut;
    expect((await admin.delete(`/api/v1/roles/${unused.id}`)).statusCode).toBe(204);
    expect(await roleByCode(unused.code)).toBeUndefined();
    expect((await admin.delete(`/api/v1/roles/${unused.id}`)).statusCode).toBe(404);
    expect((await auditOf(get().db, unused.id)).map((a) => a.action)).toEqual(['identity.role.create', 'identity.role.delete']);
  });

  it('lets a data officer read roles but not write them', async () => {
    const { api } = await signedIn(app, get().db, { roles: ['data_officer'] });
    expect((await api.get('/api/v1/roles')).statusCode).toBe(200);
    expect((await api.post('/api/v1/roles', newRole())).statusCode).toBe(403);
    const role = await roleByCode('data_officer');
    expect((await api.patch(`/api/v1/roles/${role.id}`, { permissions: [...allPermissions], version: role.version })).statusCode).toBe(403);
  });
});
