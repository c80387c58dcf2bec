import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CatalogItemInput } from '@shuyuan/contracts';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app';
import { openPostgres, type Database } from '../../apps/server/src/db/database';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import { loadDemo } from '../../apps/server/src/demo/demo';
import { syncBuiltinRoles } from '../../apps/server/src/modules/identity';
import { DEMO_PASSWORD } from '../../apps/server/src/modules/identity/identity.demo';
import { DEMO_CONSUMER } from '../../apps/server/src/modules/exchange/exchange.demo';
import { SealedBox } from '../../apps/server/src/platform/crypto/provider';
import { client, type Client } from '../../apps/server/test/client';
import { loginAs } from '../../apps/server/test/factories';

/** The PostgreSQL server the table-exchange benchmarks use for the platform, the sources and the targets. */
export const postgresServerUrl = () => process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** The MariaDB server and database of exchange.mariadb_import's source table. */
export const mariadbUrl = () => process.env.BENCH_MARIADB_URL || 'mysql://root@127.0.0.1:3306/test';

/** The same server URL with another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh name for this run's databases: shuyuan_bench_<hex>. */
export const benchDatabaseName = () => `shuyuan_bench_${randomBytes(4).toString('hex')}`;

const hidePassword = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');

/** Runs one statement on its own connection; the rows. */
export async function pgQuery(url: string, text: string, values: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}

/** Throws a message that says what to do when the PostgreSQL server does not answer. */
export async function requirePostgres(url: string): Promise<void> {
  try {
    await pgQuery(url, 'select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL at ${hidePassword(url)} is unreachable (${(error as Error).message}): start it, or set BENCH_POSTGRES_URL to a server URL`,
    );
  }
}

/** MariaDB connection settings from a mysql:// URL. */
export function mariadbSettings(url: string) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username) || 'root',
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || 'test',
  };
}

/** One connection to MariaDB, or an error that says what to do. */
export async function connectMariadb(url: string): Promise<mysql.Connection> {
  const s = mariadbSettings(url);
  try {
    return await mysql.createConnection({ ...s, connectTimeout: 5_000, multipleStatements: false });
  } catch (error) {
    throw new Error(
      `MariaDB at ${hidePassword(url)} is unreachable (${(error as Error).message}): start it, or set BENCH_MARIADB_URL to a server URL`,
    );
  }
}

/** Runs `command` through `bash -c` (pipefail on) and resolves with its wall time in seconds; rejects with its output when it fails. */
export function timeShell(command: string, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn('bash', ['-c', `set -eo pipefail; ${command}`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-4_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      if (code === 0) resolve(seconds);
      else reject(new Error(`\`${command}\` exited with ${code}:\n${output}`));
    });
  });
}

/** A shell word in single quotes. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A published demo entry shared as a table (库表), with the items its columns are named after. */
export interface TableEntry {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  items: CatalogItemInput[];
}

/** The platform on a fresh PostgreSQL database in this process: migrated, demo loaded, app built, admin logged in. */
export interface Platform {
  database: Database;
  app: FastifyInstance;
  /** The demo administrator's session, through Fastify inject. */
  api: Client;
  /** The demo consumer application's department: the grantee of distributions. */
  consumerDepartmentId: string;
  /** The first published table entry (by code) whose items' English names include `names`, the first of them its key. */
  entryWith(names: readonly string[]): Promise<TableEntry>;
  close(): Promise<void>;
}

/**
 * Opens the platform on database `url` (which must exist): migrations, built-in roles and the demo data
 * (published entries shared as tables, departments, the demo consumer), then the app with its table-job
 * worker running (a heartbeat every 100 ms, so the run's phase can be followed) and the admin logged in.
 */
