import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { sql } from 'kysely';
import type { CatalogItemInput } from '@shuyuan/contracts';
import { loadDemo } from '../../demo/demo';
import { openPglite, type Database } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { leafHashText, verifyInclusion } from '../../platform/crypto/merkle';
import { SealedBox } from '../../platform/crypto/provider';
import { compileMasks } from '../../platform/masking';
import { syncBuiltinRoles } from '../identity';
import { liveServices, settingsFromUrl, mariadbUnavailable, postgresUnavailable } from '../sources/testing/live-services';
import { buildTestApp, buildUser, loginAs } from '../../../test/factories';
import { client, type Client } from '../../../test/client';
import { columnsOf as itemColumns, insertPgRows, myType, pgRows, pgType, valueOf, type Col } from '../../../test/table-fixtures';
import type { AppServices } from '../../app';

const pgSkipped = await postgresUnavailable();
const maria = settingsFromUrl(liveServices.mariadbUrl, 3306);
const connectMaria = () =>
  mysql.createConnection({
    host: maria.settings.host,
    port: maria.settings.port,
    user: maria.settings.user,
    password: maria.password ?? '',
    database: maria.settings.database,
    connectTimeout: 3000,
    dateStrings: true,
  });
const mariaSkipped = await mariadbUnavailable();

const suffix = randomBytes(4).toString('hex');
type Entry = { id: string; code: string; department_id: string; items: CatalogItemInput[] };
/** A value redacted as the masking rules say (platform/masking has its own tests against Ranger's). */
const redactOne = compileMasks(['v'], { v: 'redact' }, Buffer.alloc(32, 1));
const redact = (v: unknown) => (v === null ? null : (redactOne({ v: String(v) }).v as string));

/** The entry's sensitive items: redacted by default when a grant names no mask. */
const sensitiveOf = (entry: { items: CatalogItemInput[] }) =>
  new Set(entry.items.filter((i) => i.sensitive).map((i) => i.nameEn!.toLowerCase()));

