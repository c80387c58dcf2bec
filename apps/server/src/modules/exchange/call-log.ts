import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import type { DB } from '../../db/schema';
import { prepareEntries, type EvidenceLog } from '../evidence';
import { exchangeRepository as repo } from './exchange.repository';

/** Calls per evidence append of a flush. */
const BATCH = 2_000;

/** One gateway call as logged (contracts §4): refused calls too. */
export interface CallRecord {
  id: string;
  calledAt: string;
  appId: string | null;
  appKey: string | null;
  consumerDepartmentId: string | null;
  grantId: string | null;
  apiId: string | null;
  providerDepartmentId: string | null;
  resourceCode: string | null;
  fields: string[];
  rowCount: number;
  requestDigest: string;
  responseDigest: string | null;
  status: number;
  code: string | null;
  latencyMs: number;
}

const FILE = /^calls-(\d+)-(\d+)-(\d+)\.wal$/;

const alive = (pid: number) => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The gateway's call log: each call is written to a write-ahead file before the answer leaves (one
 * write into the kernel, which outlives the process), then batched into PostgreSQL with its evidence
 * leaf by `flush`. A segment file is deleted once its calls are committed; at start, segments left by
 * a process that died are replayed (inserting a call twice is impossible: the gateway chose its id).
 */
export class CallLog {
  private fd: number | null = null;
  private segment = 0;
  /** `texts[i]` is `calls[i]` as its evidence entry (`callEntryText`): the line written ahead, the row inserted and the leaf, serialised once. */
  private current: { path: string; calls: CallRecord[]; texts: string[] } | null = null;
  /**
   * Segments closed for flushing, oldest first; they stay until committed. `maybeLogged`: some of its calls
   * may be in the log already (a segment replayed from a file, or one whose flush failed after a commit), so
   * its calls are looked up first; a segment of this process on its first flush skips that lookup.
   */
  private sealed: { path: string | null; calls: CallRecord[]; texts: string[]; maybeLogged: boolean }[] = [];
  private flushing: Promise<number> | null = null;
  private buffer: string[] = [];
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writeScheduled = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly started = Date.now();
  private lastPurge = Date.now();
  /** Calls by grant and day that are written but not yet committed: the quota counts them. */
  readonly pendingByGrant = new Map<string, number>();

  constructor(
    private readonly db: Kysely<DB>,
    private readonly evidence: EvidenceLog,
    private readonly dir: string,
    private readonly log?: FastifyBaseLogger,
    /** Fsync each write too (survives a power cut, not only a crash); off by default. */
    private readonly fsync = false,
  ) {
    mkdirSync(dir, { recursive: true });
  }

