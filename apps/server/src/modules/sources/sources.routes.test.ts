import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';
import { SealedBox } from '../../platform/crypto/provider';

const box = new SealedBox(Buffer.alloc(32, 7)); // the master key of buildTestApp
const sourceName = () => `测试数据源-${randomBytes(4).toString('hex')}`;
const PASSWORD = 'Pg#Secret-2026';
const API_KEY = 'key-0123456789abcdef';

/** A PostgreSQL source body with overridable fields. */
const pgBody = (departmentId: string, overrides: Record<string, unknown> = {}) => ({
  departmentId,
  name: sourceName(),
  kind: 'postgresql',
  description: '人口库',
  connection: { host: '127.0.0.1', database: 'test', user: 'postgres', schema: 'public' },
  password: PASSWORD,
  ...overrides,
});

describeEachEngine('data source routes', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await buildTestApp(get()));
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A data officer of a fresh department. */
  async function officer(parentId?: string) {
    const department = await buildDepartment(get().db, parentId ? { parentId } : {});
    const signed = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: department.id });
    return { department, api: signed.api };
  }

  async function create(api: Client, body: Record<string, unknown>) {
    const res = await api.post('/api/v1/sources', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; name: string; version: number; [key: string]: unknown };
  }

  const storedRow = (id: string) => get().db.selectFrom('data_source').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('registers a database source, seals its password and never returns it', async () => {
    const { department, api } = await officer();
    const created = await create(api, pgBody(department.id));
    expect(created).toMatchObject({
      kind: 'postgresql',
      departmentId: department.id,
      departmentName: department.name,
      connection: { host: '127.0.0.1', port: 5432, database: 'test', user: 'postgres', schema: 'public' },
      hasPassword: true,
      status: 'active',
      lastTest: null,
      version: 1,
    });
    const responses = [await api.get(`/api/v1/sources/${created.id}`), await api.get('/api/v1/sources')];
    for (const res of [...responses, { body: JSON.stringify(created) }]) {
      expect(res.body).not.toContain(PASSWORD);
      expect(res.body).not.toContain('"password"');
    }
    const row = await storedRow(created.id);
    expect(row.credentials_sealed).toMatch(/^v1\./);
    expect(row.credentials_sealed).not.toContain(PASSWORD);
    expect(row.credentials_sealed).not.toContain(Buffer.from(PASSWORD).toString('base64url'));
    expect(JSON.stringify(row.settings)).not.toContain(PASSWORD);
    expect(JSON.parse(box.open(row.credentials_sealed!))).toEqual({ password: PASSWORD });

    const audit = await auditOf(get().db, created.id);
    expect(audit.map((a) => a.action)).toEqual(['catalog.source.create']);
    expect(audit[0]).toMatchObject({ target_type: 'data_source', target_label: created.name, details: { kind: 'postgresql' } });
    expect(JSON.stringify(audit)).not.toContain(PASSWORD);
  });

  it('registers an HTTP JSON source: header names shown, header values sealed', async () => {
    const { department, api } = await officer();
    const created = await create(api, {
      departmentId: department.id,
      name: sourceName(),
      kind: 'http_json',
      connection: { url: 'https://api.example.gov.cn/v1/people?page=1', jsonPath: 'data.items' },
      headers: [
        { name: 'X-Api-Key', value: API_KEY },
        { name: 'X-Region', value: '320000' },
      ],
    });
    expect(created).toMatchObject({
      connection: {
        url: 'https://api.example.gov.cn/v1/people?page=1',
        method: 'GET',
        jsonPath: 'data.items',
        headerNames: ['X-Api-Key', 'X-Region'],
      },
    });
    expect(JSON.stringify(created)).not.toContain(API_KEY);

    // Headers without a value keep the stored one; one left out is dropped.
    const res = await api.patch(`/api/v1/sources/${created.id}`, {
      headers: [{ name: 'X-Api-Key' }, { name: 'X-Trace', value: 'on' }],
      version: 1,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().connection.headerNames).toEqual(['X-Api-Key', 'X-Trace']);
    expect(JSON.parse(box.open((await storedRow(created.id)).credentials_sealed!))).toEqual({
      headers: { 'X-Api-Key': API_KEY, 'X-Trace': 'on' },
    });

    const missing = await api.patch(`/api/v1/sources/${created.id}`, { headers: [{ name: 'X-Other' }], version: 2 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'headers' } });
  });

  it('updates with the version, refuses a stale one with the current record, and removes a password', async () => {
    const { department, api } = await officer();
    const created = await create(api, pgBody(department.id));
    const renamed = await api.patch(`/api/v1/sources/${created.id}`, { name: `${created.name}-新`, description: '改', version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: `${created.name}-新`, description: '改', version: 2, hasPassword: true });

    const stale = await api.patch(`/api/v1/sources/${created.id}`, { status: 'disabled', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { version: 2, name: `${created.name}-新`, status: 'active' } },
    });
    expect(stale.body).not.toContain(PASSWORD);

    const moved = await api.patch(`/api/v1/sources/${created.id}`, {
      connection: { host: 'db.example.gov.cn', port: 6432, database: 'people', user: 'reader' },
      password: null,
      version: 2,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      connection: { host: 'db.example.gov.cn', port: 6432, database: 'people', user: 'reader', schema: null },
      hasPassword: false,
      version: 3,
    });
    expect((await storedRow(created.id)).credentials_sealed).toBeNull();

    const audit = await auditOf(get().db, created.id);
    expect(audit.map((a) => a.action)).toEqual(['catalog.source.create', 'catalog.source.update', 'catalog.source.update']);
    expect(audit[2]!.details).toMatchObject({ changed: ['connection', 'password'] });
  });

  it('keeps the password when only the connection changes', async () => {
    const { department, api } = await officer();
    const created = await create(api, pgBody(department.id));
    const res = await api.patch(`/api/v1/sources/${created.id}`, {
      connection: { host: '10.0.0.8', database: 'test', user: 'postgres' },
      version: 1,
    });
    expect(res.json()).toMatchObject({ hasPassword: true, connection: { host: '10.0.0.8' } });
    expect(JSON.parse(box.open((await storedRow(created.id)).credentials_sealed!))).toEqual({ password: PASSWORD });
  });

  it('refuses a duplicate name within a department, allows it in another', async () => {
    const { department, api } = await officer();
    const body = pgBody(department.id);
    await create(api, body);
    const clash = await api.post('/api/v1/sources', { ...body, kind: 'mysql', connection: { host: 'h', database: 'd', user: 'u' } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'name' } });

    const other = await create(api, pgBody(department.id));
    const rename = await api.patch(`/api/v1/sources/${other.id}`, { name: body.name, version: 1 });
    expect(rename.statusCode).toBe(409);
    expect(rename.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'name' } });

    const elsewhere = await officer();
    await create(elsewhere.api, pgBody(elsewhere.department.id, { name: body.name }));
  });

  it('answers 404 for every operation on a source of another department', async () => {
    const mine = await officer();
    const theirs = await officer();
    const foreign = await create(theirs.api, pgBody(theirs.department.id));
    const attempts = [
      await mine.api.get(`/api/v1/sources/${foreign.id}`),
      await mine.api.patch(`/api/v1/sources/${foreign.id}`, { name: '被改名', version: 1 }),
      await mine.api.delete(`/api/v1/sources/${foreign.id}`),
      await mine.api.post(`/api/v1/sources/${foreign.id}/test`),
      await mine.api.get(`/api/v1/sources/${foreign.id}/tables`),
      await mine.api.get(`/api/v1/sources/${foreign.id}/tables/person/columns`),
      await mine.api.post('/api/v1/sources/test', {
        kind: 'postgresql',
        connection: { host: '127.0.0.1', port: 1, database: 'test', user: 'postgres' },
        sourceId: foreign.id,
      }),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect((await mine.api.get('/api/v1/sources')).json().items).toEqual([]);
    expect((await mine.api.get(`/api/v1/sources?departmentId=${theirs.department.id}`)).json().items).toEqual([]);
    expect((await theirs.api.get(`/api/v1/sources/${foreign.id}`)).json()).toMatchObject({ version: 1, lastTest: null });

    const into = await mine.api.post('/api/v1/sources', pgBody(theirs.department.id));
    expect(into.statusCode).toBe(400);
    expect(into.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'departmentId' } });
  });

  it('lets an officer manage the sources of its sub-departments, and a bureau reviewer read all of them', async () => {
    const parent = await officer();
    const child = await buildDepartment(get().db, { parentId: parent.department.id });
    const created = await create(parent.api, pgBody(child.id));
    const reviewer = await signedIn(app, get().db, { roles: ['bureau_reviewer'] });
    expect((await reviewer.api.get(`/api/v1/sources/${created.id}`)).statusCode).toBe(200);
    expect((await reviewer.api.get(`/api/v1/sources?departmentId=${child.id}`)).json().items).toHaveLength(1);
    expect((await reviewer.api.post('/api/v1/sources', pgBody(child.id))).statusCode).toBe(403);
    expect((await reviewer.api.post(`/api/v1/sources/${created.id}/test`)).statusCode).toBe(403);
  });

  it('lets a department user neither read nor manage sources', async () => {
    const department = await buildDepartment(get().db);
    const { api } = await signedIn(app, get().db, { roles: ['department_user'], departmentId: department.id });
    expect((await api.get('/api/v1/sources')).statusCode).toBe(403);
    expect((await api.post('/api/v1/sources', pgBody(department.id))).statusCode).toBe(403);
  });

  it('filters the list by department, kind and text', async () => {
    const { department, api } = await officer();
    const child = await buildDepartment(get().db, { parentId: department.id });
    const a = await create(api, pgBody(department.id, { name: `户籍库-${randomBytes(3).toString('hex')}`, description: '人口' }));
    const b = await create(api, { departmentId: child.id, name: sourceName(), kind: 'file', description: '低保名册 100%' });
    const ids = async (query: string) =>
      ((await api.get(`/api/v1/sources${query}`)).json().items as { id: string }[]).map((s) => s.id).sort();
    expect(await ids('')).toEqual([a.id, b.id].sort());
    expect(await ids(`?departmentId=${child.id}`)).toEqual([b.id]);
    expect(await ids('?kind=postgresql')).toEqual([a.id]);
    expect(await ids(`?q=${encodeURIComponent('户籍')}`)).toEqual([a.id]);
    expect(await ids(`?q=${encodeURIComponent('100%')}`)).toEqual([b.id]);
    expect(await ids('?q=%25')).toEqual([b.id]);
  });

  it('refuses unknown fields and settings that do not fit the kind', async () => {
    const { department, api } = await officer();
    const unknown = await api.post('/api/v1/sources', { ...pgBody(department.id), owner: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'UNKNOWN_FIELD' });
    const mysqlSchema = await api.post('/api/v1/sources', pgBody(department.id, { kind: 'mysql' }));
    expect(mysqlSchema.statusCode).toBe(400);
    expect(mysqlSchema.json()).toMatchObject({ details: { field: 'connection.schema' } });
    const badUrl = await api.post('/api/v1/sources', {
      departmentId: department.id,
      name: sourceName(),
      kind: 'http_json',
      connection: { url: 'file:///etc/passwd' },
    });
    expect(badUrl.statusCode).toBe(400);
    // Not a URL at all: the same 400, never a 500 from the credentials check.
    for (const url of ['not a url', 'http://[::1'])
      expect(
        (
          await api.post('/api/v1/sources', { departmentId: department.id, name: sourceName(), kind: 'http_json', connection: { url } })
        ).json(),
      ).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    const userinfo = await api.post('/api/v1/sources', {
      departmentId: department.id,
      name: sourceName(),
      kind: 'http_json',
      connection: { url: 'https://user:secret@api.example.gov.cn/v1' },
    });
    expect(userinfo.statusCode).toBe(400);
    expect(userinfo.body).not.toContain('secret@');

    const created = await create(api, pgBody(department.id));
    for (const body of [
      { headers: [{ name: 'X-A', value: 'b' }], version: 1 },
      { connection: { url: 'https://example.gov.cn/' }, version: 1 },
    ]) {
      const res = await api.patch(`/api/v1/sources/${created.id}`, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('deletes a source with an audit record', async () => {
    const { department, api } = await officer();
    const created = await create(api, pgBody(department.id));
    expect((await api.delete(`/api/v1/sources/${created.id}`)).statusCode).toBe(204);
    expect((await api.get(`/api/v1/sources/${created.id}`)).statusCode).toBe(404);
    expect((await api.delete(`/api/v1/sources/${created.id}`)).statusCode).toBe(404);
    expect((await auditOf(get().db, created.id)).map((a) => a.action)).toEqual(['catalog.source.create', 'catalog.source.delete']);
  });
});
