import { randomUUID } from 'node:crypto';
import { ErrorCode, Permission } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { PollingLoop } from '../../platform/polling-loop';
import { usersRepository, type RequestContext } from '../identity';
import { MAX_LISTED_ERRORS, type ImportError } from './catalog-excel.schemas';
import { checkWorkbook, importInvalid, writeEntries } from './catalog-excel.service';
import { importJobsRepository as jobs, type ClaimedJob } from './catalog-import.repository';
import { catalogAccess } from './entries.service';
import { readWorkbook } from './template-reader';

/** Where the worker reports what went wrong outside any request. */
export interface WorkerLog {
  warn(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

export interface ImportWorkerOptions {
  /** How often to look for queued jobs when idle; a job queued by this process starts at once. */
  pollMs?: number;
  /** A job whose lease was not renewed for this long is taken over (its worker is gone). */
  leaseSeconds?: number;
  /** How often a running job renews its lease and records progress. */
  heartbeatMs?: number;
  /** Attempts after which a job that keeps dying (say, it exhausts memory) is failed. */
  maxAttempts?: number;
}

/** The job is no longer this worker's: another took it over after the lease ran out. */
class LostClaim extends Error {}

const READ_SHARE = 0.95;

/** The job's creator as they stand now, with no more than the permissions of the request that queued it. */
async function contextOfJob(db: Kysely<DB>, job: ClaimedJob): Promise<RequestContext | null> {
  const user = await usersRepository.findById(db, job.created_by);
  if (!user || user.status !== 'active') return null;
  const queued = new Set(job.permissions);
  const permissions = new Set((await usersRepository.grants(db, user.id)).permissions.filter((p) => queued.has(p)));
  if (!permissions.has(Permission.CatalogCompile)) return null;
  return {
    db,
    actor: { userId: user.id, login: user.login, departmentId: user.department_id, ip: job.ip, userAgent: job.user_agent },
    principal: {
      userId: user.id,
      login: user.login,
      displayName: user.display_name,
      departmentId: user.department_id,
      roles: user.roles,
      permissions,
      mustChangePassword: false,
      via: 'session',
    },
  };
}

/**
 * Runs import jobs in this process: claims one at a time (FOR UPDATE SKIP LOCKED, so several processes
 * sharing a database never run the same job), renews its lease while it runs, records progress, and
 * writes every entry in one final transaction that also marks the job done.
 */
export class ImportWorker {
  private readonly leaseSeconds: number;
  private readonly heartbeatMs: number;
  private readonly maxAttempts: number;
  private readonly loop: PollingLoop;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: WorkerLog,
    options: ImportWorkerOptions = {},
  ) {
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.heartbeatMs = options.heartbeatMs ?? 1_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.loop = new PollingLoop(
      async (stopped) => {
        while (!stopped() && (await this.runOnce()));
      },
      options.pollMs ?? 2_000,
      (err) => this.log.error({ err }, 'catalog import worker: looking for jobs failed'),
    );
  }

  /** Starts looking for jobs (at once, then every pollMs). */
  start(): void {
    this.loop.start();
  }

  /** Looks for a job now: called after this process queued one. */
  kick(): void {
    this.loop.kick();
  }

  /** Stops looking for jobs and waits for the one running, if any. */
  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Claims and runs one job; false when there was none. */
  async runOnce(): Promise<boolean> {
    const job = await jobs.claim(this.db, randomUUID(), this.leaseSeconds);
    if (!job) return false;
    await this.run(job);
    return true;
  }

  private async run(job: ClaimedJob): Promise<void> {
    const { id, claim_token: token } = job;
    let rows = 0;
    let progress = 0;
    let touching = false;
    let inflight: Promise<unknown> = Promise.resolve();
    const heartbeat = setInterval(() => {
      // One renewal at a time: a slow database never piles them up on the pool.
      if (touching) return;
      touching = true;
      inflight = jobs
        .touch(this.db, id, token, { processed_rows: rows, progress })
        .catch((err: unknown) => this.log.warn({ err, importId: id }, 'catalog import: renewing the lease failed'))
        .finally(() => (touching = false));
    }, this.heartbeatMs);
    heartbeat.unref();
    const fail = (failure_code: string, errors: ImportError[], errorCount = errors.length) =>
      jobs.finish(this.db, id, token, {
        status: 'failed',
        failure_code,
        errors: JSON.stringify(errors.slice(0, MAX_LISTED_ERRORS)),
        error_count: errorCount,
        total_rows: rows,
        processed_rows: rows,
      });
    const general = (reason: string): ImportError[] => [{ sheet: null, row: null, column: null, reason, kind: 'invalid_value' }];
    try {
      if (job.attempts > this.maxAttempts) {
        await fail(ErrorCode.Internal, general(`gave up after ${this.maxAttempts} attempts`));
        return;
      }
      const ctx = await contextOfJob(this.db, job);
      if (!ctx) {
        await fail(ErrorCode.Forbidden, general('the user who queued the import may no longer compile the catalog'));
        return;
      }
      const access = await catalogAccess(ctx);
      const size = job.file?.byteLength ?? 0;
      const read = await readWorkbook(job.file ?? new Uint8Array(), {
        onBytes: (bytes) => (progress = size > 0 ? (READ_SHARE * bytes) / size : 0),
        onRows: (n) => (rows = n),
      });
      rows = read.rows;
      const checked = await checkWorkbook(ctx, access, read);
      if (checked.errors.length > 0) throw importInvalid(checked.errors);
      progress = READ_SHARE;
      // From here the final transaction holds the job's row locked (a takeover skips locked rows): no
      // renewals, which would only queue up behind that lock.
      clearInterval(heartbeat);
      // A renewal still on its way would write its older progress after this one: let it land first.
      await inflight;
      if (!(await jobs.touch(this.db, id, token, { status: 'importing', total_rows: rows, processed_rows: rows, progress: READ_SHARE })))
        throw new LostClaim();
      await writeEntries(ctx, checked.entries, {
        importId: id,
        fileName: job.file_name,
        before: async (trx) => {
          if (!(await jobs.lockClaimed(trx, id, token))) throw new LostClaim();
        },
        after: async (trx, count) => {
          await jobs.finish(trx, id, token, { status: 'done', entry_count: count, total_rows: rows, processed_rows: rows, errors: '[]' });
        },
      });
    } catch (error) {
      if (error instanceof LostClaim) return this.log.warn({ importId: id }, 'catalog import: another worker took the job over');
      if (error instanceof AppError && error.code === ErrorCode.ImportInvalid) {
        const errors = (error.details.errors ?? []) as ImportError[];
        await fail(ErrorCode.ImportInvalid, errors, Number(error.details.errorCount ?? errors.length));
        return;
      }
      this.log.error({ err: error, importId: id }, 'catalog import failed');
      await fail(ErrorCode.Internal, general('the import failed on the server; try again or ask the administrator')).catch(() => {});
    } finally {
      clearInterval(heartbeat);
    }
  }
}
