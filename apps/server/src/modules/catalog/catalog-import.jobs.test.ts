import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { Permission } from '@shuyuan/contracts';
import { sql } from 'kysely';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, type Session } from '../../../test/factories';
import { signedIn, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import {
  asExport,
  entryCells,
  entryHeaders,
  itemCells,
  itemHeaders,
  templateWith,
  upload,
  workbookOf,
} from '../../../test/catalog-workbooks';
import { ImportWorker } from './catalog-import.worker';
import { ENTRY_SHEET, ITEM_SHEET } from './template';

const env = { SHUYUAN_IMPORT_WORKER: process.env.SHUYUAN_IMPORT_WORKER, SHUYUAN_IMPORT_MAX_MB: process.env.SHUYUAN_IMPORT_MAX_MB };
const LIMIT_MB = 0.05;
const quiet = { warn: () => {}, error: (obj: object, message: string) => console.error(message, obj) };
const tag = () => randomBytes(3).toString('hex');
/** A valid template with `n` entries (four items each). */
const workbook = (n: number, prefix = `批量-${tag()}`) =>
  templateWith(asExport(Array.from({ length: n }, (_, i) => entryContent({ name: `${prefix}-${i}` }))));

describeEachEngine('catalog import jobs, large files and the size limit', (get) => {
  let app: FastifyInstance;
  let limited: FastifyInstance;
  let officer: Client;
  let session: Session;
  let userId: string;
  let departmentId: string;

  beforeAll(async () => {
    // The tests run the workers themselves, so that nothing else takes their jobs.
    process.env.SHUYUAN_IMPORT_WORKER = '0';
    app = (await buildTestApp(get())).app;
    process.env.SHUYUAN_IMPORT_MAX_MB = String(LIMIT_MB);
    limited = (await buildTestApp(get())).app;
    delete process.env.SHUYUAN_IMPORT_MAX_MB;
    const db = get().db;
    departmentId = (await buildDepartment(db)).id;
    const signed = await signedIn(app, db, { roles: ['data_officer'], departmentId });
    ({ api: officer, session } = signed);
    userId = signed.user.id;
  });
  afterAll(async () => {
    await app?.close();
    await limited?.close();
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  const countWhere = async (prefix: string) =>
    Number(
      (
        await get()
          .db.selectFrom('catalog_entry')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('name', 'like', `${prefix}%`)
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A job row as a dead worker would leave it, or as queued by a request. */
  const insertJob = async (
    file: Buffer,
    values: Partial<{ status: 'queued' | 'validating'; heartbeatAgo: number; attempts: number }> = {},
  ) => {
    const row = await get()
      .db.insertInto('catalog_import')
      .values({
        file_name: 'resume.xlsx',
        file_size: file.length,
        file,
        created_by: userId,
        department_id: departmentId,
        permissions: [Permission.CatalogCompile, Permission.CatalogRead],
        ip: null,
        user_agent: null,
        status: values.status ?? 'queued',
        attempts: values.attempts ?? 0,
        claim_token: values.status === 'validating' ? randomUUID() : null,
        heartbeat_at: values.heartbeatAgo === undefined ? null : sql<Date>`now() - make_interval(secs => ${values.heartbeatAgo})`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  it('imports a 10,000-entry workbook in one request, in one go', { timeout: 180_000 }, async () => {
    const prefix = `万条-${tag()}`;
    const file = await workbook(10_000, prefix);
    const res = await upload(app, session, '/api/v1/catalog/import', file);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    const body = res.json();
    expect(body.count).toBe(10_000);
    expect(new Set(body.entries.map((e: { code: string }) => e.code)).size).toBe(10_000);
    expect(body.entries[0]).toMatchObject({ row: 2, name: `${prefix}-0` });
    expect(await countWhere(prefix)).toBe(10_000);
    const events = await get()
      .db.selectFrom('catalog_event as v')
      .innerJoin('catalog_entry as e', 'e.id', 'v.entry_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('e.name', 'like', `${prefix}%`)
      .where('v.action', '=', 'import')
      .executeTakeFirstOrThrow();
    expect(Number(events.n)).toBe(10_000);
    const audits = await get().db.selectFrom('audit_event').select('details').where('action', '=', 'catalog.entry.import').execute();
    expect(audits.filter((a) => (a.details as { count?: number }).count === 10_000)).toHaveLength(1);
  });

  it('reads Chinese text cut between chunks, from shared strings as from inline strings', { timeout: 60_000 }, async () => {
    const prefix = `共享字符串-${tag()}`;
    const summary = (i: number) => `${'全省户籍人口的基本信息，包括姓名、身份证号、性别和户籍地址。'.repeat(4)}${i}`;
    const contents = Array.from({ length: 1_500 }, (_, i) => entryContent({ name: `${prefix}-${i}`, summary: summary(i) }));
    // exceljs's in-memory writer stores text as shared strings, as Excel does.
    const file = await workbookOf({
      [ENTRY_SHEET]: { rows: [entryHeaders(), ...contents.map((c) => entryCells(c))] },
      [ITEM_SHEET]: { rows: [itemHeaders(), ...contents.flatMap((c) => itemCells(c))] },
    });
    const res = await upload(app, session, '/api/v1/catalog/import', file);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(201);
    const rows = await get().db.selectFrom('catalog_entry').select(['name', 'content']).where('name', 'like', `${prefix}%`).execute();
    expect(rows).toHaveLength(1_500);
    for (const row of rows) expect(row.content.summary).toBe(summary(Number(row.name.split('-').pop())));
  });

  it('runs a queued job in the background, reporting its progress', { timeout: 60_000 }, async () => {
    const prefix = `作业-${tag()}`;
    const file = await workbook(2_000, prefix);
    const worker = new ImportWorker(get().db, quiet, { pollMs: 50, heartbeatMs: 20 });
    const queued = await upload(app, session, '/api/v1/catalog/imports', file, '目录.xlsx');
    expect(queued.statusCode, queued.body).toBe(202);
    const job = queued.json();
    expect(job).toMatchObject({ status: 'queued', fileName: '目录.xlsx', fileSize: file.length, totalRows: null, processedRows: 0 });
    worker.start();
    const seen: { status: string; processedRows: number; progress: number }[] = [];
    try {
      for (let i = 0; i < 1000; i++) {
        const state = (await officer.get(`/api/v1/catalog/imports/${job.id}`)).json();
        seen.push({ status: state.status, processedRows: state.processedRows, progress: state.progress });
        if (state.status === 'done' || state.status === 'failed') break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await worker.stop();
    }
    const done = (await officer.get(`/api/v1/catalog/imports/${job.id}`)).json();
    expect(done).toMatchObject({
      status: 'done',
      entryCount: 2_000,
      totalRows: 10_000,
      processedRows: 10_000,
      progress: 1,
      errors: [],
      failureCode: null,
    });
    expect(await countWhere(prefix)).toBe(2_000);
    expect(seen.some((s) => s.status === 'validating' && s.processedRows > 0 && s.progress > 0 && s.progress < 0.95)).toBe(true);
    const order = ['queued', 'validating', 'importing', 'done'];
    const ranks = seen.map((s) => order.indexOf(s.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Progress never goes back.
    const progress = seen.map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect((await officer.get('/api/v1/catalog/imports')).json().items.map((j: { id: string }) => j.id)).toContain(job.id);
    // Another department's officer does not see the job.
    const other = await signedIn(app, get().db, { roles: ['data_officer'] });
    expect((await other.api.get(`/api/v1/catalog/imports/${job.id}`)).statusCode).toBe(404);
  });

  it('fails a job whose file has errors, listing them, and writes nothing', async () => {
    const prefix = `坏作业-${tag()}`;
    const good = entryContent({ name: `${prefix}-0` });
    const file = await templateWith(asExport([good, entryContent({ name: `${prefix}-1`, sharingCondition: null })]));
    const id = await insertJob(file);
    expect(await new ImportWorker(get().db, quiet).runOnce()).toBe(true);
    const job = (await officer.get(`/api/v1/catalog/imports/${id}`)).json();
    expect(job).toMatchObject({ status: 'failed', failureCode: 'IMPORT_INVALID', errorCount: 1, entryCount: 0 });
    expect(job.errors).toEqual([expect.objectContaining({ sheet: '目录信息', row: 3, column: '共享条件', kind: 'content_rule' })]);
    expect(await countWhere(prefix)).toBe(0);
  });

  it('resumes, after a restart, jobs a dead worker left, and leaves a live worker its job', async () => {
    const db = get().db;
    const prefix = `续作-${tag()}`;
    const stale = await insertJob(await workbook(3, `${prefix}-a`), { status: 'validating', heartbeatAgo: 600, attempts: 1 });
    const queued = await insertJob(await workbook(2, `${prefix}-b`));
    const live = await insertJob(await workbook(1, `${prefix}-c`), { status: 'validating', heartbeatAgo: 0, attempts: 1 });

    // A fresh worker, as a restarted process starts one.
    const worker = new ImportWorker(db, quiet, { leaseSeconds: 60 });
    while (await worker.runOnce());
    const state = async (id: string) => (await officer.get(`/api/v1/catalog/imports/${id}`)).json();
    expect(await state(stale)).toMatchObject({ status: 'done', entryCount: 3 });
    expect(await state(queued)).toMatchObject({ status: 'done', entryCount: 2 });
    expect(await state(live)).toMatchObject({ status: 'validating' });
    expect(await countWhere(prefix)).toBe(5);
    const attempts = await db.selectFrom('catalog_import').select(['id', 'attempts', 'file']).where('id', 'in', [stale, queued]).execute();
    expect(Object.fromEntries(attempts.map((a) => [a.id, [a.attempts, a.file]]))).toEqual({ [stale]: [2, null], [queued]: [1, null] });

    // A job that keeps dying is given up.
    const doomed = await insertJob(await workbook(1, `${prefix}-d`), { status: 'validating', heartbeatAgo: 600, attempts: 3 });
    expect(await worker.runOnce()).toBe(true);
    expect(await state(doomed)).toMatchObject({ status: 'failed', failureCode: 'INTERNAL_ERROR' });
    await db.updateTable('catalog_import').set({ status: 'failed' }).where('id', '=', live).execute();
  });

  it('lets only one of two workers run a job', async () => {
    const prefix = `并发-${tag()}`;
    const id = await insertJob(await workbook(5, prefix));
    const workers = [new ImportWorker(get().db, quiet), new ImportWorker(get().db, quiet)];
    const ran = await Promise.all(workers.map((w) => w.runOnce()));
    expect(ran.filter(Boolean)).toHaveLength(1);
    const job = (await officer.get(`/api/v1/catalog/imports/${id}`)).json();
    expect(job).toMatchObject({ status: 'done', entryCount: 5 });
    // The job lists what it created, in file order, each entry once.
    expect(job.entries).toHaveLength(5);
    expect(job.entries.every((e: { name: string }) => e.name.startsWith(prefix))).toBe(true);
    expect(job.entries.map((e: { row: number }) => e.row)).toEqual(
      [...job.entries.map((e: { row: number }) => e.row)].sort((a, b) => a - b),
    );
    expect(await countWhere(prefix)).toBe(5);
  });

  it('refuses a file over SHUYUAN_IMPORT_MAX_MB with 413 before reading it, on both import routes', async () => {
    const limitBytes = Math.floor(LIMIT_MB * 1024 * 1024);
    const before = await get()
      .db.selectFrom('catalog_import')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const limitedSession = (await signedIn(limited, get().db, { roles: ['data_officer'], departmentId })).session;
    // Just over the limit (caught while streaming), and far over it (refused by its declared length).
    for (const size of [limitBytes + 1, limitBytes * 4])
      for (const url of ['/api/v1/catalog/import', '/api/v1/catalog/imports']) {
        const res = await upload(limited, limitedSession, url, randomBytes(size));
        expect(res.statusCode, `${url} ${size}`).toBe(413);
        expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE', details: { field: 'file', maxBytes: limitBytes } });
      }
    const ok = await upload(limited, limitedSession, '/api/v1/catalog/imports', await workbook(1));
    expect(ok.statusCode).toBe(202);
    const after = await get()
      .db.selectFrom('catalog_import')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });
});
