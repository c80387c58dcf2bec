import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { CatalogItemInput } from '@shuyuan/contracts';
import { openPglite, openPostgres } from '../../db/database';
import { liveServices, settingsFromUrl, postgresUnavailable } from '../sources/testing/live-services';
import { eventually, freePort, httpLogin, startServerProcess, type HttpSession, type ServerProcess } from '../../../test/processes';
import { columnsOf, createPgTable, pgRows, type Col } from '../../../test/table-fixtures';

const pgSkipped = await postgresUnavailable();

const ROOT = fileURLToPath(new URL('../../../../..', import.meta.url));
const ROWS = 60_000;
const PASSWORD = 'Shuyuan@2026';
const suffix = randomBytes(4).toString('hex');
// Short leases, so that a run whose server was killed is taken over within seconds of the restart.
const LEASE_ENV = { SHUYUAN_JOB_LEASE_SECONDS: '3', SHUYUAN_JOB_POLL_MS: '300' };

interface Run {
  status: string;
  rowsRead: number;
  rowsWritten: number;
  attempts: number;
  errorMessage: string | null;
}

/**
 * The crash test: the server is SIGKILLed in the middle of a table sync (aggregation, then
 * distribution) and restarted on the same data; the run is taken over after its lease, resumes after the last
 * batch it committed, and the tables end up equal to the source, no row twice, none lost. Once with the platform
 * on PGlite, once on the PostgreSQL server (where batches are written by COPY, two transactions at a time).
 */
