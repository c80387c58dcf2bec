import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadDemo } from '../../demo/demo';
import { openPglite, type Database } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { SealedBox } from '../../platform/crypto/provider';
import { syncBuiltinRoles } from '../identity';
import { liveServices, mariadbUnavailable, postgresUnavailable } from '../sources/testing/live-services';
import { buildTestApp } from '../../../test/factories';
import type { AppServices } from '../../app';
import { DEMO_SCHEMA } from './exchange.demo-tables';

const pgSkipped = await postgresUnavailable();
const mariaSkipped = await mariadbUnavailable();

/**
 * The demo with local servers configured (SHUYUAN_DEMO_POSTGRES_URL, SHUYUAN_DEMO_MARIADB_URL): source tables
 * there, aggregations into the store the gateway serves and a distribution to 人社厅, whose first runs complete.
 */
describe.skipIf(!!pgSkipped || !!mariaSkipped)('the table-exchange demo on local servers', () => {
  let database: Database;
  let services: AppServices;
  let close: () => Promise<void>;
  let dataDir: string;
  let live: pg.Client;
  let counts: Record<string, number>;

  beforeAll(async () => {
    process.env.SHUYUAN_DEMO_POSTGRES_URL = liveServices.postgresUrl;
    process.env.SHUYUAN_DEMO_MARIADB_URL = liveServices.mariadbUrl;
    database = await openPglite(null);
    await migrateToLatest(database.db);
    await syncBuiltinRoles(database.db);
    dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-demo-tables-'));
    try {
      counts = await loadDemo(database.db, { box: new SealedBox(Buffer.alloc(32, 7)), dataDir });
    } finally {
      delete process.env.SHUYUAN_DEMO_POSTGRES_URL;
      delete process.env.SHUYUAN_DEMO_MARIADB_URL;
    }
    const built = await buildTestApp(database);
    services = built.services;
    close = () => built.app.close();
    live = new pg.Client({ connectionString: liveServices.postgresUrl });
    await live.connect();
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await database?.close();
    await live?.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('queues a first run of every demo job, and the runs leave the consumer with the granted population', async () => {
    expect(counts.tableJobs).toBe(3);
    await database.db
      .updateTable('exchange_run')
      .set({ next_attempt_at: new Date(Date.now() - 1000) })
      .where('status', '=', 'queued')
      .execute();
    while (await services.jobWorker.runOnce());
    const runs = await database.db
      .selectFrom('exchange_run as r')
      .innerJoin('exchange_job as j', 'j.id', 'r.job_id')
      .select(['j.kind', 'r.status', 'r.rows_read', 'r.error_message'])
      .orderBy('j.kind')
      .execute();
    expect(runs.map((r) => [r.kind, r.status, r.error_message])).toEqual([
      ['aggregate', 'done', null],
      ['aggregate', 'done', null],
      ['distribute', 'done', null],
    ]);
    const consumer = await live.query(
      `select count(*)::int as n, count(*) filter (where name like '%*%')::int as masked from ${DEMO_SCHEMA}.population_rst`,
    );
    expect(consumer.rows[0].n).toBeGreaterThan(1_000);
    // The grant masks names for 人社厅; ID numbers arrive whole (they are the key).
    expect(consumer.rows[0].masked).toBe(consumer.rows[0].n);
  });
});
