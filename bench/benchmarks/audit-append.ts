import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../apps/server/src/db/database';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import { EvidenceLog } from '../../apps/server/src/modules/evidence';
import { SealedBox } from '../../apps/server/src/platform/crypto/provider';
import { canonicalJson } from '../../apps/server/src/platform/evidence/evidence-log';
import { median } from '../lib/stats';
import type { Benchmark } from '../lib/types';

/** Entries per append: what the gateway's call log hands over from its write-ahead file at a time. */
const BATCH = 5_000;
/** Rows per INSERT of the baseline, as a hand-written batch logger would write them. */
const BASELINE_BATCH = 1_000;
const ENTRIES = { small: 100_000, full: 500_000 } as const;

/** Gateway call records as the evidence log receives them (about 300 bytes each). */
function calls(n: number, offset: number) {
  return Array.from({ length: n }, (_, i) => ({
    kind: 'api_call' as const,
    entry: {
      app: `app-${(offset + i) % 37}`,
      grant: `00000000-0000-4000-8000-${String((offset + i) % 91).padStart(12, '0')}`,
      resource: `3201${String((offset + i) % 500).padStart(4, '0')}/000001`,
      fields: ['xm', 'sfzh', 'csrq'],
      rows: (offset + i) % 20,
      status: 200,
      code: null,
      latencyMs: 3 + ((offset + i) % 40),
      requestDigest: randomBytes(32).toString('hex'),
      responseDigest: randomBytes(32).toString('hex'),
      at: new Date(1_764_000_000_000 + offset + i).toISOString(),
    },
  }));
}

/** Entries per second of the Merkle log and of plain batched INSERTs on one database, median of alternated runs. */
async function measure(database: Database, total: number, runs: number, log: (message: string) => void) {
  const db = database.db;
  await migrateToLatest(db);
  await sql`create table bench_plain_log (id bigint generated always as identity primary key, kind text not null, entry text not null, at timestamptz not null default now())`.execute(
    db,
  );
  const evidence = new EvidenceLog(db, new SealedBox(randomBytes(32)), database.pool);
  await evidence.signingKey();
  const platform: number[] = [];
  const baseline: number[] = [];
  for (let run = 1; run <= runs; run++) {
    const entries = calls(total, run * total);
    // Baseline: the same entries, serialised the same way, into an unhashed table.
    const rows = entries.map((e) => ({ kind: e.kind, entry: canonicalJson({ kind: e.kind, ...e.entry }) }));
    const plainStart = performance.now();
    for (let i = 0; i < rows.length; i += BASELINE_BATCH)
      await db
        .insertInto('bench_plain_log' as never)
        .values(rows.slice(i, i + BASELINE_BATCH) as never)
        .execute();
    baseline.push(total / ((performance.now() - plainStart) / 1000));

    const start = performance.now();
    // As the call log hands batches over: the next one while the last commits (it is hashed in between).
    let committing: Promise<number> | null = null;
    for (let i = 0; i < entries.length; i += BATCH) {
      const next = evidence.append(entries.slice(i, i + BATCH));
      next.catch(() => {}); // awaited below
      if (committing) await committing;
      committing = next;
    }
    await committing;
    await evidence.checkpoint();
    platform.push(total / ((performance.now() - start) / 1000));
    log(
      `${database.engine} run ${run}/${runs}: Merkle log ${Math.round(platform.at(-1)!)} entries/s (batches of ${BATCH}, checkpoint signed); plain INSERTs ${Math.round(baseline.at(-1)!)} entries/s`,
    );
  }
  const size = (await evidence.status()).treeSize;
  if (size !== total * runs) throw new Error(`the tree holds ${size} entries, not ${total * runs}`);
  return { platform: Math.round(median(platform)), baseline: Math.round(median(baseline)) };
}

/**
 * audit.append: entries per second appended to the evidence log's Merkle tree (canonical JSON, SM3 leaf
 * and node hashes, leaves and complete subtrees written, the tree row moved on, a checkpoint signed with
 * SM2 after each run) in batches of 5,000, the next handed over while the last commits, against batched plain INSERTs of the same rows into an
 * unhashed table, on the real local PostgreSQL (BENCH_POSTGRES_URL or TEST_DATABASE_URL); on PGlite
 * when neither is set (the engine is in the details).
 */
export const auditAppend: Benchmark = {
  name: 'audit.append',
  metric: 'entries/s',
  goal: {
    op: '>=',
    value: 0.5,
    of: 'ratio',
    text: 'at least 50% of batched plain INSERTs and at least 20,000 entries/s',
    and: { op: '>=', value: 20_000, of: 'value' },
  },
  async run(ctx) {
    const total = ENTRIES[ctx.scale];
    const runs = ctx.scale === 'full' ? 3 : 2;
    const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      const name = `shuyuan_bench_${randomBytes(4).toString('hex')}`;
      await adminQuery(serverUrl, `create database ${name}`);
      const target = new URL(serverUrl);
      target.pathname = `/${name}`;
      const database = openPostgres(target.toString(), 5, () => {});
      try {
        const figures = await measure(database, total, runs, ctx.log);
        return {
          value: figures.platform,
          baseline: { name: `multi-row INSERTs of ${BASELINE_BATCH} into an unhashed table, same database`, value: figures.baseline },
          details: { engine: 'postgres', entriesPerRun: total, batch: BATCH },
        };
      } finally {
        await database.close();
        await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      }
    }
    const dir = await mkdtemp(join(tmpdir(), 'shuyuan-bench-audit-'));
    const database = await openPglite(join(dir, 'pgdata'));
    try {
      const figures = await measure(database, total, runs, ctx.log);
      return {
        value: figures.platform,
        baseline: { name: `multi-row INSERTs of ${BASELINE_BATCH} into an unhashed table, same database`, value: figures.baseline },
        details: { engine: 'pglite', entriesPerRun: total, batch: BATCH },
      };
    } finally {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
