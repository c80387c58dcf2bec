import { ErrorCode, effectiveMask, type MaskType, type RowCondition } from '@shuyuan/contracts';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { BufferPool } from '../../../db/copy-out';
import { singleConnection } from '../../../db/database';
import type { DB, JobColumn } from '../../../db/schema';
import { sm3 } from '../../../platform/crypto/provider';
import { enqueueEvidence } from '../../../platform/evidence/evidence-log';
import { compileMask } from '../../../platform/masking';
import { connectorFor, type ColumnInfo, type ResolvedSource } from '../../sources';
import type { ClaimedRun, JobRow } from '../jobs.repository';
import { jobsRepository as repo, storeTableOf } from '../jobs.repository';
import { JobSourceError, kyselyRunner, openRemote, poolRunner, type RemoteConnection } from './connections';
import { findDeleted } from './key-diff';
import { Lanes, ReadAhead } from './pipeline';
import { SqlTable, keyTypeOf, type Condition, type PageCursor } from './sql-side';
import { SEQ_COLUMN, ensureTable, upsertRows, type TargetShape } from './upsert';
import { batchDigest, copyBatchOf, rowsDigest, copyIn, copyOut, copyUpsert, firstRow, lastRow, mapColumns, type CopyBatch } from './copy';
import { signatureHeaders } from '../../../platform/signing';
import { RETURN_BATCH_MAX, RETURN_PATH, ReturnReceipt, type ReturnBatch } from '../returns.protocol';

/** A column of the baseline that the source no longer has as it was: the job stops until someone looks. */
export interface DriftItem {
  column: string;
  change: 'missing' | 'type';
  was: string;
  now: string | null;
}

/** How a run ended, for the worker to record. */
export type RunOutcome =
  | { status: 'done' }
  | { status: 'drift'; drift: DriftItem[]; message: string }
  | { status: 'failed'; code: string; message: string; retry: boolean };

/** The run is no longer this worker's (another took it over after the lease ran out). */
export class LostClaim extends Error {}

/** What the worker lends a run: counters it reports on each heartbeat. */
export interface RunProgress {
  phase: 'schema' | 'copy' | 'deletes';
  rows_read: number;
  rows_written: number;
  rows_deleted: number;
  batches: number;
}

export interface TableRunDeps {
  db: Kysely<DB>;
  /** The platform database's pool when it is a PostgreSQL server: batches then write by COPY. */
  pool?: pg.Pool;
  openSource: (sourceId: string) => Promise<ResolvedSource | null>;
  /** A node of the cascade with the link's opened secret, for return flows; null when unknown or disabled. */
  nodeLink?: (nodeId: string) => Promise<{ baseUrl: string; key: string; secret: string } | null>;
  /** The pseudonym key of a consumer department: the gateway's, so the same person gets the same pseudonym. */
  pseudonymKey: (departmentId: string) => Buffer;
}

/** The columns of the baseline the source lost or changed the type of. */
export function driftOf(baseline: readonly JobColumn[], current: readonly ColumnInfo[]): DriftItem[] {
  const byName = new Map(current.map((c) => [c.name, c]));
  const drift: DriftItem[] = [];
  for (const b of baseline) {
    const now = byName.get(b.name);
    if (!now) drift.push({ column: b.name, change: 'missing', was: b.dataType, now: null });
    else if (now.normalizedType !== b.type) drift.push({ column: b.name, change: 'type', was: b.dataType, now: now.dataType });
  }
  return drift;
}

/** `schema.table` split, for a connector's column listing. */
function tableRef(name: string) {
  const dot = name.indexOf('.');
  return dot < 0 ? { schema: null, name } : { schema: name.slice(0, dot), name: name.slice(dot + 1) };
}

/** A page of a run: the rows as COPY text, and as arrays when they were read as such. */
interface Page {
  batch: CopyBatch;
  /** batchDigest of the batch, computed as the page arrives (while the previous one is being written). */
  digest: string;
  rows: (string | null)[][] | null;
  first: (string | null)[];
  last: (string | null)[];
  /** Incremental distribution: the last row's sequence number. */
  watermark?: string | null;
}

