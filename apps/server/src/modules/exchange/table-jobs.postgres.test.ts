import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import type { CatalogItemInput } from '@shuyuan/contracts';
import { createTestDatabase } from '../../../test/databases';
import { buildDepartment, buildTestApp } from '../../../test/factories';
import { signedIn, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import { columnsOf, createPgTable, insertPgRows, pgRows, type Col } from '../../../test/table-fixtures';
import type { Database } from '../../db/database';
import type { AppServices } from '../../app';
import { liveServices, settingsFromUrl, postgresUnavailable } from '../sources/testing/live-services';
import { compileMasks } from '../../platform/masking';
import { rowsDigest } from './sync/copy';

const pgSkipped = await postgresUnavailable();

/**
 * The platform itself on a PostgreSQL server: batches commit on a connection of their own and write the store
 * by COPY into a staging table, then one upsert (on PGlite they take the unnest path; table-jobs.live.test.ts).
 */
/** A value redacted as the masking rules say (platform/masking has its own tests). */
const redactOne = compileMasks(['v'], { v: 'redact' }, Buffer.alloc(32, 1));
const redact = (v: string | null) => (v === null ? null : (redactOne({ v }).v as string));

describe.skipIf(!!pgSkipped)('table jobs with the platform on a PostgreSQL server', () => {
  let database: Database & { drop(): Promise<void> };
  let app: FastifyInstance;
  let services: AppServices;
  let admin: Client;
  let live: pg.Client;
  let cols: Col[];
  let items: CatalogItemInput[];
  const table = `tp_src_${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    ({ app, services } = await buildTestApp(database));
    const department = await buildDepartment(database.db);
    const officer = (await signedIn(app, database.db, { roles: ['data_officer'], departmentId: department.id })).api;
    const reviewer = (await signedIn(app, database.db, { roles: ['bureau_reviewer'] })).api;
    admin = (await signedIn(app, database.db, { roles: ['platform_admin'] })).api;
    items = entryContent().items;
    const created = await officer.post('/api/v1/catalog/entries', entryContent({ sharingMethods: ['table'] }));
    entryId = created.json().id as string;
    departmentId = department.id;
    await officer.post(`/api/v1/catalog/entries/${entryId}/submit`, { version: 1 });
    await reviewer.post(`/api/v1/catalog/entries/${entryId}/review`, { decision: 'approve', version: 2 });
    cols = columnsOf(items);
    live = new pg.Client({ connectionString: liveServices.postgresUrl });
    await live.connect();
    await createPgTable(live, table, cols, 7_000);
    // Text COPY must carry as it is on the first load (straight into the empty store): separators, escapes, a literal \N.
    await live.query(`update ${table} set "${cols[1]!.name}" = $1 where "${cols[0]!.name}" = 'K0000005'`, ['a\tb\nc\rd\\e \\N 值']);
    await live.query(`update ${table} set "${cols[1]!.name}" = '\\N' where "${cols[0]!.name}" = 'K0000006'`);
    const { settings } = settingsFromUrl(liveServices.postgresUrl, 5432);
    const source = await database.db
      .insertInto('data_source')
      .values({
        department_id: department.id,
        name: `pg-${table}`,
        kind: 'postgresql',
        settings: JSON.stringify({ ...settings, schema: 'public' }),
        credentials_sealed: null,
        test_status: null,
        test_step: null,
        test_code: null,
        test_message: null,
        test_elapsed_ms: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mount = await database.db
      .insertInto('catalog_mount')
      .values({
        entry_id: entryId,
        kind: 'table',
        source_id: source.id,
        resource_name: `public.${table}`,
        column_map: '{}',
        diff: '{}',
        status: 'mounted',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const job = await admin.post('/api/v1/exchange/jobs', {
      kind: 'aggregate',
      mountId: mount.id,
      keyColumn: cols[0]!.name,
      batchSize: 1000,
    });
    expect(job.statusCode, job.body).toBe(201);
    jobId = job.json().id;
    storeTable = job.json().storeTable;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await live?.query(`drop table if exists ${table}`);
    await live?.end();
  });

  let jobId: string;
  let storeTable: string;
  let entryId: string;
  let departmentId: string;

  async function run(id = jobId) {
    expect((await admin.post(`/api/v1/exchange/jobs/${id}/run`)).statusCode).toBe(202);
    while (await services.jobWorker.runOnce());
    return (await admin.get(`/api/v1/exchange/jobs/${id}/runs?limit=1`)).json().items[0];
  }

  /** The table_batch evidence entries of a run (queued or already in the tree). */
  async function batchEvidence(runId: string): Promise<Record<string, unknown>[]> {
    const { rows } = await sql<{ entry: string }>`
      select entry from evidence_queue where kind = 'table_batch' union all select entry from evidence_leaf where kind = 'table_batch'`.execute(
      database.db,
    );
    return rows.map((r) => JSON.parse(r.entry) as Record<string, unknown>).filter((e) => e.run === runId);
  }

  it('loads by COPY, then applies changes, new rows and deletes', async () => {
    expect(database.pool).toBeDefined();
    const first = await run();
    expect(first).toMatchObject({ status: 'done', rowsRead: 7_000, rowsWritten: 7_000 });
    const source = await pgRows(live, table, cols);
    expect(await pgRows(database.db, storeTable, cols)).toEqual(source);
    expect(source[4]![1]).toBe('a\tb\nc\rd\\e \\N 值');
    expect(source[5]![1]).toBe('\\N');
    // Each batch's evidence commits to the SM3 of its rows as COPY text, whichever way they travelled.
    const batches = await batchEvidence(first.id);
    expect(batches).toHaveLength(7);
    const second = batches.find((b) => b.firstKey === 'K0001001')!;
    expect(second).toMatchObject({ rows: 1000, lastKey: 'K0002000' });
    expect(second.digest).toBe(rowsDigest(source.slice(1000, 2000)));
    expect(batches.find((b) => b.firstKey === 'K0000001')!.digest).toBe(rowsDigest(source.slice(0, 1000)));

    await live.query(
      `update ${table} set "${cols[1]!.name}" = 'tab\there, line\nbreak, back\\slash' where "${cols[0]!.name}" = 'K0000003'`,
    );
    await live.query(`delete from ${table} where "${cols[0]!.name}" in ('K0000004', 'K0006999')`);
    await insertPgRows(live, table, cols, 7_001, 7_010);
    expect(await run()).toMatchObject({ status: 'done', rowsWritten: 11, rowsDeleted: 2 });
    expect(await pgRows(database.db, storeTable, cols)).toEqual(await pgRows(live, table, cols));
  });

  it("distributes from the store, read through the pool, into the consumer's PostgreSQL by COPY", async () => {
    const target = `${table}_out`;
    const grant = await admin.post('/api/v1/exchange/grants', {
      entryId,
      consumerDepartmentId: departmentId,
      method: 'table',
      fields: cols.map((c) => c.name),
      // Read by COPY, with a literal a quote and backslashes must not break out of; one column masked on the way.
      masks: { ...Object.fromEntries(cols.map((c) => [c.name, 'none'])), [cols[1]!.name]: 'redact' },
      rowFilter: [
        { field: cols[0]!.name, op: 'gte', value: "K' or '1'='1 \\" },
        { field: cols[0]!.name, op: 'lte', value: 'K0005000' },
      ],
      purpose: '平台运行在 PostgreSQL 上的分发测试',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(grant.statusCode, grant.body).toBe(201);
    const { settings } = settingsFromUrl(liveServices.postgresUrl, 5432);
    const consumerSource = await database.db
      .insertInto('data_source')
      .values({
        department_id: departmentId,
        name: `pg-out-${table}`,
        kind: 'postgresql',
        settings: JSON.stringify({ ...settings, schema: 'public' }),
        credentials_sealed: null,
        test_status: null,
        test_step: null,
        test_code: null,
        test_message: null,
        test_elapsed_ms: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const job = await admin.post('/api/v1/exchange/jobs', {
      kind: 'distribute',
      grantId: grant.json().id,
      targetSourceId: consumerSource.id,
      targetTable: target,
    });
    expect(job.statusCode, job.body).toBe(201);
    const expected = async () =>
      (await pgRows(live, table, cols)).filter((r) => r[0]! <= 'K0005000').map((r) => r.map((v, i) => (i === 1 ? redact(v) : v)));
    try {
      // Into an empty table: straight in by COPY.
      const want = await expected();
      const raw = (await pgRows(live, table, cols)).filter((r) => r[0]! <= 'K0005000');
      expect(want.filter((r, i) => r[1] !== raw[i]![1]).length).toBeGreaterThan(4_000);
      expect(await run(job.json().id)).toMatchObject({ status: 'done', rowsRead: want.length, rowsWritten: want.length });
      expect(await pgRows(live, target, cols)).toEqual(want);
      // Again after a change: the consumer's table is not empty now, rows go through the staging table and the upsert.
      await live.query(`update ${table} set "${cols[1]!.name}" = 'changed\tagain' where "${cols[0]!.name}" = 'K0000007'`);
      expect(await run()).toMatchObject({ status: 'done', rowsWritten: 1 });
      expect(await run(job.json().id)).toMatchObject({ status: 'done', rowsRead: want.length, rowsWritten: 1 });
      expect(await pgRows(live, target, cols)).toEqual(await expected());
    } finally {
      await live.query(`drop table if exists ${target}`);
    }
  });
});
