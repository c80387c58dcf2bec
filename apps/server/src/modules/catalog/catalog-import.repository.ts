import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { CatalogImportTable, DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;
/** A job row without its file. */
export type ImportJobRow = Omit<Selectable<CatalogImportTable>, 'file'>;
/** A job row a worker has claimed, with its file. */
export type ClaimedJob = Selectable<CatalogImportTable> & { claim_token: string };

const ACTIVE = ['validating', 'importing'] as const;
const withoutFile = [
  'id',
  'status',
  'file_name',
  'file_size',
  'total_rows',
  'processed_rows',
  'progress',
  'entry_count',
  'error_count',
  'errors',
  'failure_code',
  'created_by',
  'department_id',
  'permissions',
  'ip',
  'user_agent',
  'attempts',
  'claim_token',
  'heartbeat_at',
  'created_at',
  'started_at',
  'finished_at',
] as const;

/** Every SQL statement about import jobs. */
export const importJobsRepository = {
  insert(
    db: Q,
    values: Pick<
      CatalogImportTable,
      'file_name' | 'file_size' | 'file' | 'created_by' | 'department_id' | 'permissions' | 'ip' | 'user_agent'
    >,
  ): Promise<ImportJobRow> {
    return db.insertInto('catalog_import').values(values).returning(withoutFile).executeTakeFirstOrThrow();
  },
  find(db: Q, id: string): Promise<ImportJobRow | undefined> {
    return db.selectFrom('catalog_import').select(withoutFile).where('id', '=', id).executeTakeFirst();
  },
  /** A user's latest jobs, newest first. */
  listBy(db: Q, userId: string, limit: number): Promise<ImportJobRow[]> {
    return db
      .selectFrom('catalog_import')
      .select(withoutFile)
      .where('created_by', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  },
  /**
   * Claims the oldest job that is queued, or active under a lease nobody renewed for `leaseSeconds` (its
   * worker died; nothing of it was written, so it starts again). SKIP LOCKED keeps two workers apart.
   */
  claim(db: Q, token: string, leaseSeconds: number): Promise<ClaimedJob | undefined> {
    return db
      .updateTable('catalog_import')
      .set({
        status: 'validating',
        claim_token: token,
        heartbeat_at: sql`now()`,
        attempts: sql`attempts + 1`,
        started_at: sql`coalesce(started_at, now())`,
        processed_rows: 0,
        total_rows: null,
        progress: 0,
      })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('catalog_import')
          .select('id')
          .where((w) =>
            w.or([
              w('status', '=', 'queued'),
              w.and([w('status', 'in', ACTIVE), w('heartbeat_at', '<', sql<Date>`now() - make_interval(secs => ${leaseSeconds})`)]),
            ]),
          )
          .orderBy('created_at')
          .limit(1)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .executeTakeFirst() as Promise<ClaimedJob | undefined>;
  },
  /** Renews the lease and records progress; false when the job is no longer this worker's. */
  async touch(db: Q, id: string, token: string, values: Updateable<CatalogImportTable> = {}): Promise<boolean> {
    const result = await db
      .updateTable('catalog_import')
      .set({ ...values, heartbeat_at: sql`now()` })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', 'in', ACTIVE)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
  /** Locks a job row in the final transaction; false when the job is no longer this worker's. */
  async lockClaimed(trx: Transaction<DB>, id: string, token: string): Promise<boolean> {
    const row = await trx
      .selectFrom('catalog_import')
      .select('id')
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', 'in', ACTIVE)
      .forUpdate()
      .executeTakeFirst();
    return !!row;
  },
  /** Ends a job: done or failed, its file dropped. */
  async finish(
    db: Q,
    id: string,
    token: string,
    values: Pick<
      Updateable<CatalogImportTable>,
      'status' | 'entry_count' | 'error_count' | 'errors' | 'failure_code' | 'total_rows' | 'processed_rows'
    >,
  ): Promise<boolean> {
    const result = await db
      .updateTable('catalog_import')
      .set({
        ...values,
        progress: values.status === 'done' ? 1 : sql`progress`,
        file: null,
        finished_at: sql`now()`,
        heartbeat_at: sql`now()`,
      })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', 'in', ACTIVE)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },
};