describe.skipIf(!!pgSkipped).each(['pglite', 'postgres'] as const)('a table sync killed mid-run, the platform on %s', (engine) => {
  const SOURCE = `tk_src_${engine}_${suffix}`;
  const TARGET = `tk_out_${engine}_${suffix}`;
  const platformDatabase = `shuyuan_kill_${suffix}`;
  const platformUrl = (() => {
    const u = new URL(liveServices.postgresUrl);
    u.pathname = `/${platformDatabase}`;
    return u.toString();
  })();
  const ENV = { ...LEASE_ENV, ...(engine === 'postgres' ? { DATABASE_URL: platformUrl } : {}) };
  let live: pg.Client;
  let dataDir: string;
  let server: ServerProcess;
  let port: number;
  let admin: HttpSession;
  let cols: Col[];
  let entryId: string;
  let providerDepartmentId: string;
  let consumerDepartmentId: string;

  const start = async () => {
    server = await startServerProcess({ port, dataDir, demo: true, env: ENV });
    admin = await httpLogin(server.url, 'admin', PASSWORD);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-kill-'));
    port = await freePort();
    live = new pg.Client({ connectionString: liveServices.postgresUrl });
    await live.connect();
    if (engine === 'postgres') await live.query(`create database ${platformDatabase}`);
    await start();
    const found = await admin.get('/api/v1/catalog/entries?status=published&limit=100&facets=false&sort=name');
    const entry = (found.body.items as { id: string; sharingMethods: string[]; departmentId: string }[]).find((e) =>
      e.sharingMethods.includes('table'),
    )!;
    entryId = entry.id;
    providerDepartmentId = entry.departmentId;
    const detail = await admin.get(`/api/v1/catalog/entries/${entryId}`);
    cols = columnsOf(detail.body.content.items as CatalogItemInput[]);
    const departments = await admin.get('/api/v1/departments');
    consumerDepartmentId = (departments.body.items as { id: string; name: string }[]).find((d) => d.name === '江苏省市场监督管理局')!.id;
    await createPgTable(live, SOURCE, cols, ROWS);
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await live?.query(`drop table if exists ${SOURCE}`);
    await live?.query(`drop table if exists ${TARGET}`);
    if (engine === 'postgres') await live?.query(`drop database if exists ${platformDatabase} with (force)`);
    await live?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function registerSource(departmentId: string): Promise<string> {
    const { settings } = settingsFromUrl(liveServices.postgresUrl, 5432);
    const res = await admin.post('/api/v1/sources', {
      departmentId,
      name: `kill-test-${randomBytes(3).toString('hex')}`,
      kind: 'postgresql',
      connection: { host: settings.host, port: settings.port, database: settings.database, user: settings.user, schema: 'public' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  }

  /** Starts a run, SIGKILLs the server once it has committed some batches, restarts it and waits for the run to finish. */
  async function killMidRun(jobId: string): Promise<Run> {
    expect((await admin.post(`/api/v1/exchange/jobs/${jobId}/run`)).status).toBe(202);
    const latest = async () => ((await admin.get(`/api/v1/exchange/jobs/${jobId}/runs?limit=1`)).body.items as Run[])[0]!;
    const before = await eventually(
      'a few committed batches',
      async () => {
        const run = await latest();
        expect(run.status).not.toBe('failed');
        return run.rowsRead >= 5_000 ? run : undefined;
      },
      60_000,
    );
    expect(before.status).toBe('running');
    await server.kill();
    await start();
    return eventually(
      'the run taken over and finished',
      async () => {
        const run = await latest();
        if (run.status === 'failed') throw new Error(`the run failed: ${run.errorMessage}`);
        return run.status === 'done' ? run : undefined;
      },
      120_000,
    );
  }

  it('aggregates into the store after a kill, every row once', async () => {
    const sourceId = await registerSource(providerDepartmentId);
    const mount = await admin.post(`/api/v1/catalog/entries/${entryId}/mounts`, { sourceId, resourceName: `public.${SOURCE}` });
    expect(mount.status, JSON.stringify(mount.body)).toBe(201);
    const reviewer = await httpLogin(server.url, 'reviewer', PASSWORD);
    const approved = await reviewer.post(`/api/v1/catalog/mounts/${mount.body.id}/review`, {
      decision: 'approve',
      version: mount.body.version,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const job = await admin.post('/api/v1/exchange/jobs', {
      kind: 'aggregate',
      mountId: mount.body.id,
      keyColumn: cols[0]!.name,
      batchSize: 500,
    });
    expect(job.status, JSON.stringify(job.body)).toBe(201);

    const run = await killMidRun(job.body.id);
    // The counters move with each committed batch: a batch redone after the kill would count twice.
    expect(run).toMatchObject({ status: 'done', rowsRead: ROWS, rowsWritten: ROWS });
    expect(run.attempts).toBeGreaterThanOrEqual(2);
  }, 300_000);

  it("distributes into the consumer's table after a kill: it equals the source", async () => {
    const grant = await admin.post('/api/v1/exchange/grants', {
      entryId,
      consumerDepartmentId,
      method: 'table',
      fields: cols.map((c) => c.name),
      // Every field as it is, so that the consumer's table can be compared with the source row by row.
      masks: Object.fromEntries(cols.map((c) => [c.name, 'none'])),
      purpose: '进程被终止后续传的测试',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(201);
    const targetSourceId = await registerSource(consumerDepartmentId);
    const job = await admin.post('/api/v1/exchange/jobs', {
      kind: 'distribute',
      grantId: grant.body.id,
      targetSourceId,
      targetTable: TARGET,
      batchSize: 500,
    });
    expect(job.status, JSON.stringify(job.body)).toBe(201);

    const run = await killMidRun(job.body.id);
    expect(run).toMatchObject({ status: 'done', rowsRead: ROWS });
    expect(run.attempts).toBeGreaterThanOrEqual(2);
    expect(await pgRows(live, TARGET, cols)).toEqual(await pgRows(live, SOURCE, cols));
  }, 300_000);

  it('left the store equal to the source; the command line runs a job and lists it', async () => {
    await server.stop();
    const env = { ...process.env, SHUYUAN_DATA_DIR: dataDir, DATABASE_URL: ENV.DATABASE_URL ?? '', LOG_LEVEL: 'warn' };
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'apps/server/bin/shuyuan.js'), ...args], { env, encoding: 'utf8' });
    const listed = cli('job', 'list', '--kind', 'aggregate');
    expect(listed.status, listed.stderr).toBe(0);
    const [job] = listed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; lastRun: { status: string } });
    expect(job!.lastRun.status).toBe('done');
    const ran = cli('job', 'run', job!.id);
    expect(ran.status, ran.stderr).toBe(0);
    // Nothing changed in the source since: the run reads every row and writes none.
    expect(JSON.parse(ran.stdout.trim())).toMatchObject({ status: 'done', rowsRead: ROWS, rowsWritten: 0, rowsDeleted: 0 });
    const database = engine === 'postgres' ? openPostgres(platformUrl, 2, () => {}) : await openPglite(join(dataDir, 'pgdata'));
    try {
      const job = await database.db
        .selectFrom('exchange_job')
        .select(['store_schema', 'store_table'])
        .where('kind', '=', 'aggregate')
        .executeTakeFirstOrThrow();
      expect(await pgRows(database.db, `${job.store_schema}.${job.store_table}`, cols)).toEqual(await pgRows(live, SOURCE, cols));
    } finally {
      await database.close();
    }
  }, 120_000);
});
