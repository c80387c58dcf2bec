import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';
import { liveServices, settingsFromUrl, unavailable } from './testing/live-services';

const API_KEY = 'k-7f3a9c';
const pgLive = settingsFromUrl(liveServices.postgresUrl, 5432);
const myLive = settingsFromUrl(liveServices.mariadbUrl, 3306);
const pgSkipped = await unavailable('PostgreSQL', liveServices.postgresUrl, async () => {
  const client = new pg.Client({ connectionString: liveServices.postgresUrl, connectionTimeoutMillis: 3_000 });
  await client.connect().finally(() => client.end().catch(() => {}));
});
const connectMariadb = (connectTimeout = 10_000) => {
  const { host, port, user, database } = myLive.settings;
  return mysql.createConnection({ host, port, user, database, password: myLive.password ?? '', connectTimeout });
};
const mySkipped = await unavailable('MariaDB', liveServices.mariadbUrl, async () => {
  const conn = await connectMariadb(3_000);
  await conn.end();
});

/** A small JSON API on loopback: records, a key-protected path, a forbidden one, HTML and a redirect. */
function startApi(): Promise<Server> {
  const server = createServer((req, res) => {
    const send = (status: number, body: string, type = 'application/json') => res.writeHead(status, { 'content-type': type }).end(body);
    const records = {
      code: 0,
      data: {
        items: [
          { id: 1, name: '张三', born: '1990-01-01' },
          { id: 2, name: '李四', born: null },
        ],
      },
    };
    if (req.url === '/people') return send(200, JSON.stringify(records));
    if (req.url === '/secure') return req.headers['x-api-key'] === API_KEY ? send(200, JSON.stringify([{ a: 1 }])) : send(401, '{}');
    if (req.url === '/forbidden') return send(403, '{}');
    if (req.url === '/html') return send(200, '<html></html>', 'text/html');
    if (req.url === '/redirect') return res.writeHead(302, { location: '/people' }).end();
    return send(404, '{}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describeEachEngine('data source connection tests and introspection', (get) => {
  let app: FastifyInstance;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    ({ app } = await buildTestApp(get()));
    server = await startApi();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function officer() {
    const department = await buildDepartment(get().db);
    const { api, user } = await signedIn(app, get().db, { roles: ['data_officer'], departmentId: department.id });
    return { department, api, user };
  }

  async function create(api: Client, body: Record<string, unknown>) {
    const res = await api.post('/api/v1/sources', { name: `源-${randomBytes(4).toString('hex')}`, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  }

  const testUnsaved = async (api: Client, body: Record<string, unknown>) => (await api.post('/api/v1/sources/test', body)).json();

  it('tests an HTTP JSON source, then lists its one table and infers its fields', async () => {
    const { department, api } = await officer();
    const source = await create(api, {
      departmentId: department.id,
      kind: 'http_json',
      connection: { url: `${base}/people`, jsonPath: 'data.items' },
    });
    const tested = await api.post(`/api/v1/sources/${source.id}/test`);
    expect(tested.json()).toMatchObject({ status: 'ok', step: null, code: null, message: 'HTTP 200 OK: 2 records, 3 fields' });
    expect(tested.json().elapsedMs).toBeGreaterThanOrEqual(0);
    expect((await api.get(`/api/v1/sources/${source.id}/tables`)).json().items).toEqual([
      { schema: null, name: 'data.items', kind: 'table', estimatedRows: 2, comment: null },
    ]);
    const columns = (await api.get(`/api/v1/sources/${source.id}/tables/data.items/columns`)).json().items as Record<string, unknown>[];
    expect(columns.map((c) => [c.name, c.normalizedType, c.nullable])).toEqual([
      ['id', 'int', false],
      ['name', 'char', false],
      ['born', 'date', true],
    ]);
    const stored = (await api.get(`/api/v1/sources/${source.id}`)).json();
    expect(stored).toMatchObject({ version: 1, lastTest: { status: 'ok', message: 'HTTP 200 OK: 2 records, 3 fields' } });
    const audit = await auditOf(get().db, source.id);
    expect(audit.map((a) => a.action)).toEqual(['catalog.source.create', 'catalog.source.test']);
    expect(audit[1]!.details).toMatchObject({ status: 'ok', step: null });
  });

  it('names the failing step of an HTTP endpoint: auth, permission, or read', async () => {
    const { api } = await officer();
    const at = (path: string, headers?: unknown) =>
      testUnsaved(api, { kind: 'http_json', connection: { url: `${base}${path}` }, ...(headers ? { headers } : {}) });
    expect(await at('/secure')).toMatchObject({ status: 'failed', step: 'auth', code: 'HTTP_401' });
    expect(await at('/secure', [{ name: 'X-Api-Key', value: API_KEY }])).toMatchObject({ status: 'ok' });
    expect(await at('/forbidden')).toMatchObject({ step: 'permission', code: 'HTTP_403' });
    expect(await at('/html')).toMatchObject({ step: 'read', code: 'INVALID_JSON' });
    expect(await at('/redirect')).toMatchObject({
      step: 'read',
      code: 'HTTP_302',
      message: expect.stringContaining('redirects to /people'),
    });
    expect(await at('/missing')).toMatchObject({ step: 'read', code: 'HTTP_404' });
    expect(await testUnsaved(api, { kind: 'http_json', connection: { url: `${base}/people`, jsonPath: 'data.nothing' } })).toMatchObject({
      step: 'read',
      code: 'PATH_NOT_FOUND',
    });
  });

  it('tests unsaved settings with the stored secrets of a source when the body leaves them out', async () => {
    const { department, api } = await officer();
    const source = await create(api, {
      departmentId: department.id,
      kind: 'http_json',
      connection: { url: `${base}/secure` },
      headers: [{ name: 'X-Api-Key', value: API_KEY }],
    });
    const body = { kind: 'http_json', connection: { url: `${base}/secure` }, headers: [{ name: 'X-Api-Key' }] };
    expect(await testUnsaved(api, { ...body, sourceId: source.id })).toMatchObject({ status: 'ok' });
    const without = await api.post('/api/v1/sources/test', body);
    expect(without.statusCode).toBe(400);
    expect(without.json()).toMatchObject({ details: { field: 'headers' } });
    const wrongKind = await api.post('/api/v1/sources/test', {
      kind: 'mysql',
      connection: { host: '127.0.0.1', database: 'x', user: 'y' },
      sourceId: source.id,
    });
    expect(wrongKind.statusCode).toBe(400);
  });

  it('names dns and connect failures of unsaved settings, and audits each test', async () => {
    const { api, user } = await officer();
    const connection = { host: 'no-such-host.invalid', database: 'test', user: 'postgres' };
    expect(await testUnsaved(api, { kind: 'postgresql', connection })).toMatchObject({ status: 'failed', step: 'dns', code: 'ENOTFOUND' });
    expect(await testUnsaved(api, { kind: 'mysql', connection: { ...connection, host: '127.0.0.1', port: 1 } })).toMatchObject({
      step: 'connect',
      code: 'ECONNREFUSED',
    });
    const audit = await get()
      .db.selectFrom('audit_event')
      .select(['action', 'target_label', 'details'])
      .where('actor_user_id', '=', user.id)
      .where('action', '=', 'catalog.source.test')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'catalog.source.test',
        target_label: 'no-such-host.invalid:5432',
        details: expect.objectContaining({ unsaved: true, step: 'dns' }),
      },
      { action: 'catalog.source.test', target_label: '127.0.0.1:1', details: expect.objectContaining({ kind: 'mysql', step: 'connect' }) },
    ]);
  });

  it('records a failed test on the source without changing its version, and answers 502 to introspection', async () => {
    const { department, api } = await officer();
    const source = await create(api, {
      departmentId: department.id,
      kind: 'postgresql',
      connection: { host: '127.0.0.1', port: 1, database: 'test', user: 'postgres' },
    });
    expect((await api.post(`/api/v1/sources/${source.id}/test`)).json()).toMatchObject({ status: 'failed', step: 'connect' });
    expect((await api.get(`/api/v1/sources/${source.id}`)).json()).toMatchObject({
      version: 1,
      lastTest: { status: 'failed', step: 'connect', code: 'ECONNREFUSED' },
    });
    const tables = await api.get(`/api/v1/sources/${source.id}/tables`);
    expect(tables.statusCode).toBe(502);
    expect(tables.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE', details: { step: 'connect', code: 'ECONNREFUSED' } });
  });

  it.skipIf(pgSkipped !== null)('introspects a real PostgreSQL table through the API', async () => {
    const schema = `sy_api_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: liveServices.postgresUrl });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
      await admin.query(`create table ${schema}.licence (code varchar(32) primary key, issued date not null)`);
      const { department, api } = await officer();
      const { host, port, database, user } = pgLive.settings;
      const source = await create(api, {
        departmentId: department.id,
        kind: 'postgresql',
        connection: { host, port, database, user, schema },
        ...(pgLive.password ? { password: pgLive.password } : {}),
      });
      expect((await api.post(`/api/v1/sources/${source.id}/test`)).json()).toMatchObject({ status: 'ok' });
      expect((await api.get(`/api/v1/sources/${source.id}/tables`)).json().items).toMatchObject([
        { schema, name: 'licence', kind: 'table' },
      ]);
      const columns = await api.get(`/api/v1/sources/${source.id}/tables/licence/columns`);
      expect(columns.json().items).toMatchObject([
        { name: 'code', normalizedType: 'char', length: 32, primaryKey: true },
        { name: 'issued', normalizedType: 'date', nullable: false },
      ]);
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });

  it.skipIf(mySkipped !== null)('introspects a real MariaDB table through the API', async () => {
    const database = `sy_api_${randomBytes(4).toString('hex')}`;
    const admin = await connectMariadb();
    try {
      await admin.query(`create database ${database}`);
      await admin.query(`create table ${database}.licence (code varchar(32) primary key, issued date not null) comment '许可证'`);
      const { department, api } = await officer();
      const { host, port, user } = myLive.settings;
      const source = await create(api, {
        departmentId: department.id,
        kind: 'mysql',
        connection: { host, port, database, user },
        ...(myLive.password ? { password: myLive.password } : {}),
      });
      expect((await api.post(`/api/v1/sources/${source.id}/test`)).json()).toMatchObject({ status: 'ok' });
      expect((await api.get(`/api/v1/sources/${source.id}/tables`)).json().items).toMatchObject([
        { schema: database, name: 'licence', comment: '许可证' },
      ]);
      const columns = await api.get(`/api/v1/sources/${source.id}/tables/licence/columns?schema=${database}`);
      expect(columns.json().items).toMatchObject([
        { name: 'code', dataType: 'varchar(32)', normalizedType: 'char', primaryKey: true },
        { name: 'issued', normalizedType: 'date', nullable: false },
      ]);
    } finally {
      await admin.query(`drop database if exists ${database}`);
      await admin.end();
    }
  });
});
