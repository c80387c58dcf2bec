import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import { liveServices, unavailable } from '../sources/testing/live-services';

// The mounted table lives on the real local PostgreSQL, whichever engine the platform runs on.
const schema = `mount_${randomBytes(4).toString('hex')}`;
const skipped = await unavailable('PostgreSQL', liveServices.postgresUrl, async () => {
  const client = new pg.Client({ connectionString: liveServices.postgresUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  await client.end();
});

async function onSource(sql: string) {
  const client = new pg.Client({ connectionString: liveServices.postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describeEachEngine('catalog mounts against a real PostgreSQL source', (get) => {
  let app: FastifyInstance;
  let officer: Client;
  let otherOfficer: Client;
  let reviewer: Client;
  let sourceId: string;

  beforeAll(async () => {
    if (skipped) return;
    await onSource(`create schema ${schema};
      create table ${schema}.person (id_number char(18) primary key, name varchar(50) not null, birth_date date, updated_at timestamptz, extra_note text);
      insert into ${schema}.person values ('110101199003070000', '张三', '1990-03-07', now(), null);`);
    app = (await buildTestApp(get())).app;
    const own = await buildDepartment(get().db);
    const other = await buildDepartment(get().db);
    officer = (await signedIn(app, get().db, { roles: ['data_officer'], departmentId: own.id })).api;
    otherOfficer = (await signedIn(app, get().db, { roles: ['data_officer'], departmentId: other.id })).api;
    reviewer = (await signedIn(app, get().db, { roles: ['bureau_reviewer'] })).api;
    const url = new URL(liveServices.postgresUrl);
    const source = await officer.post('/api/v1/sources', {
      departmentId: own.id,
      name: `人口库-${schema}`,
      kind: 'postgresql',
      connection: {
        host: url.hostname,
        port: Number(url.port || 5432),
        database: url.pathname.slice(1),
        user: url.username || 'postgres',
        schema,
      },
    });
    expect(source.statusCode, source.body).toBe(201);
    sourceId = source.json().id;
  });
  afterAll(async () => {
    await app?.close();
    if (!skipped) await onSource(`drop schema if exists ${schema} cascade`);
  });

  it.skipIf(!!skipped)('compares the items with the columns, refuses an incomplete mount, and mounts after review', async () => {
    const content = entryContent();
    content.items.push({
      name: '联系电话',
      nameEn: 'phone',
      dataType: 'char',
      length: 20,
      primaryKey: false,
      timestamp: false,
      sensitive: true,
    });
    const entry = (await officer.post('/api/v1/catalog/entries', content)).json();

    const preview = await officer.post(`/api/v1/catalog/entries/${entry.id}/mounts/preview`, {
      sourceId,
      resourceName: `${schema}.person`,
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const diff = preview.json().diff;
    expect(diff.missing).toEqual([{ item: '联系电话', expected: 'phone' }]);
    expect(diff.extra.map((e: { column: string }) => e.column)).toEqual(['extra_note']);
    expect(diff.covers).toBe(false);

    const refused = await officer.post(`/api/v1/catalog/entries/${entry.id}/mounts`, { sourceId, resourceName: `${schema}.person` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'MOUNT_INCOMPLETE', details: { diff: { covers: false } } });
    expect((await officer.get(`/api/v1/catalog/entries/${entry.id}/mounts`)).json().items).toEqual([]);

    const requested = await officer.post(`/api/v1/catalog/entries/${entry.id}/mounts`, {
      sourceId,
      resourceName: `${schema}.person`,
      columnMap: { 联系电话: 'extra_note' },
    });
    expect(requested.statusCode, requested.body).toBe(201);
    expect(requested.json()).toMatchObject({ status: 'in_review', kind: 'table', actions: ['remove'] });
    expect((await reviewer.get(`/api/v1/catalog/entries/${entry.id}/mounts`)).json().items[0].actions).toEqual(['review']);
    expect((await officer.get(`/api/v1/catalog/entries/${entry.id}`)).json().mountStatus).toBe('in_review');

    const mount = requested.json();
    const approved = await reviewer.post(`/api/v1/catalog/mounts/${mount.id}/review`, { decision: 'approve', version: 1 });
    expect(approved.json().status).toBe('mounted');
    expect((await officer.get(`/api/v1/catalog/entries/${entry.id}`)).json().mountStatus).toBe('mounted');
    expect((await auditOf(get().db, entry.id)).map((a) => a.action)).toEqual([
      'catalog.entry.create',
      'catalog.mount.request',
      'catalog.mount.approve',
    ]);

    expect((await officer.delete(`/api/v1/catalog/mounts/${mount.id}`, { version: 2 })).statusCode).toBe(204);
    expect((await officer.get(`/api/v1/catalog/entries/${entry.id}`)).json().mountStatus).toBe('unmounted');
  });

  it.skipIf(!!skipped)('answers a table that does not exist, and a source of another department, with 404, writing nothing', async () => {
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    const missing = await officer.post(`/api/v1/catalog/entries/${entry.id}/mounts`, { sourceId, resourceName: `${schema}.no_such_table` });
    expect(missing.statusCode).toBe(404);
    const other = (await otherOfficer.post('/api/v1/catalog/entries', entryContent())).json();
    const foreign = await otherOfficer.post(`/api/v1/catalog/entries/${other.id}/mounts/preview`, {
      sourceId,
      resourceName: `${schema}.person`,
    });
    expect(foreign.statusCode).toBe(404);
    const rows = await get().db.selectFrom('catalog_mount').select('id').where('entry_id', 'in', [entry.id, other.id]).execute();
    expect(rows).toEqual([]);
  });

  it.skipIf(!!skipped)('lets nobody review their own mount request, and requires a comment to return one', async () => {
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    const mount = (await officer.post(`/api/v1/catalog/entries/${entry.id}/mounts`, { sourceId, resourceName: `${schema}.person` })).json();
    expect((await officer.post(`/api/v1/catalog/mounts/${mount.id}/review`, { decision: 'approve', version: 1 })).statusCode).toBe(403);
    expect((await reviewer.post(`/api/v1/catalog/mounts/${mount.id}/review`, { decision: 'return', version: 1 })).statusCode).toBe(400);
    const returned = await reviewer.post(`/api/v1/catalog/mounts/${mount.id}/review`, {
      decision: 'return',
      comment: '请挂接视图而非原表',
      version: 1,
    });
    expect(returned.json()).toMatchObject({ status: 'returned', comment: '请挂接视图而非原表' });
    expect((await officer.get(`/api/v1/catalog/entries/${entry.id}`)).json().mountStatus).toBe('returned');
  });

  it.skipIf(!!skipped)('mounts nothing from a disabled source', async () => {
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    const source = (await officer.get(`/api/v1/sources/${sourceId}`)).json();
    expect((await officer.patch(`/api/v1/sources/${sourceId}`, { status: 'disabled', version: source.version })).statusCode).toBe(200);
    const refused = await officer.post(`/api/v1/catalog/entries/${entry.id}/mounts/preview`, {
      sourceId,
      resourceName: `${schema}.person`,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().details.reason).toMatch(/disabled/);
    expect((await officer.patch(`/api/v1/sources/${sourceId}`, { status: 'active', version: source.version + 1 })).statusCode).toBe(200);
  });

  it.skipIf(!!skipped)('keeps a source with live mounts, and deletes it once they are all removed', async () => {
    const live = await get()
      .db.selectFrom('catalog_mount')
      .select(['id', 'version'])
      .where('source_id', '=', sourceId)
      .where('status', '!=', 'removed')
      .execute();
    expect(live.length).toBeGreaterThan(0);
    expect((await officer.delete(`/api/v1/sources/${sourceId}`)).statusCode).toBe(409);
    for (const mount of live)
      expect((await officer.delete(`/api/v1/catalog/mounts/${mount.id}`, { version: mount.version })).statusCode).toBe(204);
    const deleted = await officer.delete(`/api/v1/sources/${sourceId}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await get().db.selectFrom('catalog_mount').select('id').where('source_id', '=', sourceId).execute()).toEqual([]);
  });
});