function pageOfRows(rows: (string | null)[][]): Page {
  const batch = copyBatchOf(rows);
  return { batch, digest: batchDigest(batch), rows, first: rows[0] ?? [], last: rows.at(-1) ?? [] };
}

function pageOfBatch(batch: CopyBatch): Page {
  return {
    batch,
    digest: batchDigest(batch),
    rows: null,
    first: batch.rows ? firstRow(batch) : [],
    last: batch.rows ? lastRow(batch) : [],
  };
}

/**
 * The masks of a distribution by column position: which columns are masked (those whose mask is not `none`) and
 * the masked value of one, each through the same masking rules as the gateway's.
 */
function columnMasks(fields: readonly string[], masks: Record<string, MaskType>, key: Buffer) {
  const maskers = fields.map((f) => (masks[f] === 'none' ? null : compileMask(masks[f]!, key, f)));
  const columns = maskers.map((m, i) => (m ? i : -1)).filter((i) => i >= 0);
  const apply = (i: number, value: string | null): string | null => {
    const masked = maskers[i]!(value);
    return masked == null ? null : String(masked);
  };
  /** A row of text values masked (the columns after `fields`, such as the sequence number, dropped). */
  const row = (values: readonly (string | null)[]): (string | null)[] => {
    const out = values.slice(0, fields.length);
    for (const i of columns) out[i] = apply(i, out[i]!);
    return out;
  };
  return { columns, apply, row };
}

/** Two connections of the pool (the first given back if the second cannot be had). */
async function connectTwo(pool: pg.Pool): Promise<[pg.PoolClient, pg.PoolClient]> {
  const first = await pool.connect();
  try {
    return [first, await pool.connect()];
  } catch (error) {
    first.release();
    throw error;
  }
}

const isDatabase = (s: ResolvedSource | null): s is Extract<ResolvedSource, { kind: 'postgresql' | 'mysql' }> =>
  !!s && (s.kind === 'postgresql' || s.kind === 'mysql');

/**
 * One run of a table job. Every batch commits in one platform transaction with the run's cursor (and the
 * job's watermark) and its evidence leaf, so a run killed at any point resumes after the last batch it
 * committed: upserts by key make a batch written twice (distribution, whose target is another database)
 * harmless, and nothing is lost.
 */
export class TableRun {
  /** Where batches commit: the platform's database, or one connection of its pool (for COPY). */
  private batchDb: Kysely<DB>;

  constructor(
    private readonly deps: TableRunDeps,
    private readonly job: JobRow,
    private readonly run: ClaimedRun,
    private readonly progress: RunProgress,
  ) {
    this.batchDb = deps.db;
  }

  async execute(): Promise<RunOutcome> {
    try {
      if (this.job.kind === 'return') return await this.returnFlow();
      return this.job.kind === 'aggregate' ? await this.aggregate() : await this.distribute();
    } catch (error) {
      if (error instanceof LostClaim) throw error;
      if (error instanceof JobSourceError)
        return {
          status: 'failed',
          code: error.side === 'source' ? ErrorCode.SourceUnavailable : ErrorCode.TargetUnavailable,
          message: error.message,
          retry: true,
        };
      throw error;
    }
  }

  /** Reads the store: through the pool with rows as arrays on a PostgreSQL server, else through Kysely. */
  private storeReader() {
    return this.deps.pool ? poolRunner(this.deps.pool) : kyselyRunner(this.deps.db);
  }

  private get shape(): TargetShape {
    return {
      table: `${this.job.store_schema}.${this.job.store_table}`,
      columns: this.job.columns,
      key: this.job.key_column,
      sequenced: true,
    };
  }

  private keyType() {
    const key = this.job.columns.find((c) => c.name === this.job.key_column);
    return keyTypeOf(key ?? { type: 'text' });
  }