export async function openPlatform(url: string): Promise<Platform> {
  const database = openPostgres(url, 10, () => {});
  const dataDir = await mkdtemp(join(tmpdir(), 'shuyuan-bench-tables-'));
  let app: FastifyInstance | undefined;
  try {
    const masterKey = randomBytes(32);
    await migrateToLatest(database.db);
    await syncBuiltinRoles(database.db);
    await loadDemo(database.db, { box: new SealedBox(masterKey), dataDir });
    ({ app } = await buildApp({
      database,
      masterKey,
      logger: false,
      callLogDir: join(dataDir, 'calls'),
      jobWorker: { heartbeatMs: 100, pollMs: 1_000 },
    }));
    await app.ready();
    const api = client(app, await loginAs(app, 'admin', DEMO_PASSWORD));
    const consumer = await database.db
      .selectFrom('client_app')
      .select('department_id')
      .where('app_key', '=', DEMO_CONSUMER.key)
      .executeTakeFirstOrThrow();
    const opened = app;
    return {
      database,
      app: opened,
      api,
      consumerDepartmentId: consumer.department_id,
      async entryWith(names) {
        const rows = await database.db
          .selectFrom('catalog_entry')
          .select(['id', 'code', 'name', 'department_id', 'content'])
          .where('status', '=', 'published')
          .where('origin_node_id', 'is', null)
          .where((eb) => eb(eb.val('table'), '=', eb.fn.any('sharing_methods')))
          .orderBy('code')
          .execute();
        const found = rows.find((r) => {
          const items = r.content.items ?? [];
          const en = items.map((i) => (i.nameEn ?? '').toLowerCase());
          return en[0] === names[0] && names.every((n) => en.includes(n));
        });
        if (!found) throw new Error(`the demo catalog has no published table entry with items ${names.join(', ')}`);
        return { id: found.id, code: found.code, name: found.name, departmentId: found.department_id, items: found.content.items ?? [] };
      },
      async close() {
        await opened.close();
        await database.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/** Where a registered database source points. */
export interface SourceSettings {
  kind: 'postgresql' | 'mysql';
  host: string;
  port: number;
  database: string;
  user: string;
}

/** PostgreSQL source settings of a database URL (schema public; no password, as the local server is trusted). */
export function postgresSource(url: string): SourceSettings {
  const u = new URL(url);
  return {
    kind: 'postgresql',
    host: u.hostname,
    port: Number(u.port || 5432),
    database: decodeURIComponent(u.pathname.slice(1)),
    user: decodeURIComponent(u.username) || 'postgres',
  };
}

/**
 * Registers a department's database as a data source, and for a provider an approved table mount of
 * `table` on the entry, directly in the database as the live tests do (no credentials: local servers).
 */
export async function registerSource(
  platform: Platform,
  departmentId: string,
  source: SourceSettings,
  mount?: { entryId: string; table: string },
): Promise<{ sourceId: string; mountId: string | null }> {
  const db = platform.database.db;
  const { kind, ...settings } = source;
  const row = await db
    .insertInto('data_source')
    .values({
      department_id: departmentId,
      name: `bench-${kind}-${randomBytes(3).toString('hex')}`,
      kind,
      settings: JSON.stringify({ ...settings, schema: kind === 'postgresql' ? 'public' : null }),
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
  const m = await db
    .insertInto('catalog_mount')
    .values({
      entry_id: mount.entryId,
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

/** POSTs a body and returns the JSON answer, or throws with the status and body. */
export async function postJson<T>(api: Client, url: string, body: unknown, status = 201): Promise<T> {
  const res = await api.post(url, body);
  if (res.statusCode !== status) throw new Error(`POST ${url}: ${res.statusCode} ${res.body.slice(0, 1000)}`);
  return res.json() as T;
}

/** A finished run as GET /runs shows it, the wall time from POST …/run to 'done', and seconds spent in each phase. */
export interface TimedRun {
  seconds: number;
  /** Seconds seen in each phase ('schema', 'copy', 'deletes'), as the run's heartbeat reported it (±0.1 s). */
  phases: Record<string, number>;
  run: { status: string; rowsRead: number; rowsWritten: number; rowsDeleted: number; batches: number; durationMs: number | null };
}

const POLL_MS = 20;

/** Queues a run of a job by POST …/run and polls it every 20 ms until it ends; throws unless it ended 'done'. */
export async function timeRun(platform: Platform, jobId: string): Promise<TimedRun> {
  const db = platform.database.db;
  const start = performance.now();
  const { id } = await postJson<{ id: string }>(platform.api, `/api/v1/exchange/jobs/${jobId}/run`, undefined, 202);
  const phases: Record<string, number> = {};
  let phase: string | null = null;
  let since = start;
  for (;;) {
    const row = await db.selectFrom('exchange_run').select(['status', 'phase']).where('id', '=', id).executeTakeFirstOrThrow();
    const now = performance.now();
    const seen = row.status === 'running' ? (row.phase ?? 'schema') : row.status === 'queued' ? 'queued' : null;
    if (seen !== phase) {
      if (phase) phases[phase] = (phases[phase] ?? 0) + (now - since) / 1000;
      phase = seen;
      since = now;
    }
    if (row.status !== 'queued' && row.status !== 'running') break;
    await sleep(POLL_MS);
  }
  const seconds = (performance.now() - start) / 1000;
  const res = await platform.api.get(`/api/v1/exchange/jobs/${jobId}/runs`);
  const run = (
    res.json() as { items: (TimedRun['run'] & { id: string; errorCode: string | null; errorMessage: string | null })[] }
  ).items.find((r) => r.id === id);
  if (!run || run.status !== 'done')
    throw new Error(
      `run ${id} of job ${jobId} ended ${run?.status}: ${run?.errorCode ?? ''} ${run?.errorMessage ?? res.body.slice(0, 500)}`,
    );
  return { seconds, phases, run };
}

/** Removes jobs (their runs go with them) and their store table, so the next repetition starts from nothing. */
export async function dropJobs(platform: Platform, jobIds: readonly string[], storeTable: string | null): Promise<void> {
  const db = platform.database.db;
  if (jobIds.length)
    await db
      .deleteFrom('exchange_job')
      .where('id', 'in', [...jobIds])
      .execute();
  if (storeTable) await sql.raw(`drop table if exists ${storeTable}`).execute(db);
}

/** Rounds seconds to milliseconds for `details`. */
export const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;