  /** Replays the segments of dead processes (and this one's earlier runs) into the database. */
  async recover(): Promise<number> {
    let replayed = 0;
    for (const name of readdirSync(this.dir).sort()) {
      const match = FILE.exec(name);
      if (!match || (Number(match[1]) === process.pid && Number(match[2]) === this.started) || alive(Number(match[1]))) continue;
      const path = join(this.dir, name);
      const calls = readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line) => {
          // The last line may be torn by the crash: it was never acknowledged.
          try {
            return line ? [JSON.parse(line) as CallRecord] : [];
          } catch {
            return [];
          }
        });
      // Lines of earlier versions were not in canonical order: each call is serialised again.
      this.sealed.push({ path, calls, texts: calls.map(callEntryText), maybeLogged: true });
      replayed += calls.length;
    }
    if (replayed > 0) await this.flush();
    return replayed;
  }

  /**
   * Writes a call ahead; resolves once the kernel holds it. The calls recorded in one turn of the event
   * loop share one write (and one fsync when on): send the answer only after this resolves.
   */
  record(call: CallRecord): Promise<void> {
    if (!this.current) {
      this.segment += 1;
      const path = join(this.dir, `calls-${process.pid}-${this.started}-${this.segment}.wal`);
      this.fd = openSync(path, 'a');
      this.current = { path, calls: [], texts: [] };
    }
    const text = callEntryText(call);
    this.buffer.push(`${text}\n`);
    this.current.calls.push(call);
    this.current.texts.push(text);
    if (call.grantId && call.status < 400) this.pendingByGrant.set(call.grantId, (this.pendingByGrant.get(call.grantId) ?? 0) + 1);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.writeScheduled) {
        this.writeScheduled = true;
        setImmediate(() => this.writeOut());
      }
    });
  }

  /** Writes the buffered calls to the current segment in one system call and acknowledges them. */
  private writeOut(): void {
    this.writeScheduled = false;
    if (this.buffer.length === 0) return;
    const text = this.buffer.join('');
    const waiting = this.waiting;
    this.buffer = [];
    this.waiting = [];
    try {
      writeSync(this.fd!, text);
      if (this.fsync) fsyncSync(this.fd!);
      for (const w of waiting) w.resolve();
    } catch (error) {
      for (const w of waiting) w.reject(error);
    }
  }

  /** Commits every call written before it was asked; flushes run one at a time, in order. Returns how many were committed. */
  flush(): Promise<number> {
    const run = (this.flushing ?? Promise.resolve(0)).catch(() => 0).then(() => this.flushOnce());
    const tracked: Promise<number> = run.finally(() => {
      if (this.flushing === tracked) this.flushing = null;
    });
    // The caller gets the failure through `run`; this copy must not be an unhandled rejection (it would end the process).
    tracked.catch(() => {});
    this.flushing = tracked;
    return run;
  }

  private async flushOnce(): Promise<number> {
    this.writeOut();
    if (this.current) {
      closeSync(this.fd!);
      this.fd = null;
      this.sealed.push({ ...this.current, maybeLogged: false });
      this.current = null;
    }
    let committed = 0;
    while (this.sealed.length > 0) {
      const segment = this.sealed[0]!;
      try {
        // Each batch is hashed before it takes the tree's lock, while the one before it commits (two in flight; the
        // lock orders them). A retry after a failure waits for the lock too, so it sees what the other committed.
        let committing: Promise<number> | null = null;
        for (let i = 0; i < segment.calls.length; i += BATCH) {
          const calls = segment.calls.slice(i, i + BATCH);
          const prepared = await prepareEntries(segment.texts.slice(i, i + BATCH), (text) => ({ kind: 'api_call' as const, text }));
          const maybeLogged = segment.maybeLogged;
          const next = this.evidence
            .appendWithin(async (trx, size) => {
              let entries = prepared;
              if (maybeLogged) {
                const fresh = new Set((await repo.newCalls(trx, calls)).map((c) => c.id));
                entries = prepared.filter((_, k) => fresh.delete(calls[k]!.id));
              }
              await repo.insertCalls(
                trx,
                entries.map((e) => e.entry),
                size,
              );
              return entries;
            })
            .then(() => calls.length);
          next.catch(() => {}); // awaited below, or after the batch before it failed, dropped (the retry looks calls up)
          if (committing) committed += await committing;
          committing = next;
        }
        if (committing) committed += await committing;
      } catch (error) {
        // An earlier batch may be committed, or this one too with its answer lost: the retry looks calls up.
        segment.maybeLogged = true;
        throw error;
      }
      for (const call of segment.calls) {
        if (!call.grantId || call.status >= 400) continue;
        const left = (this.pendingByGrant.get(call.grantId) ?? 1) - 1;
        if (left > 0) this.pendingByGrant.set(call.grantId, left);
        else this.pendingByGrant.delete(call.grantId);
      }
      if (segment.path && existsSync(segment.path)) unlinkSync(segment.path);
      this.sealed.shift();
    }
    if (Date.now() - this.lastPurge > 60_000) {
      this.lastPurge = Date.now();
      await repo.purgeNonces(this.db);
    }
    return committed;
  }

  /** Flushes every 200 ms until stopped. */
  start(intervalMs = 200): void {
    this.timer ??= setInterval(() => {
      if (this.flushing) return;
      this.flush().catch((err: unknown) => this.log?.error({ err }, 'flushing the gateway call log failed; will retry'));
    }, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and commits what is written. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  /** Calls written and not yet committed (for tests and the status page). */
  get backlog(): number {
    return (this.current?.calls.length ?? 0) + this.sealed.reduce((n, s) => n + s.calls.length, 0);
  }
}

/**
 * The evidence leaf of a call as canonical JSON (contracts §4): the record with `kind`, keys in sorted
 * order, so that JSON.stringify gives what `canonicalJson` would, without sorting per call.
 */
export function callEntryText(c: CallRecord): string {
  return JSON.stringify({
    apiId: c.apiId,
    appId: c.appId,
    appKey: c.appKey,
    calledAt: c.calledAt,
    code: c.code,
    consumerDepartmentId: c.consumerDepartmentId,
    fields: c.fields,
    grantId: c.grantId,
    id: c.id,
    kind: 'api_call',
    latencyMs: c.latencyMs,
    providerDepartmentId: c.providerDepartmentId,
    requestDigest: c.requestDigest,
    resourceCode: c.resourceCode,
    responseDigest: c.responseDigest,
    rowCount: c.rowCount,
    status: c.status,
  });
}
