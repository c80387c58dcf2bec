import { randomUUID } from 'node:crypto';
import { ErrorCode, type UpdateCycle } from '@shuyuan/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit, systemActor } from '../../platform/audit/audit-log';
import { PollingLoop } from '../../platform/polling-loop';
import { jobsRepository as repo, type ClaimedRun } from './jobs.repository';
import { nextRunAt } from './jobs.schedule';
import { LostClaim, TableRun, type RunOutcome, type RunProgress, type TableRunDeps } from './sync/table-run';

/** Where the worker reports what went wrong outside any request. */
export interface JobLog {
  info(obj: object, message: string): void;
  warn(obj: object, message: string): void;
  error(obj: object, message: string): void;
}

export interface JobWorkerOptions {
  /** How often to look for due runs and schedules when idle; a run queued by this process starts at once. */
  pollMs?: number;
  /** A run whose lease was not renewed for this long is taken over (its worker is gone). */
  leaseSeconds?: number;
  heartbeatMs?: number;
  /** Attempts before a failing run is given up; the waits between them double from `retryBaseMs`. */
  maxAttempts?: number;
  retryBaseMs?: number;
}

/** The wait before attempt `attempt + 1`: base, 2×base, 4×base…, at most an hour. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
}

/**
 * Runs table jobs durably in PostgreSQL: queues the runs their schedules make due, claims one run at a
 * time (FOR UPDATE SKIP LOCKED, so several processes never run one twice), renews its lease while it runs,
 * retries a failed run with backoff, and takes over a run whose worker died (after its lease ran out).
 */
export class JobWorker {
  private readonly leaseSeconds: number;
  private readonly heartbeatMs: number;
  private readonly maxAttempts: number;
  private readonly retryBaseMs: number;
  private readonly loop: PollingLoop;

  constructor(
    private readonly deps: TableRunDeps,
    private readonly log: JobLog,
    options: JobWorkerOptions = {},
  ) {
    this.leaseSeconds = options.leaseSeconds ?? 60;
    this.heartbeatMs = options.heartbeatMs ?? 2_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.loop = new PollingLoop(
      async (stopped) => {
        await this.queueDue();
        while (!stopped() && (await this.runOnce()));
      },
      options.pollMs ?? 5_000,
      (err) => this.log.error({ err }, 'table jobs: looking for work failed'),
    );
  }

  private get db(): Kysely<DB> {
    return this.deps.db;
  }

  start(): void {
    this.loop.start();
  }

  /** Looks for work now: called after this process queued a run. */
  kick(): void {
    this.loop.kick();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
  }

  /** Queues a run of every job whose schedule is due, and moves its next run on. */
  async queueDue(now = new Date()): Promise<number> {
    const due = await repo.due(this.db, 100);
    let queued = 0;
    for (const job of due) {
      const entry = await this.db.selectFrom('catalog_entry').select('content').where('id', '=', job.entry_id).executeTakeFirst();
      await this.db.transaction().execute(async (trx) => {
        if (await repo.enqueue(trx, job.id, 'schedule', null)) queued += 1;
        await repo.setNextRun(trx, job.id, nextRunAt(job, entry?.content.updateCycle as UpdateCycle | undefined, now));
      });
    }
    return queued;
  }

  /** Claims and runs one run; false when none was due. */
  async runOnce(): Promise<boolean> {
    const run = await repo.claim(this.db, randomUUID(), this.leaseSeconds);
    if (!run) return false;
    await this.execute(run);
    return true;
  }

  private async execute(run: ClaimedRun): Promise<void> {
    const token = run.claim_token;
    const progress: RunProgress = {
      phase: 'schema',
      rows_read: run.rows_read,
      rows_written: run.rows_written,
      rows_deleted: run.rows_deleted,
      batches: run.batches,
    };
    let touching = false;
    let lost = false;
    const heartbeat = setInterval(() => {
      if (touching) return;
      touching = true;
      repo
        .touch(this.db, run.id, token, this.leaseSeconds, { phase: progress.phase })
        .then((mine) => (lost ||= !mine))
        .catch((err: unknown) => this.log.warn({ err, runId: run.id }, 'table job: renewing the lease failed'))
        .finally(() => (touching = false));
    }, this.heartbeatMs);
    heartbeat.unref();
    let outcome: RunOutcome;
    try {
      const job = await repo.find(this.db, run.job_id);
      if (!job) outcome = { status: 'failed', code: ErrorCode.NotFound, message: 'the job was removed', retry: false };
      else if (job.status !== 'active' && run.trigger === 'schedule')
        outcome = { status: 'failed', code: ErrorCode.InvalidTransition, message: `the job is ${job.status}`, retry: false };
      else if (run.attempts > this.maxAttempts)
        outcome = { status: 'failed', code: ErrorCode.Internal, message: `gave up after ${this.maxAttempts} attempts`, retry: false };
      else outcome = await new TableRun(this.deps, job, run, progress).execute();
    } catch (error) {
      clearInterval(heartbeat);
      if (error instanceof LostClaim || lost) return this.log.warn({ runId: run.id }, 'table job: another worker took the run over');
      this.log.error({ err: error, runId: run.id }, 'table job failed');
      outcome = {
        status: 'failed',
        code: ErrorCode.Internal,
        message: (error as Error).message?.slice(0, 1000) || 'failed on the server',
        retry: true,
      };
    } finally {
      clearInterval(heartbeat);
    }
    await this.record(run, outcome).catch((err: unknown) =>
      this.log.error({ err, runId: run.id }, 'table job: recording the outcome failed'),
    );
  }

  /** Records how a run ended; a failure that may pass is queued again after a backoff. */
  private async record(run: ClaimedRun, outcome: RunOutcome): Promise<void> {
    const token = run.claim_token;
    if (outcome.status === 'done') {
      await repo.finish(this.db, run.id, token, { status: 'done', phase: null, error_code: null, error_message: null });
      return;
    }
    if (outcome.status === 'drift') {
      // Nothing is overwritten: the job stops until its owner updates the baseline or the source is put back.
      await this.db.transaction().execute(async (trx) => {
        await repo.finish(trx, run.id, token, {
          status: 'drift',
          error_code: ErrorCode.SchemaDrift,
          error_message: outcome.message,
          drift: JSON.stringify(outcome.drift),
        });
        await trx
          .updateTable('exchange_job')
          .set({ status: 'drift', drift: JSON.stringify(outcome.drift), version: sql`version + 1`, updated_at: sql`now()` })
          .where('id', '=', run.job_id)
          .execute();
        await appendAudit(trx, systemActor('table-jobs'), {
          action: 'exchange.job.drift',
          targetType: 'exchange_job',
          targetId: run.job_id,
          details: { runId: run.id, drift: outcome.drift },
        });
      });
      this.log.warn({ runId: run.id, drift: outcome.drift }, 'table job stopped: the source schema changed');
      return;
    }
    if (outcome.retry && run.attempts < this.maxAttempts) {
      const at = new Date(Date.now() + retryDelayMs(run.attempts, this.retryBaseMs));
      await repo.finish(this.db, run.id, token, {
        status: 'queued',
        error_code: outcome.code,
        error_message: outcome.message,
        next_attempt_at: at,
      });
      this.log.warn({ runId: run.id, code: outcome.code, retryAt: at }, 'table job run failed; it will be retried');
      return;
    }
    await repo.finish(this.db, run.id, token, { status: 'failed', error_code: outcome.code, error_message: outcome.message });
  }
}
