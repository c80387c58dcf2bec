import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, buildUser } from '../../../test/factories';
import { client } from '../../../test/client';
import { loginAs } from '../../../test/factories';
import { entryContent } from '../../../test/catalog-fixtures';
import { jobsRepository as repo } from './jobs.repository';
import { JobWorker, retryDelayMs } from './jobs.worker';
import { cronProblem, nextRunAt } from './jobs.schedule';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

/** A job row over a source at an address nobody listens on: runs fail as the source being down. */
async function jobFixture(db: Kysely<DB>, entryId: string, departmentId: string, overrides: Record<string, unknown> = {}) {
  const source = await db
    .insertInto('data_source')
    .values({
      department_id: departmentId,
      name: `unreachable-${randomUUID().slice(0, 8)}`,
      kind: 'postgresql',
      settings: JSON.stringify({ host: '127.0.0.1', port: 1, database: 'none', user: 'none', schema: null }),
      credentials_sealed: null,
      test_status: null,
      test_step: null,
      test_code: null,
      test_message: null,
      test_elapsed_ms: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const mount = await db
    .insertInto('catalog_mount')
    .values({
      entry_id: entryId,
      kind: 'table',
      source_id: source.id,
      resource_name: 'public.t',
      column_map: '{}',
      diff: '{}',
      status: 'mounted',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return repo.insert(db, {
    kind: 'aggregate',
    name: '测试归集',
    department_id: departmentId,
    entry_id: entryId,
    mount_id: mount.id,
    source_id: source.id,
    remote_table: 'public.t',
    store_schema: 'store_test',
    store_table: `t_${randomUUID().slice(0, 8)}`,
    key_column: 'id',
    columns: JSON.stringify([{ name: 'id', type: 'int', dataType: 'bigint' }]),
    mode: 'full',
    ...overrides,
  });
}

describeEachEngine('table jobs run durably', (get) => {
  let db: Kysely<DB>;
  let entryId: string;
  let departmentId: string;

  beforeAll(async () => {
    db = get().db;
    const { app } = await buildTestApp(get());
    departmentId = (await buildDepartment(db)).id;
    const officer = await buildUser(db, { roles: ['data_officer'], departmentId });
    const created = await client(app, await loginAs(app, officer.login)).post('/api/v1/catalog/entries', entryContent());
    expect(created.statusCode, created.body).toBe(201);
    entryId = created.json().id;
    await app.close();
  });

  it('queues one run of a job at a time', async () => {
    const job = await jobFixture(db, entryId, departmentId);
    const first = await repo.enqueue(db, job.id, 'manual', null);
    expect(first).toBeDefined();
    expect(await repo.enqueue(db, job.id, 'schedule', null)).toBeUndefined();
    const claimed = await repo.claim(db, randomUUID(), 60);
    expect(claimed?.id).toBe(first!.id);
    expect(await repo.enqueue(db, job.id, 'manual', null)).toBeUndefined();
    await repo.finish(db, claimed!.id, claimed!.claim_token, { status: 'done' });
    expect(await repo.enqueue(db, job.id, 'manual', null)).toBeDefined();
    await db.deleteFrom('exchange_run').where('job_id', '=', job.id).execute();
  });

  it('never hands one run to two claims at once', async () => {
    const jobs = await Promise.all(Array.from({ length: 4 }, () => jobFixture(db, entryId, departmentId)));
    for (const job of jobs) await repo.enqueue(db, job.id, 'manual', null);
    const claims = await Promise.all(Array.from({ length: 10 }, () => repo.claim(db, randomUUID(), 60)));
    const won = claims.filter((c) => c !== undefined).map((c) => c!.id);
    expect(won).toHaveLength(4);
    expect(new Set(won).size).toBe(4);
    for (const c of claims) if (c) await repo.finish(db, c.id, c.claim_token, { status: 'done' });
  });

  it('takes over a run whose lease ran out; the first claim can no longer commit', async () => {
    const job = await jobFixture(db, entryId, departmentId);
    await repo.enqueue(db, job.id, 'manual', null);
    const first = (await repo.claim(db, randomUUID(), 1))!;
    expect(await repo.claim(db, randomUUID(), 60)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1_300));
    const second = (await repo.claim(db, randomUUID(), 60))!;
    expect(second).toMatchObject({ id: first.id, attempts: 2 });
    expect(await repo.touch(db, first.id, first.claim_token, 60, {})).toBe(false);
    expect(await db.transaction().execute((trx) => repo.lockClaimed(trx, first.id, first.claim_token))).toBe(false);
    expect(await db.transaction().execute((trx) => repo.lockClaimed(trx, second.id, second.claim_token))).toBe(true);
    expect(await repo.finish(db, first.id, first.claim_token, { status: 'failed' })).toBeUndefined();
    await repo.finish(db, second.id, second.claim_token, { status: 'done' });
  });

  it('retries a run whose source is down with a growing wait, then gives up', async () => {
    const job = await jobFixture(db, entryId, departmentId);
    const worker = new JobWorker(
      {
        db,
        openSource: async () => ({
          kind: 'postgresql',
          settings: { host: '127.0.0.1', port: 1, database: 'x', user: 'x', schema: null },
          password: null,
        }),
        pseudonymKey: () => Buffer.alloc(32),
      },
      quiet,
      {
        maxAttempts: 2,
        retryBaseMs: 60_000,
      },
    );
    const run = (await repo.enqueue(db, job.id, 'manual', null))!;
    expect(await worker.runOnce()).toBe(true);
    const retried = (await repo.run(db, run.id))!;
    expect(retried).toMatchObject({ status: 'queued', error_code: 'SOURCE_UNAVAILABLE', attempts: 1 });
    expect(retried.next_attempt_at.getTime() - Date.now()).toBeGreaterThan(50_000);
    expect(await worker.runOnce()).toBe(false);
    await db
      .updateTable('exchange_run')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('id', '=', run.id)
      .execute();
    expect(await worker.runOnce()).toBe(true);
    expect(await repo.run(db, run.id)).toMatchObject({ status: 'failed', error_code: 'SOURCE_UNAVAILABLE', attempts: 2 });
    expect(retryDelayMs(1, 30_000)).toBe(30_000);
    expect(retryDelayMs(3, 30_000)).toBe(120_000);
    expect(retryDelayMs(20, 30_000)).toBe(3_600_000);
  });

  it('queues the runs its schedules make due and moves each job to its next time', async () => {
    const job = await jobFixture(db, entryId, departmentId, {
      schedule: 'cron',
      cron: '*/5 * * * *',
      next_run_at: new Date(Date.now() - 60_000),
    });
    const paused = await jobFixture(db, entryId, departmentId, {
      schedule: 'cron',
      cron: '*/5 * * * *',
      next_run_at: new Date(Date.now() - 60_000),
      status: 'paused',
    });
    const worker = new JobWorker({ db, openSource: async () => null, pseudonymKey: () => Buffer.alloc(32) }, quiet);
    await worker.queueDue();
    const runs = await db.selectFrom('exchange_run').select(['job_id', 'trigger']).where('job_id', 'in', [job.id, paused.id]).execute();
    expect(runs).toEqual([{ job_id: job.id, trigger: 'schedule' }]);
    const next = (await db.selectFrom('exchange_job').select('next_run_at').where('id', '=', job.id).executeTakeFirstOrThrow())
      .next_run_at!;
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    expect(next.getUTCMinutes() % 5).toBe(0);
    // While its run waits, a due job is not queued twice.
    await db
      .updateTable('exchange_job')
      .set({ next_run_at: new Date(Date.now() - 1000) })
      .where('id', '=', job.id)
      .execute();
    await worker.queueDue();
    expect(await db.selectFrom('exchange_run').select('id').where('job_id', '=', job.id).execute()).toHaveLength(1);
  });
});

it("reads cron schedules in the bureau's time zone, and the update cycle as a cron", () => {
  expect(cronProblem('0 2 * * *')).toBeNull();
  expect(cronProblem('0 2 * *')).toMatch(/five fields/);
  expect(cronProblem('61 2 * * *')).not.toBeNull();
  // 02:00 in Asia/Shanghai is 18:00 UTC the day before.
  const from = new Date('2026-11-26T12:00:00Z');
  expect(nextRunAt({ schedule: 'cron', cron: '0 2 * * *' }, null, from)?.toISOString()).toBe('2026-11-26T18:00:00.000Z');
  expect(nextRunAt({ schedule: 'cycle', cron: null }, 'monthly', from)?.toISOString()).toBe('2026-11-30T18:00:00.000Z');
  expect(nextRunAt({ schedule: 'cycle', cron: null }, 'realtime', from)?.toISOString()).toBe('2026-11-26T12:05:00.000Z');
  expect(nextRunAt({ schedule: 'manual', cron: null }, 'daily', from)).toBeNull();
});