  /**
   * Commits one batch's bookkeeping (and, for aggregation, its rows) in one platform transaction: on `on` (the run's
   * batch connection by default). With `after`, the work is done first and the bookkeeping waits for that (the
   * batch before, on another connection) to have committed, so batches commit in order while their rows go in
   * side by side; the claim is checked before the bookkeeping all the same.
   */
  private async commit(
    work: (trx: Kysely<DB>) => Promise<number>,
    batch: {
      read: number;
      deleted: number;
      cursor?: string | null;
      watermark?: { value: string | null; key: string | null };
      evidence: Record<string, unknown>;
    },
    options: { on?: Kysely<DB>; after?: Promise<unknown> | null } = {},
  ): Promise<number> {
    return (options.on ?? this.batchDb).transaction().execute(async (trx) => {
      // A batch is not waited on to reach the disk: rows, cursor and leaf commit together or not at all, so a
      // server crash that loses the last few batches loses them whole, and the run reads them from the source
      // again (a distribution's consumer gets them again by upsert); the run's end commits durably, after them.
      await sql`set local synchronous_commit = off`.execute(trx);
      const ordered = options.after !== undefined;
      if (!ordered && !(await repo.lockClaimed(trx, this.run.id, this.run.claim_token))) throw new LostClaim();
      const written = await work(trx);
      if (ordered) {
        await options.after;
        if (!(await repo.lockClaimed(trx, this.run.id, this.run.claim_token))) throw new LostClaim();
      }
      await repo.advance(trx, this.run.id, {
        read: batch.read,
        written,
        deleted: batch.deleted,
        ...(batch.cursor !== undefined ? { cursor: batch.cursor } : {}),
      });
      if (batch.watermark)
        await trx
          .updateTable('exchange_job')
          .set({ watermark: batch.watermark.value, watermark_key: batch.watermark.key })
          .where('id', '=', this.job.id)
          .execute();
      await enqueueEvidence(trx, 'table_batch', {
        job: this.job.id,
        run: this.run.id,
        direction: this.job.kind,
        resource: this.job.resource_code,
        ...batch.evidence,
        written,
      });
      this.progress.rows_read += batch.read;
      this.progress.rows_written += written;
      this.progress.rows_deleted += batch.deleted;
      this.progress.batches += 1;
      return written;
    });
  }