describe.skipIf(!!pgSkipped && !!mariaSkipped)('table exchange over live PostgreSQL and MariaDB', () => {
  let database: Database;
  let app: FastifyInstance;
  let services: AppServices;
  let admin: Client;
  let dataDir: string;
  let entries: Entry[];
  let consumerDepartment: string;

  beforeAll(async () => {
    database = await openPglite(null);
    await migrateToLatest(database.db);
    await syncBuiltinRoles(database.db);
    dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-tables-'));
    await loadDemo(database.db, { box: new SealedBox(Buffer.alloc(32, 7)), dataDir });
    const found = await sql<{ id: string; code: string; department_id: string; content: { items: CatalogItemInput[] } }>`
      select e.id, e.code, e.department_id, e.content from catalog_entry e
      where e.status = 'published' and 'table' = any(e.sharing_methods) and e.origin_node_id is null
      order by e.code limit 4`.execute(database.db);
    entries = found.rows.map((r) => ({ id: r.id, code: r.code, department_id: r.department_id, items: r.content.items }));
    expect(entries).toHaveLength(4);
    consumerDepartment = (
      await database.db.selectFrom('client_app').select('department_id').where('app_key', '=', 'sydemoconsumer01').executeTakeFirstOrThrow()
    ).department_id;
    ({ app, services } = await buildTestApp(database));
    admin = client(app, await loginAs(app, 'admin', 'Shuyuan@2026'));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Registers a database source of a department, and (for a provider) an approved mount of `table` on the entry. */
  async function source(departmentId: string, kind: 'postgresql' | 'mysql', mount?: { entry: Entry; table: string }, port?: number) {
    const { settings } = settingsFromUrl(
      kind === 'mysql' ? liveServices.mariadbUrl : liveServices.postgresUrl,
      kind === 'mysql' ? 3306 : 5432,
    );
    const row = await database.db
      .insertInto('data_source')
      .values({
        department_id: departmentId,
        name: `tables-${kind}-${randomBytes(3).toString('hex')}`,
        kind,
        settings: JSON.stringify({ ...settings, port: port ?? settings.port, schema: kind === 'postgresql' ? 'public' : null }),
        credentials_sealed: null,
        test_status: null,
        test_step: null,
        test_code: null,
        test_message: null,
        test_elapsed_ms: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!mount) return { sourceId: row.id, mountId: null };
    const m = await database.db
      .insertInto('catalog_mount')
      .values({
        entry_id: mount.entry.id,
        kind: 'table',
        source_id: row.id,
        resource_name: mount.table,
        column_map: '{}',
        diff: '{}',
        status: 'mounted',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { sourceId: row.id, mountId: m.id };
  }

  /** Runs every queued run now, as the worker would. */
  async function drain(): Promise<void> {
    await database.db
      .updateTable('exchange_run')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('status', '=', 'queued')
      .execute();
    while (await services.jobWorker.runOnce());
  }

  async function runJob(jobId: string) {
    const queued = await admin.post(`/api/v1/exchange/jobs/${jobId}/run`);
    expect(queued.statusCode, queued.body).toBe(202);
    await drain();
    const runs = await admin.get(`/api/v1/exchange/jobs/${jobId}/runs`);
    return (runs.json() as { items: Record<string, unknown>[] }).items[0]!;
  }

  describe.skipIf(!!pgSkipped)('from PostgreSQL', () => {
    let live: pg.Client;
    const table = `tj_src_${suffix}`;
    const target = `tj_out_${suffix}`;
    let entry: Entry;
    let cols: Col[];
    let jobId: string;
    let mountId: string;
    const N = 12_345;

    const insertRows = (from: number, to: number) => insertPgRows(live, table, cols, from, to);

    beforeAll(async () => {
      entry = entries[0]!;
      cols = itemColumns(entry.items);
      live = new pg.Client({ connectionString: liveServices.postgresUrl });
      await live.connect();
      await live.query(
        `create table ${table} (${cols.map((c, i) => `"${c.name}" ${pgType(c)}${i === 0 ? ' primary key' : ''}`).join(', ')})`,
      );
      await insertRows(1, N);
    });
    afterAll(async () => {
      await live?.query(`drop table if exists ${table}`);
      await live?.query(`drop table if exists ${target}`);
      await live?.end();
    });

    it('aggregates in full, then finds changed, new and deleted rows by key checksums', async () => {
      mountId = (await source(entry.department_id, 'postgresql', { entry, table: `public.${table}` })).mountId!;
      const created = await admin.post('/api/v1/exchange/jobs', { kind: 'aggregate', mountId, keyColumn: cols[0]!.name, batchSize: 1000 });
      expect(created.statusCode, created.body).toBe(201);
      const job = created.json() as { id: string; storeTable: string; columns: unknown[] };
      jobId = job.id;
      expect(job.storeTable).toMatch(/^store_[0-9a-z]+\.tj_src_/);
      expect(job.columns).toHaveLength(cols.length);

      const first = await runJob(job.id);
      expect(first).toMatchObject({ status: 'done', rowsRead: N, rowsWritten: N, rowsDeleted: 0 });
      expect(await pgRows(database.db, job.storeTable, cols)).toEqual(await pgRows(live, table, cols));

      // Deletes scattered over the key space, a few changes and new rows.
      await live.query(
        `delete from ${table} where "${cols[0]!.name}" in (${[2, 3, 500, 501, 777, 9000, 12_345].map((i) => `'${valueOf(cols[0]!, i, true)}'`).join(', ')})`,
      );
      await live.query(`update ${table} set "${cols[1]!.name}" = null where "${cols[0]!.name}" = '${valueOf(cols[0]!, 10, true)}'`);
      await insertRows(N + 1, N + 20);
      const second = await runJob(job.id);
      expect(second).toMatchObject({ status: 'done', rowsRead: N - 7 + 20, rowsWritten: 21, rowsDeleted: 7 });
      expect(await pgRows(database.db, job.storeTable, cols)).toEqual(await pgRows(live, table, cols));

      // Every batch is a leaf of the evidence log.
      const leaves = await database.db.selectFrom('evidence_queue').select('entry').where('kind', '=', 'table_batch').execute();
      const logged = await database.db.selectFrom('evidence_leaf').select('entry').where('kind', '=', 'table_batch').execute();
      const entriesOfJob = [...leaves, ...logged]
        .map((l) => JSON.parse(l.entry) as { job: string; op: string; rows: number })
        .filter((l) => l.job === job.id);
      expect(entriesOfJob.filter((l) => l.op === 'delete').reduce((n, l) => n + l.rows, 0)).toBe(7);
      expect(entriesOfJob.filter((l) => l.op === 'upsert').length).toBe(Math.ceil(N / 1000) + Math.ceil((N + 13) / 1000));

      // The second run's evidence: each batch's leaf with a proof that checks here, against the signed checkpoint.
      const evidenceUrl = `/api/v1/exchange/jobs/${job.id}/runs/${String(second.id)}/evidence`;
      const before = (await admin.get(evidenceUrl)).json();
      expect(before.items.length + before.queued).toBeGreaterThan(0);
      await services.evidence.drain();
      const checkpoint = await services.evidence.checkpoint();
      const proven = (await admin.get(evidenceUrl)).json() as {
        items: { index: number; entry: string; leafHash: string; treeSize: number; root: string; proof: string[]; checkpoint: unknown }[];
        queued: number;
        more: boolean;
      };
      expect(proven).toMatchObject({ queued: 0, more: false });
      expect(proven.items.length).toBe(before.items.length + before.queued);
      const batches = proven.items.map((p) => JSON.parse(p.entry) as { run: string; op: string; rows: number });
      expect(batches.every((b) => b.run === second.id)).toBe(true);
      expect(batches.filter((b) => b.op === 'delete').reduce((n, b) => n + b.rows, 0)).toBe(7);
      for (const p of proven.items) {
        expect(leafHashText(p.entry).toString('hex')).toBe(p.leafHash);
        expect(p.treeSize).toBe(checkpoint.treeSize);
        expect(p.checkpoint).toMatchObject({ root: checkpoint.root, treeSize: checkpoint.treeSize });
        const hex = (h: string) => Buffer.from(h, 'hex');
        expect(verifyInclusion(hex(p.leafHash), p.index, p.treeSize, p.proof.map(hex), hex(checkpoint.root))).toBe(true);
      }
      // A page of one says there is more; a run of another job, or an unknown run, is not found; nor is it to another department.
      expect((await admin.get(`${evidenceUrl}?limit=1`)).json()).toMatchObject({ more: proven.items.length > 1 });
      expect((await admin.get(`/api/v1/exchange/jobs/${job.id}/runs/${randomUUID()}/evidence`)).statusCode).toBe(404);
      const stranger = client(app, await loginAs(app, (await buildUser(database.db, { roles: ['data_officer'] })).login));
      expect((await stranger.get(evidenceUrl)).json()).toMatchObject({ code: 'NOT_FOUND' });
    });

    it('refuses bad job input with a code and the field, and keeps jobs to their departments', async () => {
      const key = cols[0]!.name;
      const refuse = async (body: Record<string, unknown>, status: number, code: string, field?: string) => {
        const res = await admin.post('/api/v1/exchange/jobs', { kind: 'aggregate', mountId, keyColumn: key, ...body });
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json()).toMatchObject({ code, ...(field ? { details: { field } } : {}) });
      };
      await refuse({ schedule: 'cron', cron: '0 2 * *' }, 400, 'VALIDATION_FAILED', 'cron');
      await refuse({ schedule: 'cron' }, 400, 'VALIDATION_FAILED', 'cron');
      await refuse({ keyColumn: cols[1]!.name }, 400, 'VALIDATION_FAILED', 'keyColumn');
      await refuse({ mode: 'incremental' }, 400, 'VALIDATION_FAILED', 'watermarkColumn');
      await refuse({ columns: [key, 'no_such_column'] }, 400, 'VALIDATION_FAILED', 'columns.1');
      await refuse({ targetTable: 'Robert"); drop table x; --' }, 400, 'VALIDATION_FAILED');
      await refuse({ batchSize: 10 }, 400, 'VALIDATION_FAILED');
      await refuse({ sql: 'select 1' }, 400, 'UNKNOWN_FIELD');
      await refuse({}, 409, 'DUPLICATE', 'mountId');
      await refuse({ mountId: '00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND');
      expect((await admin.post(`/api/v1/exchange/jobs/${jobId}/run`)).statusCode).toBe(202);
      const twice = await admin.post(`/api/v1/exchange/jobs/${jobId}/run`);
      expect(twice.statusCode).toBe(409);
      await drain();

      // Another department's officer sees neither the mount nor the job; a developer reads but cannot run.
      const other = await buildUser(database.db, { roles: ['data_officer'] });
      const outsider = client(app, await loginAs(app, other.login));
      expect((await outsider.get(`/api/v1/exchange/jobs/${jobId}`)).statusCode).toBe(404);
      expect((await outsider.post(`/api/v1/exchange/jobs/${jobId}/run`)).statusCode).toBe(404);
      expect((await outsider.get('/api/v1/exchange/jobs')).json().items).toEqual([]);
      const refused = await outsider.post('/api/v1/exchange/jobs', { kind: 'aggregate', mountId, keyColumn: key });
      expect(refused.statusCode).toBe(404);
      const developer = await buildUser(database.db, { roles: ['developer'], departmentId: entry.department_id });
      const dev = client(app, await loginAs(app, developer.login));
      expect((await dev.get(`/api/v1/exchange/jobs/${jobId}`)).json()).toMatchObject({ actions: [] });
      expect((await admin.get(`/api/v1/exchange/jobs/${jobId}`)).json()).toMatchObject({ actions: ['run', 'edit'] });
      expect((await dev.post(`/api/v1/exchange/jobs/${jobId}/run`)).statusCode).toBe(403);
      expect((await client(app).get('/api/v1/exchange/jobs')).statusCode).toBe(401);

      // Distribution: only a table grant, into a database of the consumer's own department.
      const apiGrant = await database.db.selectFrom('exchange_grant').select('id').where('method', '=', 'api').executeTakeFirstOrThrow();
      const { sourceId: providerSource } = await source(entry.department_id, 'postgresql');
      const distribute = (body: Record<string, unknown>) =>
        admin.post('/api/v1/exchange/jobs', {
          kind: 'distribute',
          grantId: apiGrant.id,
          targetSourceId: providerSource,
          targetTable: 'x',
          ...body,
        });
      expect((await distribute({})).json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'grantId' } });
      expect((await distribute({ grantId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    });

    it('stops on a dropped column without touching the store, and resumes once the change is accepted', async () => {
      const before = await pgRows(database.db, `${(await job()).storeTable}`, cols);
      const dropped = cols[cols.length - 1]!;
      await live.query(`alter table ${table} drop column "${dropped.name}"`);
      const run = await runJob(jobId);
      expect(run).toMatchObject({ status: 'drift', errorCode: 'SCHEMA_DRIFT', rowsRead: 0 });
      expect(run.drift).toEqual([expect.objectContaining({ column: dropped.name, change: 'missing' })]);
      const stopped = await job();
      expect(stopped).toMatchObject({ status: 'drift' });
      expect(await pgRows(database.db, stopped.storeTable, cols)).toEqual(before);
      // A stopped job is not run until someone looks.
      expect((await admin.post(`/api/v1/exchange/jobs/${jobId}/run`)).json()).toMatchObject({ code: 'SCHEMA_DRIFT' });
      const resumeWithout = await admin.put(`/api/v1/exchange/jobs/${jobId}`, { version: stopped.version, status: 'active' });
      expect(resumeWithout.statusCode).toBe(409);
      const accepted = await admin.put(`/api/v1/exchange/jobs/${jobId}`, { version: stopped.version, acceptDrift: true });
      expect(accepted.statusCode, accepted.body).toBe(200);
      expect(accepted.json()).toMatchObject({ status: 'active', drift: null });
      expect((accepted.json() as { columns: unknown[] }).columns).toHaveLength(cols.length - 1);
      cols = cols.slice(0, -1);
      expect(await runJob(jobId)).toMatchObject({ status: 'done', rowsWritten: 0 });
      expect(await pgRows(database.db, stopped.storeTable, cols)).toEqual(await pgRows(live, table, cols));
    });

    async function job() {
      return (await admin.get(`/api/v1/exchange/jobs/${jobId}`)).json() as { storeTable: string; version: number; status: string };
    }

    it("distributes a table grant's fields, masked and filtered, into the consumer's PostgreSQL, deletes too", async () => {
      const key = cols[0]!.name;
      const text = cols.find((c, i) => i > 0 && c.type === 'text')!;
      const other = cols.find((c, i) => i > 0 && c !== text);
      const fields = [key, text.name, ...(other ? [other.name] : [])];
      const grant = await admin.post('/api/v1/exchange/grants', {
        entryId: entry.id,
        consumerDepartmentId: consumerDepartment,
        method: 'table',
        fields,
        // The key is an ID in these entries, sensitive: the grant gives it unmasked, or rows could not be matched.
        masks: { [key]: 'none', [text.name]: 'redact' },
        rowFilter: [{ field: key, op: 'lte', value: valueOf(cols[0]!, 5000, true) }],
        purpose: '库表分发测试',
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validTo: new Date(Date.now() + 3600_000).toISOString(),
      });
      expect(grant.statusCode, grant.body).toBe(201);
      const { sourceId } = await source(consumerDepartment, 'postgresql');
      const created = await admin.post('/api/v1/exchange/jobs', {
        kind: 'distribute',
        grantId: grant.json().id,
        targetSourceId: sourceId,
        targetTable: target,
        mode: 'incremental',
        batchSize: 500,
      });
      expect(created.statusCode, created.body).toBe(201);
      const distribution = created.json() as { id: string };
      const expected = async () =>
        (
          await pgRows(
            live,
            table,
            cols.filter((c) => fields.includes(c.name)),
          )
        )
          .filter((r) => r[0]! <= valueOf(cols[0]!, 5000, true)!)
          .map((r) => r.map((v, i) => (fields[i] === text.name || (i > 0 && sensitiveOf(entry).has(fields[i]!)) ? redact(v) : v)));
      const distributedCols = fields.map((f) => cols.find((c) => c.name === f)!);
      const first = await runJob(distribution.id);
      expect(first).toMatchObject({ status: 'done', rowsDeleted: 0 });
      const want = await expected();
      expect(first.rowsRead).toBe(want.length);
      expect(await pgRows(live, target, distributedCols)).toEqual(want);

      // Incremental: a change in the source reaches the store, then only that row the consumer; a delete too.
      await live.query(`delete from ${table} where "${key}" = '${valueOf(cols[0]!, 100, true)}'`);
      await live.query(`update ${table} set "${text.name}" = 'changed' where "${key}" = '${valueOf(cols[0]!, 101, true)}'`);
      expect(await runJob(jobId)).toMatchObject({ status: 'done', rowsWritten: 1, rowsDeleted: 1 });
      const second = await runJob(distribution.id);
      expect(second).toMatchObject({ status: 'done', rowsRead: 1, rowsDeleted: 1 });
      expect(await pgRows(live, target, distributedCols)).toEqual(await expected());

      // The provider's officer watches the consumer's subscription but may not run it; it is not among its own jobs.
      const providerOfficer = await buildUser(database.db, { roles: ['data_officer'], departmentId: entry.department_id });
      const watcher = client(app, await loginAs(app, providerOfficer.login));
      const watched = (await watcher.get('/api/v1/exchange/jobs?role=provider&kind=distribute')).json().items as {
        id: string;
        actions: string[];
      }[];
      expect(watched.find((j) => j.id === distribution.id)).toMatchObject({ actions: [] });
      const owned = (await watcher.get('/api/v1/exchange/jobs?role=owner')).json().items as { id: string }[];
      expect(owned.map((j) => j.id)).not.toContain(distribution.id);
      expect((await watcher.post(`/api/v1/exchange/jobs/${distribution.id}/run`)).statusCode).toBe(404);
      // The bureau sees every job, but "its own" are its own departments' only.
      const everything = (await admin.get('/api/v1/exchange/jobs')).json().items as { id: string }[];
      expect(everything.map((j) => j.id)).toContain(distribution.id);
      const bureausOwn = (await admin.get('/api/v1/exchange/jobs?role=owner')).json().items as { id: string }[];
      expect(bureausOwn.map((j) => j.id)).not.toContain(distribution.id);

      // The bureau's overview counts the rows each department received by table.
      const overview = (await admin.get('/api/v1/exchange/overview')).json() as {
        tableRowsToday: number;
        byDepartment: { departmentId: string; method: string; role: string; rows: number; calls: number }[];
      };
      expect(overview.tableRowsToday).toBeGreaterThanOrEqual(want.length);
      const received = overview.byDepartment.find(
        (d) => d.departmentId === consumerDepartment && d.method === 'table' && d.role === 'consumer',
      );
      expect(received).toMatchObject({ calls: 2 });
      expect(received!.rows).toBeGreaterThanOrEqual(want.length);
    });

    it('fails a run cleanly when the consumer refuses writes, and the retry completes it', async () => {
      const { sourceId } = await source(consumerDepartment, 'postgresql');
      const grantId = (
        await database.db
          .selectFrom('exchange_grant')
          .select('id')
          .where('entry_id', '=', entry.id)
          .where('method', '=', 'table')
          .executeTakeFirstOrThrow()
      ).id;
      const refusing = `${target}_ro`;
      const fields = (
        await database.db.selectFrom('exchange_grant').select('fields').where('id', '=', grantId).executeTakeFirstOrThrow()
      ).fields.map((f) => cols.find((c) => c.name === f)!);
      await live.query(
        `create table ${refusing} (${fields.map((c, i) => `"${c.name}" ${pgType(c)}${i === 0 ? ' primary key' : ''}`).join(', ')})`,
      );
      await live.query(
        `create function ${refusing}_no() returns trigger language plpgsql as $$ begin raise exception 'read only for now'; end $$`,
      );
      await live.query(`create trigger no_writes before insert or update on ${refusing} for each row execute function ${refusing}_no()`);
      try {
        const created = await admin.post('/api/v1/exchange/jobs', {
          kind: 'distribute',
          grantId,
          targetSourceId: sourceId,
          targetTable: refusing,
        });
        expect(created.statusCode, created.body).toBe(201);
        const id = (created.json() as { id: string }).id;
        await admin.post(`/api/v1/exchange/jobs/${id}/run`);
        expect(await services.jobWorker.runOnce()).toBe(true);
        const [failed] = (await admin.get(`/api/v1/exchange/jobs/${id}/runs`)).json().items as Record<string, unknown>[];
        expect(failed).toMatchObject({ status: 'queued', errorCode: 'TARGET_UNAVAILABLE', attempts: 1 });
        expect(Date.parse(failed!.nextAttemptAt as string)).toBeGreaterThan(Date.now());
        expect((await live.query(`select count(*)::int as n from ${refusing}`)).rows[0].n).toBe(0);
        await live.query(`drop trigger no_writes on ${refusing}`);
        await drain();
        const [done] = (await admin.get(`/api/v1/exchange/jobs/${id}/runs`)).json().items as Record<string, unknown>[];
        expect(done, JSON.stringify(done)).toMatchObject({ status: 'done', attempts: 2 });
        expect((await live.query(`select count(*)::int as n from ${refusing}`)).rows[0].n).toBe(done!.rowsRead);
      } finally {
        await live.query(`drop table if exists ${refusing}`);
        await live.query(`drop function if exists ${refusing}_no()`);
      }
    });
  });

  describe.skipIf(!!mariaSkipped)('from MariaDB', () => {
    let live: mysql.Connection;
    const table = `tj_my_${suffix}`;
    const target = `tj_myout_${suffix}`;
    let entry: Entry;
    let cols: Col[];
    let storeTable: string;
    const keyOf = (i: number) => valueOf(cols[0]!, i, true)!;

    function myValue(c: Col, i: number, key: boolean) {
      const v = valueOf(c, i, key);
      return c.type === 'bool' && v !== null ? (v === 'true' ? 1 : 0) : v;
    }

    beforeAll(async () => {
      entry = entries[1]!;
      cols = [...itemColumns(entry.items).filter((c) => c.name !== 'updated_at'), { name: 'updated_at', type: 'datetime' }];
      live = await connectMaria();
      await live.query(
        `create table ${table} (${cols
          .map(
            (c, i) =>
              `\`${c.name}\` ${c.name === 'updated_at' ? 'datetime(6) not null' : myType(c, i === 0)}${i === 0 ? ' primary key' : ''}`,
          )
          .join(', ')}) default charset = utf8mb4`,
      );
      const rows = Array.from({ length: 3000 }, (_, n) =>
        cols.map((c, j) => (c.name === 'updated_at' ? `2026-01-01 00:00:00.${String(n).padStart(6, '0')}` : myValue(c, n + 1, j === 0))),
      );
      await live.query(`insert into ${table} (${cols.map((c) => `\`${c.name}\``).join(', ')}) values ?`, [rows]);
    });
    afterAll(async () => {
      await live?.query(`drop table if exists ${table}`);
      await live?.query(`drop table if exists ${target}`);
      await live?.end();
    });

    it('aggregates incrementally by update time: a run reads only rows past the watermark, and finds deletes', async () => {
      const { mountId } = await source(entry.department_id, 'mysql', { entry, table });
      const created = await admin.post('/api/v1/exchange/jobs', {
        kind: 'aggregate',
        mountId,
        keyColumn: cols[0]!.name,
        mode: 'incremental',
        watermarkColumn: 'updated_at',
        batchSize: 700,
        schedule: 'cron',
        cron: '*/10 * * * *',
      });
      expect(created.statusCode, created.body).toBe(201);
      const job = created.json() as { id: string; storeTable: string; nextRunAt: string };
      storeTable = job.storeTable;
      expect(Date.parse(job.nextRunAt)).toBeGreaterThan(Date.now());
      expect(await runJob(job.id)).toMatchObject({ status: 'done', rowsRead: 3000, rowsWritten: 3000 });
      const storeKeys = async () =>
        (
          await sql.raw<{ k: string }>(`select "${cols[0]!.name}"::text as k from ${job.storeTable} order by 1`).execute(database.db)
        ).rows.map((r) => r.k);
      expect(await storeKeys()).toHaveLength(3000);

      await live.query(`update ${table} set updated_at = '2026-02-01 00:00:00' where \`${cols[0]!.name}\` in (?, ?, ?)`, [
        keyOf(5),
        keyOf(6),
        keyOf(7),
      ]);
      await live.query(`delete from ${table} where \`${cols[0]!.name}\` in (?, ?)`, [keyOf(100), keyOf(2999)]);
      const second = await runJob(job.id);
      expect(second).toMatchObject({ status: 'done', rowsRead: 3, rowsDeleted: 2 });
      const [keys] = await live.query(`select cast(\`${cols[0]!.name}\` as char) as k from ${table}`);
      expect(await storeKeys()).toEqual((keys as { k: string }[]).map((r) => r.k).sort());
      const watermark = (await admin.get(`/api/v1/exchange/jobs/${job.id}`)).json() as { watermark: string };
      expect(watermark.watermark).toMatch(/^2026-02-01 00:00:00/);
    });

    it("distributes into the consumer's MariaDB with upserts by key, and refuses a grant whose key is masked", async () => {
      const fields = cols.filter((c) => c.name !== 'updated_at').map((c) => c.name);
      const grant = async (masks: Record<string, string>) => {
        const res = await admin.post('/api/v1/exchange/grants', {
          entryId: entry.id,
          consumerDepartmentId: consumerDepartment,
          method: 'table',
          fields,
          masks,
          purpose: '库表分发测试',
          validFrom: new Date(Date.now() - 60_000).toISOString(),
          validTo: new Date(Date.now() + 3600_000).toISOString(),
        });
        expect(res.statusCode, res.body).toBe(201);
        return (res.json() as { id: string }).id;
      };
      const { sourceId } = await source(consumerDepartment, 'mysql');
      const masked = await admin.post('/api/v1/exchange/jobs', {
        kind: 'distribute',
        grantId: await grant({ [cols[0]!.name]: 'redact' }),
        targetSourceId: sourceId,
        targetTable: target,
      });
      expect(masked.statusCode).toBe(400);
      expect(masked.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'grantId' } });

      const created = await admin.post('/api/v1/exchange/jobs', {
        kind: 'distribute',
        grantId: await grant({ [cols[0]!.name]: 'none' }),
        targetSourceId: sourceId,
        targetTable: target,
      });
      expect(created.statusCode, created.body).toBe(201);
      const id = (created.json() as { id: string }).id;
      expect(await runJob(id)).toMatchObject({ status: 'done', rowsRead: 2998 });
      // Unmasked fields arrive as the source has them (sensitive items redacted by default).
      const sensitive = sensitiveOf(entry);
      const text = (c: Col) => (c.type === 'bool' ? `if(\`${c.name}\`, 'true', 'false')` : `cast(\`${c.name}\` as char)`);
      const select = (t: string) => `select ${fields.map((f) => text(cols.find((c) => c.name === f)!)).join(', ')} from ${t} order by 1`;
      const [got] = await live.query({ sql: select(target), rowsAsArray: true });
      const [want] = await live.query({ sql: select(table), rowsAsArray: true });
      const redacted = (want as unknown[][]).map((r) => r.map((v, i) => (i > 0 && sensitive.has(fields[i]!) ? redact(v) : v)));
      expect(got).toEqual(redacted);
      expect(storeTable).toBeTruthy();

      // A second full run changes nothing and sends the same rows again (upsert by key: no duplicates).
      expect(await runJob(id)).toMatchObject({ status: 'done', rowsRead: 2998, rowsDeleted: 0 });
      const [[count]] = (await live.query({ sql: `select count(*) from ${target}`, rowsAsArray: true })) as unknown as [[[number]]];
      expect(Number(count![0])).toBe(2998);
    });
  });
});
