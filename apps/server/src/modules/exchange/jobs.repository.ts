import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB, ExchangeJobTable, ExchangeRunTable, JobColumn } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

function jobs(db: Q) {
  return db
    .selectFrom('exchange_job as j')
    .innerJoin('catalog_entry as e', 'e.id', 'j.entry_id')
    .innerJoin('department as d', 'd.id', 'j.department_id')
    .innerJoin('department as pd', 'pd.id', 'e.department_id')
    .leftJoin('data_source as s', 's.id', 'j.source_id')
    .leftJoin('cascade_node as n', 'n.id', 'j.node_id')
    .leftJoin('exchange_run as r', (join) =>
      join.on('r.id', '=', (eb) =>
        eb
          .selectFrom('exchange_run as last')
          .select('last.id')
          .whereRef('last.job_id', '=', 'j.id')
          .orderBy('last.created_at', 'desc')
          .limit(1),
      ),
    )
    .selectAll('j')
    .select([
      'e.code as resource_code',
      'e.name as entry_name',
      'e.department_id as provider_department_id',
      'pd.name as provider_department_name',
      'e.content as entry_content',
      'd.name as department_name',
      's.name as source_name',
      's.kind as source_kind',
      'n.name as node_name',
      'n.region_code as node_region',
      'r.id as last_run_id',
      'r.status as last_run_status',
      'r.finished_at as last_run_finished_at',
    ]);
}
export type JobRow = Awaited<ReturnType<ReturnType<typeof jobs>['executeTakeFirstOrThrow']>>;
export type RunRow = Selectable<ExchangeRunTable>;
/** A run a worker holds: its claim token is set. */
export type ClaimedRun = RunRow & { claim_token: string };

/** Runs waiting or running: one per job at most (exchange_run_live_idx). */
export const LIVE = ['queued', 'running'] as const;