  /** 归集: the department's source table into its store table. */
  private async aggregate(): Promise<RunOutcome> {
    const job = this.job;
    const source = await this.deps.openSource(job.source_id!);
    if (!isDatabase(source))
      return { status: 'failed', code: ErrorCode.SourceUnavailable, message: 'the source is disabled or not a database', retry: false };

    this.progress.phase = 'schema';
    let current: ColumnInfo[] | null;
    try {
      current = await connectorFor(source).columns(tableRef(job.remote_table));
    } catch (error) {
      throw new JobSourceError('source', (error as Error).message);
    }
    if (!current)
      return {
        status: 'drift',
        drift: [{ column: '*', change: 'missing', was: job.remote_table, now: null }],
        message: `the source has no table ${job.remote_table} any more`,
      };
    const drift = driftOf(job.columns, current);
    if (drift.length)
      return { status: 'drift', drift, message: `the source table changed: ${drift.map((d) => `${d.column} (${d.change})`).join(', ')}` };

    const remote = await openRemote(source, 'source');
    // On a PostgreSQL server, batches commit on connections of their own, so rows can go in by COPY in the batch's
    // transaction: two, taken in turn, so one batch's rows go in while the one before commits.
    const pair = this.deps.pool ? await connectTwo(this.deps.pool) : null;
    const own = pair?.[0] ?? null;
    if (own) this.batchDb = singleConnection(own);
    try {
      await ensureTable(kyselyRunner(this.deps.db), this.shape);
      // A first load into an empty table cannot have deletes to find (a resumed run looks all the same).
      const fresh = this.run.cursor == null && job.watermark == null;
      const startedEmpty: boolean =
        fresh && (await new SqlTable(kyselyRunner(this.deps.db), this.shape.table, job.key_column, this.keyType()).isEmpty());
      const names = job.columns.map((c) => c.name);
      const keyAt = names.indexOf(job.key_column);
      const from = new SqlTable(remote, job.remote_table, job.key_column, this.keyType());
      this.progress.phase = 'copy';
      const incremental = job.mode === 'incremental' && job.watermark_column;
      const wmAt = incremental ? names.indexOf(job.watermark_column!) : -1;
      const start: PageCursor | null = incremental
        ? job.watermark != null
          ? { key: job.watermark_key, watermark: job.watermark }
          : null
        : this.run.cursor != null
          ? { key: this.run.cursor }
          : null;
      const watermarkColumn = incremental ? job.watermark_column : null;
      const sourcePg = remote.pgClient;
      const buffers = new BufferPool();
      // PostgreSQL into a store on a server: pages travel as COPY text from the source's COPY … TO STDOUT into the
      // store's COPY … FROM STDIN, never taken apart; otherwise as rows.
      const read = async (after: PageCursor | null): Promise<Page> => {
        if (own && sourcePg) {
          const select = from.pageSelect((v) => sourcePg.escapeLiteral(v), names, after, job.batch_size, watermarkColumn);
          return pageOfBatch(
            await copyOut(sourcePg, select, buffers.take()).catch((error: unknown) => {
              throw new JobSourceError('source', (error as Error).message);
            }),
          );
        }
        return pageOfRows(await from.page(names, after, job.batch_size, watermarkColumn));
      };
      // A full load into an empty store table, by key order: every row is new, so COPY goes straight into the table.
      const direct = startedEmpty && !incremental;
      const write = (trx: Kysely<DB>, client: pg.PoolClient | null, page: Page): Promise<number> =>
        client
          ? direct
            ? copyIn(client, this.shape.table, names, page.batch)
            : copyUpsert(client, this.shape, page.batch)
          : upsertRows(kyselyRunner(trx), this.shape, page.rows ?? []);
      const cursorAfter = (page: Page): PageCursor =>
        incremental ? { key: page.last[keyAt]!, watermark: page.last[wmAt]! } : { key: page.last[keyAt]! };
      const nonEmpty = (page: Page) => (page.batch.rows ? page : null);
      // Pages are read from the source ahead of the ones written to the store.
      const ahead = new ReadAhead<Page>(
        () => read(start).then(nonEmpty),
        (page) => (page.batch.rows < job.batch_size ? null : () => read(cursorAfter(page)).then(nonEmpty)),
        2,
      );
      // On a server a batch's rows go in on one connection while the batch before commits on the other.
      const pairDb = pair?.map((c) => singleConnection(c));
      const lanes = new Lanes(pair?.length ?? 1);
      try {
        for (let page = await ahead.next(); page; page = await ahead.next()) {
          const at = cursorAfter(page);
          const batch = page;
          await lanes.run((lane, before) =>
            this.commit(
              (trx) => write(trx, pair?.[lane] ?? null, batch),
              {
                read: batch.batch.rows,
                deleted: 0,
                ...(incremental ? { watermark: { value: at.watermark ?? null, key: at.key } } : { cursor: at.key }),
                evidence: {
                  op: 'upsert',
                  rows: batch.batch.rows,
                  firstKey: batch.first[keyAt],
                  lastKey: batch.last[keyAt],
                  digest: batch.digest,
                },
              },
              pairDb ? { on: pairDb[lane]!, after: before } : {},
            ).then(() => buffers.give(batch.batch.data)),
          );
        }
        await lanes.drain();
      } finally {
        // No connection goes back to the pool inside a batch's transaction or a read.
        await ahead.close();
        await lanes.settle();
      }
      if (job.detect_deletes && !startedEmpty) {
        this.progress.phase = 'deletes';
        const store = new SqlTable(kyselyRunner(this.deps.db), this.shape.table, job.key_column, this.keyType());
        await findDeleted(from, store, {
          keyType: this.keyType(),
          onMissing: (keys) =>
            this.commit(
              (trx) => new SqlTable(kyselyRunner(trx), this.shape.table, job.key_column, this.keyType()).deleteKeys(keys).then(() => 0),
              {
                read: 0,
                deleted: keys.length,
                evidence: { op: 'delete', rows: keys.length, digest: sm3(keys.join('\n')).toString('hex') },
              },
            ).then(() => undefined),
        });
      }
      return { status: 'done' };
    } finally {
      await remote.close();
      if (pair) {
        this.batchDb = this.deps.db;
        for (const c of pair) c.release();
      }
    }
  }

