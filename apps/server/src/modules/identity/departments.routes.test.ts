import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildUser, buildTestApp, randomUscc } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';

const unique = () => randomBytes(4).toString('hex');

/** A valid create body; the agency code is fresh on every call. */
const newDepartment = (overrides: Record<string, unknown> = {}) => ({
  name: `测试局-${unique()}`,
  level: 'province',
  divisionCode: '320000',
  agencyCode: randomUscc(),
  ...overrides,
});

/** Changes the last character of a valid credit code so its check no longer holds. */
const breakCheck = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

describeEachEngine('department routes', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    admin = (await signedIn(app, get().db, { roles: ['platform_admin'] })).api;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists departments to every logged-in role that reads them', async () => {
    const department = await buildDepartment(get().db);
    const { api } = await signedIn(app, get().db, { roles: ['department_user'] });
    const res = await api.get('/api/v1/departments');
    expect(res.statusCode).toBe(200);
    const found = res.json().items.find((d: { id: string }) => d.id === department.id);
    expect(found).toMatchObject({
      name: department.name,
      agencyCode: department.agency_code,
      parentId: null,
      level: 'province',
      version: 1,
    });
    expect((await api.get(`/api/v1/departments/${department.id}`)).json().id).toBe(department.id);
  });

  it('creates a department under a parent, and audits it', async () => {
    const parent = await buildDepartment(get().db);
    const body = newDepartment({ parentId: parent.id, shortName: '测试' });
    const res = await admin.post('/api/v1/departments', body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ parentId: parent.id, name: body.name, shortName: '测试', agencyCode: body.agencyCode, version: 1 });
    const audit = await auditOf(get().db, created.id);
    expect(audit.map((a) => a.action)).toEqual(['identity.department.create']);
  });

  it('refuses an agency code whose check digit is wrong with VALIDATION_FAILED', async () => {
    const body = newDepartment();
    const res = await admin.post('/api/v1/departments', { ...body, agencyCode: breakCheck(body.agencyCode) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.json().details.issues.map((i: { path: string }) => i.path)).toEqual(['agencyCode']);
    const bad = await admin.post('/api/v1/departments', { ...body, divisionCode: '990000' });
    expect(bad.json().details.issues.map((i: { path: string }) => i.path)).toEqual(['divisionCode']);
  });

  it('refuses a second department with the same agency code with 409 DUPLICATE', async () => {
    const existing = await buildDepartment(get().db);
    const res = await admin.post('/api/v1/departments', newDepartment({ agencyCode: existing.agency_code }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'agencyCode' } });
  });

  it('refuses a duplicate name under the same parent, but allows it elsewhere', async () => {
    const [a, b] = [await buildDepartment(get().db), await buildDepartment(get().db)];
    const name = `同名处-${unique()}`;
    expect((await admin.post('/api/v1/departments', newDepartment({ parentId: a.id, name }))).statusCode).toBe(201);
    const clash = await admin.post('/api/v1/departments', newDepartment({ parentId: a.id, name }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'name' } });
    expect((await admin.post('/api/v1/departments', newDepartment({ parentId: b.id, name }))).statusCode).toBe(201);
  });

  it('refuses a parent that does not exist', async () => {
    const res = await admin.post('/api/v1/departments', newDepartment({ parentId: '00000000-0000-4000-8000-000000000000' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().details).toMatchObject({ field: 'parentId' });
  });

  it('updates with the current version and refuses a stale one with the current record', async () => {
    const department = await buildDepartment(get().db);
    const first = await admin.patch(`/api/v1/departments/${department.id}`, { shortName: '第一次', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ shortName: '第一次', version: 2 });
    const stale = await admin.patch(`/api/v1/departments/${department.id}`, { shortName: '第二次', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect(stale.json().details.current).toMatchObject({ id: department.id, shortName: '第一次', version: 2 });
    const row = await get()
      .db.selectFrom('department')
      .select(['short_name', 'version'])
      .where('id', '=', department.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ short_name: '第一次', version: 2 });
    expect((await auditOf(get().db, department.id)).map((a) => a.action)).toEqual(['identity.department.update']);
  });

  it('refuses an agency code taken by another department on update', async () => {
    const [a, b] = [await buildDepartment(get().db), await buildDepartment(get().db)];
    const res = await admin.patch(`/api/v1/departments/${a.id}`, { agencyCode: b.agency_code, version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'agencyCode' } });
  });

  it('refuses to move a department below itself or below its own descendant', async () => {
    const root = await buildDepartment(get().db);
    const child = await buildDepartment(get().db, { parentId: root.id });
    const grandchild = await buildDepartment(get().db, { parentId: child.id });
    for (const target of [root.id, child.id, grandchild.id]) {
      const res = await admin.patch(`/api/v1/departments/${root.id}`, { parentId: target, version: 1 });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'parentId' } });
    }
    const row = await get()
      .db.selectFrom('department')
      .select(['parent_id', 'version'])
      .where('id', '=', root.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ parent_id: null, version: 1 });
    const other = await buildDepartment(get().db);
    const moved = await admin.patch(`/api/v1/departments/${child.id}`, { parentId: other.id, version: 1 });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(other.id);
  });

  it('deletes only an empty department', async () => {
    const parent = await buildDepartment(get().db);
    const child = await buildDepartment(get().db, { parentId: parent.id });
    const withChild = await admin.delete(`/api/v1/departments/${parent.id}`);
    expect(withChild.statusCode).toBe(409);
    expect(withChild.json().code).toBe('CONFLICT');

    const staffed = await buildDepartment(get().db);
    await buildUser(get().db, { departmentId: staffed.id });
    expect((await admin.delete(`/api/v1/departments/${staffed.id}`)).statusCode).toBe(409);

    expect((await admin.delete(`/api/v1/departments/${child.id}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/v1/departments/${child.id}`)).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/departments/${parent.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/v1/departments/${parent.id}`)).statusCode).toBe(404);
    expect((await auditOf(get().db, parent.id)).map((a) => a.action)).toEqual(['identity.department.delete']);
  });

  it('lets only identity.department.manage write: a data officer gets 403', async () => {
    const own = await buildDepartment(get().db);
    const { api } = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: own.id });
    const attempts = [
      await api.post('/api/v1/departments', newDepartment({ parentId: own.id })),
      await api.patch(`/api/v1/departments/${own.id}`, { shortName: '改名', version: 1 }),
      await api.delete(`/api/v1/departments/${own.id}`),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'identity.department.manage' } });
    }
    const row = await get().db.selectFrom('department').select('version').where('id', '=', own.id).executeTakeFirstOrThrow();
    expect(row.version).toBe(1);
  });
  it('keeps a department manager without platform scope strictly below its own department', async () => {
    const code = `city_admin_${unique()}`;
    const role = await admin.post('/api/v1/roles', {
      code,
      nameZh: '市级管理员',
      nameEn: 'City administrator',
      permissions: ['portal.console.access', 'identity.department.read', 'identity.department.manage'],
    });
    expect(role.statusCode).toBe(201);
    const own = await buildDepartment(get().db, { level: 'city', divisionCode: '320100' });
    const child = await buildDepartment(get().db, { parentId: own.id, level: 'county', divisionCode: '320102' });
    const elsewhere = await buildDepartment(get().db);
    const { api } = await signedIn(app, get().db, { roles: [code], departmentId: own.id });

    const created = await api.post('/api/v1/departments', newDepartment({ parentId: child.id, level: 'county', divisionCode: '320102' }));
    expect(created.statusCode).toBe(201);
    expect((await api.patch(`/api/v1/departments/${child.id}`, { shortName: '玄武', version: 1 })).statusCode).toBe(200);

    const refused = [
      await api.post('/api/v1/departments', newDepartment({ parentId: elsewhere.id })),
      await api.post('/api/v1/departments', newDepartment()),
      await api.patch(`/api/v1/departments/${own.id}`, { shortName: '自己', version: 1 }),
      await api.patch(`/api/v1/departments/${elsewhere.id}`, { shortName: '别处', version: 1 }),
      await api.patch(`/api/v1/departments/${child.id}`, { parentId: elsewhere.id, version: 2 }),
      await api.delete(`/api/v1/departments/${elsewhere.id}`),
      await api.delete(`/api/v1/departments/${own.id}`),
    ];
    for (const res of refused) expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(refused.map((r) => r.statusCode)).toEqual(refused.map(() => 403));
    const rows = await get()
      .db.selectFrom('department')
      .select(['id', 'version', 'parent_id'])
      .where('id', 'in', [own.id, child.id, elsewhere.id])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.version, r.parent_id]]))).toEqual({
      [own.id]: [1, null],
      [child.id]: [2, own.id],
      [elsewhere.id]: [1, null],
    });
  });
});