/** Every SQL statement about table jobs and their runs. */
export const jobsRepository = {
  find(db: Q, id: string) {
    return jobs(db).where('j.id', '=', id).executeTakeFirst();
  },
  list(
    db: Q,
    filter: {
      departmentIds: readonly string[] | null;
      kind?: 'aggregate' | 'distribute' | 'return' | undefined;
      entryId?: string | undefined;
      grantId?: string | undefined;
      /** owner: jobs the departments run (their aggregations, their subscriptions); provider: jobs on their resources. */
      role?: 'owner' | 'provider' | undefined;
    },
  ) {
    let q = jobs(db);
    const ids = filter.departmentIds;
    if (ids && filter.role === 'owner') q = q.where('j.department_id', 'in', ids);
    else if (ids && filter.role === 'provider') q = q.where('e.department_id', 'in', ids);
    else if (ids) q = q.where((eb) => eb.or([eb('j.department_id', 'in', ids), eb('e.department_id', 'in', ids)]));
    if (filter.kind) q = q.where('j.kind', '=', filter.kind);
    if (filter.entryId) q = q.where('j.entry_id', '=', filter.entryId);
    if (filter.grantId) q = q.where('j.grant_id', '=', filter.grantId);
    return q.orderBy('j.created_at', 'desc').limit(500).execute();
  },
  insert(db: Q, values: Insertable<ExchangeJobTable>) {
    return db.insertInto('exchange_job').values(values).returning('id').executeTakeFirstOrThrow();
  },
  update(db: Q, id: string, version: number, values: Updateable<ExchangeJobTable>) {
    return db
      .updateTable('exchange_job')
      .set({ ...values, version: sql`version + 1`, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  /** The aggregation that fills an entry's store table, if any. */
  aggregationOf(db: Q, entryId: string) {
    return db.selectFrom('exchange_job').selectAll().where('kind', '=', 'aggregate').where('entry_id', '=', entryId).executeTakeFirst();
  },

  /** Queues a run; undefined when one is queued or running already. */
  async enqueue(db: Q, jobId: string, trigger: 'schedule' | 'manual', userId: string | null) {
    return db
      .insertInto('exchange_run')
      .values({ job_id: jobId, trigger, created_by: userId })
      .onConflict((oc) => oc.column('job_id').where('status', 'in', LIVE).doNothing())
      .returningAll()
      .executeTakeFirst();
  },
  run(db: Q, id: string) {
    return db.selectFrom('exchange_run').selectAll().where('id', '=', id).executeTakeFirst();
  },
  runs(db: Q, jobId: string, limit: number) {
    return db.selectFrom('exchange_run').selectAll().where('job_id', '=', jobId).orderBy('created_at', 'desc').limit(limit).execute();
  },
  /** Active jobs whose next run is due and that have no run waiting or running. */
  due(db: Q, limit: number) {
    return db
      .selectFrom('exchange_job as j')
      .select(['j.id', 'j.schedule', 'j.cron', 'j.entry_id'])
      .select('j.next_run_at')
      .where('j.status', '=', 'active')
      .where('j.next_run_at', '<=', sql<Date>`now()`)
      .where((eb) =>
        eb.not(
          eb.exists(eb.selectFrom('exchange_run as r').select('r.id').whereRef('r.job_id', '=', 'j.id').where('r.status', 'in', LIVE)),
        ),
      )
      .orderBy('j.next_run_at')
      .limit(limit)
      .execute();
  },
  setNextRun(db: Q, id: string, at: Date | null) {
    return db.updateTable('exchange_job').set({ next_run_at: at }).where('id', '=', id).execute();
  },

  /**
   * Takes the next run due: a queued one whose retry time has come, or a running one whose worker stopped
   * renewing its lease. SKIP LOCKED: two processes never take the same run.
   */
  async claim(db: Q, token: string, leaseSeconds: number): Promise<ClaimedRun | undefined> {
    const row = await db
      .updateTable('exchange_run')
      .set({
        status: 'running',
        claim_token: token,
        leased_until: sql`now() + make_interval(secs => ${leaseSeconds})`,
        heartbeat_at: sql`now()`,
        started_at: sql`coalesce(started_at, now())`,
        attempts: sql`attempts + 1`,
      })
      .where(
        'id',
        '=',
        sql<string>`(select id from exchange_run
          where (status = 'queued' and next_attempt_at <= now()) or (status = 'running' and leased_until < now())
          order by next_attempt_at limit 1 for update skip locked)`,
      )
      .returningAll()
      .executeTakeFirst();
    return row as ClaimedRun | undefined;
  },
  /** Renews the lease and records progress; false when the run is no longer this worker's. */
  async touch(
    db: Q,
    id: string,
    token: string,
    leaseSeconds: number,
    progress: Partial<Pick<RunRow, 'phase' | 'rows_read' | 'rows_written' | 'rows_deleted' | 'batches'>>,
  ) {
    const row = await db
      .updateTable('exchange_run')
      .set({ ...progress, leased_until: sql`now() + make_interval(secs => ${leaseSeconds})`, heartbeat_at: sql`now()` })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', '=', 'running')
      .returning('id')
      .executeTakeFirst();
    return !!row;
  },
  /** Locks the run in a batch's transaction; false when another worker took it over. */
  async lockClaimed(trx: Q, id: string, token: string) {
    const row = await trx
      .selectFrom('exchange_run')
      .select('id')
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', '=', 'running')
      .forUpdate()
      .executeTakeFirst();
    return !!row;
  },
  /** Adds a committed batch to the run's counters and moves its cursor, in the batch's transaction. */
  advance(trx: Q, id: string, delta: { read: number; written: number; deleted: number; cursor?: string | null }) {
    return trx
      .updateTable('exchange_run')
      .set({
        rows_read: sql`rows_read + ${delta.read}`,
        rows_written: sql`rows_written + ${delta.written}`,
        rows_deleted: sql`rows_deleted + ${delta.deleted}`,
        batches: sql`batches + 1`,
        ...(delta.cursor !== undefined ? { cursor: delta.cursor } : {}),
        heartbeat_at: sql`now()`,
      })
      .where('id', '=', id)
      .execute();
  },
  finish(
    db: Q,
    id: string,
    token: string,
    values: Partial<Pick<RunRow, 'status' | 'error_code' | 'error_message' | 'next_attempt_at' | 'phase'>> & { drift?: string | null },
  ) {
    const final = values.status !== 'queued';
    return db
      .updateTable('exchange_run')
      .set({
        ...values,
        claim_token: null,
        leased_until: null,
        ...(final ? { finished_at: sql<Date>`now()` } : {}),
      })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .returning('id')
      .executeTakeFirst();
  },
};

/**
 * Where an entry's rows are in the store: the table its aggregation fills, or the table a return flow from the
 * upper node fills on this node; null when neither.
 */
export async function storeTableOf(
  db: Q,
  entryId: string,
): Promise<{ store_schema: string; store_table: string; key_column: string; columns: JobColumn[] } | null> {
  const aggregation = await jobsRepository.aggregationOf(db, entryId);
  if (aggregation) return aggregation;
  const returned = await db
    .selectFrom('exchange_return_table')
    .select(['store_schema', 'store_table', 'key_column', 'columns'])
    .where('entry_id', '=', entryId)
    .orderBy('created_at')
    .executeTakeFirst();
  return returned ?? null;
}