  /** 分发: a grant's fields, masked and filtered, from the store into the consumer's own database. */
  private async distribute(): Promise<RunOutcome> {
    const job = this.job;
    const grant = await this.deps.db
      .selectFrom('exchange_grant')
      .select(['id', 'status', 'valid_from', 'valid_to', 'fields', 'masks', 'row_filter', 'consumer_department_id', 'method'])
      .where('id', '=', job.grant_id!)
      .executeTakeFirst();
    const now = Date.now();
    if (!grant || grant.status !== 'active' || grant.method !== 'table')
      return { status: 'failed', code: ErrorCode.NoGrant, message: 'the grant was revoked', retry: false };
    if (now < grant.valid_from.getTime() || now >= grant.valid_to.getTime())
      return { status: 'failed', code: ErrorCode.GrantExpired, message: 'the grant is not in its validity period', retry: false };
    const aggregation = await storeTableOf(this.deps.db, job.entry_id);
    if (!aggregation)
      return { status: 'failed', code: ErrorCode.SourceUnavailable, message: 'the resource has no store table yet', retry: true };
    const storeTable = `${aggregation.store_schema}.${aggregation.store_table}`;

    // Only the grant's fields, only its rows; a filter on a field the store lacks refuses the run (contracts §5).
    const storeNames = new Set(aggregation.columns.map((c) => c.name));
    const fields = job.columns.map((c) => c.name).filter((n) => grant.fields.includes(n) && storeNames.has(n));
    if (!fields.includes(job.key_column))
      return { status: 'failed', code: ErrorCode.FieldNotGranted, message: 'the key is no longer granted', retry: false };
    const columns = job.columns.filter((c) => fields.includes(c.name));
    const conditions: Condition[] = [];
    for (const c of grant.row_filter as RowCondition[]) {
      if (!storeNames.has(c.field))
        return {
          status: 'failed',
          code: ErrorCode.NoGrant,
          message: `the row filter names ${c.field}, which the store lacks`,
          retry: false,
        };
      conditions.push({ column: c.field, op: c.op, value: c.value });
    }
    const sensitive = new Map(
      (job.entry_content.items ?? []).map((item) => [(item.nameEn ?? '').toLowerCase(), item.sensitive ?? false] as const),
    );
    const masks: Record<string, MaskType> = {};
    for (const f of fields)
      masks[f] = effectiveMask({
        sensitive: sensitive.get(f) ?? false,
        fieldDefault: null,
        grantMask: (grant.masks as Record<string, MaskType>)[f],
      });
    if (masks[job.key_column] !== 'none')
      return { status: 'failed', code: ErrorCode.MaskFailed, message: 'the key would be masked; rows could not be matched', retry: false };
    const mask = columnMasks(fields, masks, this.deps.pseudonymKey(grant.consumer_department_id));

    const target = await this.deps.openSource(job.source_id!);
    if (!isDatabase(target))
      return {
        status: 'failed',
        code: ErrorCode.TargetUnavailable,
        message: "the consumer's database is disabled or not a database",
        retry: false,
      };
    let remote: RemoteConnection;
    try {
      remote = await openRemote(target, 'target');
    } catch (error) {
      throw error instanceof JobSourceError ? error : new JobSourceError('target', (error as Error).message);
    }
    let storeClient: pg.PoolClient | null = null;
    let reading: ReadAhead<Page> | null = null;
    let second: RemoteConnection | null = null;
    let lanes: Lanes | null = null;
    try {
      const shape: TargetShape = { table: job.remote_table, columns, key: job.key_column, sequenced: false };
      this.progress.phase = 'schema';
      await ensureTable(remote, shape);
      // A table the consumer made itself must have every column the grant gives; nothing is written otherwise.
      let present: ColumnInfo[] | null;
      try {
        present = await connectorFor(target).columns(tableRef(job.remote_table));
      } catch (error) {
        throw new JobSourceError('target', (error as Error).message);
      }
      const have = new Set((present ?? []).map((c) => c.name.toLowerCase()));
      const lacking = columns.filter((c) => !have.has(c.name.toLowerCase()));
      if (lacking.length)
        return {
          status: 'drift',
          drift: lacking.map((c) => ({ column: c.name, change: 'missing' as const, was: c.dataType, now: null })),
          message: `the consumer's table ${job.remote_table} lacks ${lacking.map((c) => c.name).join(', ')}`,
        };
      const keyType = this.keyType();
      const from = new SqlTable(this.storeReader(), storeTable, job.key_column, keyType, conditions);
      const to = new SqlTable(remote, job.remote_table, job.key_column, keyType);
      const startedEmpty = this.run.cursor == null && job.watermark == null && (await to.isEmpty());
      const keyAt = fields.indexOf(job.key_column);
      this.progress.phase = 'copy';
      const incremental = job.mode === 'incremental';
      const names = incremental ? [...fields, SEQ_COLUMN] : fields;
      const start: PageCursor | null = incremental
        ? job.watermark != null
          ? { key: job.watermark_key, watermark: job.watermark }
          : null
        : this.run.cursor != null
          ? { key: this.run.cursor }
          : null;
      const targetPg = remote.pgClient;
      // A full distribution from a store on a server into PostgreSQL: pages travel as COPY text from the store's
      // COPY … TO STDOUT, only the masked columns taken apart, into the consumer's COPY … FROM STDIN.
      storeClient = targetPg && this.deps.pool && !incremental ? await this.deps.pool.connect() : null;
      const reader = storeClient;
      const buffers = new BufferPool();
      const read = async (after: PageCursor | null): Promise<Page> => {
        if (reader) {
          const select = from.pageSelect((v) => reader.escapeLiteral(v), names, after, job.batch_size, null);
          const raw = await copyOut(reader, select, buffers.take());
          if (mask.columns.length === 0 || raw.rows === 0) return pageOfBatch(raw);
          const masked = mapColumns(raw, mask.columns, mask.apply, buffers.take());
          buffers.give(raw.data);
          return pageOfBatch(masked);
        }
        const raw = await from.page(names, after, job.batch_size, incremental ? SEQ_COLUMN : null);
        // Incremental pages carry the sequence number after the fields; the masked rows no longer do.
        return { ...pageOfRows(raw.map(mask.row)), watermark: incremental ? (raw.at(-1)?.[fields.length] ?? null) : null };
      };
      // A full run into a table that was empty when it started, in key order: every row is new to the consumer.
      const direct = startedEmpty && !incremental;
      // Pages are read from the store ahead of the one written to the consumer, and a batch's bookkeeping commits
      // here while the next one is written there.
      const cursorAfter = (page: Page): PageCursor =>
        incremental ? { key: page.last[keyAt]!, watermark: page.watermark ?? null } : { key: page.last[keyAt]! };
      const nonEmpty = (page: Page) => (page.batch.rows ? page : null);
      const ahead = new ReadAhead<Page>(
        () => read(start).then(nonEmpty),
        (page) => (page.batch.rows < job.batch_size ? null : () => read(cursorAfter(page)).then(nonEmpty)),
        2,
      );
      reading = ahead;
      const first = await ahead.next();
      // Pages by COPY go to the consumer on two connections in turn (one batch goes in while the one before ends):
      // the second is opened only when a page follows the first.
      if (reader && targetPg && first && first.batch.rows >= job.batch_size) {
        try {
          second = await openRemote(target, 'target');
        } catch (error) {
          throw error instanceof JobSourceError ? error : new JobSourceError('target', (error as Error).message);
        }
      }
      const writers = second?.pgClient && targetPg ? [targetPg, second.pgClient] : [targetPg];
      const write = (page: Page, slot: number): Promise<number> => {
        const client = writers[slot];
        if (!client) return upsertRows(remote, shape, page.rows ?? []);
        return (direct ? copyIn(client, job.remote_table, fields, page.batch) : copyUpsert(client, shape, page.batch)).catch(
          (error: unknown) => {
            throw new JobSourceError('target', (error as Error).message);
          },
        );
      };
      lanes = new Lanes(writers.length);
      for (let page = first; page; page = await ahead.next()) {
        const cursor = cursorAfter(page);
        const batch = page;
        // The consumer's write commits first, then the batch here, after the batch before it: a crash in between
        // writes the same rows again (upsert), as the run resumes from the last cursor committed here.
        await lanes.run(async (lane, before) => {
          const count = await write(batch, lane);
          buffers.give(batch.batch.data);
          await before;
          return this.commit(async () => count, {
            read: batch.batch.rows,
            deleted: 0,
            ...(incremental ? { watermark: { value: cursor.watermark ?? null, key: cursor.key } } : { cursor: cursor.key }),
            evidence: {
              op: 'upsert',
              grant: grant.id,
              rows: batch.batch.rows,
              fields,
              firstKey: batch.first[keyAt],
              lastKey: batch.last[keyAt],
              digest: batch.digest,
            },
          });
        });
      }
      await lanes.drain();
      if (job.detect_deletes && !startedEmpty) {
        this.progress.phase = 'deletes';
        await findDeleted(from, to, {
          keyType,
          onMissing: async (keys) => {
            await to.deleteKeys(keys);
            await this.commit(async () => 0, {
              read: 0,
              deleted: keys.length,
              evidence: { op: 'delete', grant: grant.id, rows: keys.length, digest: sm3(keys.join('\n')).toString('hex') },
            });
          },
        });
      }
      return { status: 'done' };
    } finally {
      // No read or write may still run on a connection when it is closed or goes back to the pool.
      await reading?.close();
      await lanes?.settle();
      await remote.close();
      await second?.close();
      storeClient?.release();
    }
  }

  /**
   * 回流: the region's rows of the store table, in key order, to a lower node of the cascade, batch by batch,
   * then a final batch after which the node drops the rows this run did not send. Each batch the node stored is
   * committed here with the run's cursor, so a run resumed after a crash sends on from there; the node stores
   * a batch sent twice once (upsert by key).
   */
  private async returnFlow(): Promise<RunOutcome> {
    const job = this.job;
    const link = await this.deps.nodeLink?.(job.node_id!);
    if (!link) return { status: 'failed', code: ErrorCode.TargetUnavailable, message: 'the node is unknown or disabled', retry: false };
    const names = job.columns.map((c) => c.name);
    const keyAt = names.indexOf(job.key_column);
    const from = new SqlTable(this.storeReader(), `${job.store_schema}.${job.store_table}`, job.key_column, this.keyType(), [
      { column: job.region_column!, op: 'prefix', value: job.region_prefix! },
    ]);
    const send = async (rows: (string | null)[][], final: boolean): Promise<ReturnReceipt> => {
      const body = JSON.stringify({
        flowId: job.id,
        flowName: job.name,
        runId: this.run.id,
        seq: this.progress.batches + 1,
        entry: { id: job.entry_id, code: job.resource_code },
        regionPrefix: job.region_prefix!,
        key: job.key_column,
        columns: job.columns,
        rows,
        final,
      } satisfies ReturnBatch);
      const url = new URL(RETURN_PATH, link.baseUrl);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            ...signatureHeaders({ method: 'POST', url: url.pathname, body }, { key: link.key, secret: link.secret }),
            'content-type': 'application/json',
          },
          body,
          signal: AbortSignal.timeout(60_000),
        });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        throw new JobSourceError('target', cause?.code ? `${cause.code}: ${cause.message ?? ''}` : (error as Error).message);
      }
      const text = await res.text();
      if (!res.ok) throw new JobSourceError('target', `the node answered ${res.status}: ${text.slice(0, 300)}`);
      const receipt = ReturnReceipt.safeParse(JSON.parse(text));
      if (!receipt.success) throw new JobSourceError('target', 'the node answered something other than a receipt');
      return receipt.data;
    };
    this.progress.phase = 'copy';
    let cursor: PageCursor | null = this.run.cursor != null ? { key: this.run.cursor } : null;
    for (;;) {
      const rows = await from.page(names, cursor, Math.min(job.batch_size, RETURN_BATCH_MAX));
      if (rows.length === 0) break;
      const last = rows[rows.length - 1]!;
      cursor = { key: last[keyAt]! };
      const receipt = await send(rows, false);
      await this.commit(async () => receipt.stored, {
        read: rows.length,
        deleted: 0,
        cursor: cursor.key,
        evidence: {
          op: 'return',
          node: job.node_id,
          region: job.region_prefix,
          rows: rows.length,
          firstKey: rows[0]![keyAt],
          lastKey: last[keyAt],
          digest: rowsDigest(rows),
        },
      });
      if (rows.length < job.batch_size) break;
    }
    this.progress.phase = 'deletes';
    const receipt = await send([], true);
    await this.commit(async () => 0, {
      read: 0,
      deleted: receipt.deleted,
      evidence: { op: 'return_final', node: job.node_id, region: job.region_prefix, deleted: receipt.deleted },
    });
    return { status: 'done' };
  }
}
