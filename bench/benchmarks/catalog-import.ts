import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CatalogEntryContent } from '@shuyuan/contracts';
import pg from 'pg';
import { buildApp } from '../../apps/server/src/app';
import { openPglite, openPostgres, type Database } from '../../apps/server/src/db/database';
import { migrateToLatest } from '../../apps/server/src/db/migrate';
import { derivedColumns } from '../../apps/server/src/modules/catalog';
import { syncBuiltinRoles } from '../../apps/server/src/modules/identity';
import { entryContent } from '../../apps/server/test/catalog-fixtures';
import { asExport, templateWith } from '../../apps/server/test/catalog-workbooks';
import { buildDepartment, buildUser } from '../../apps/server/test/factories';
import { findFreePort } from '../lib/port';
import { median } from '../lib/stats';
import type { Benchmark } from '../lib/types';

const ENTRIES = 10_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows per INSERT of the baseline, as a hand-written loader would batch them. */
const BASELINE_BATCH = 1_000;

const DOMAINS = ['public_security', 'civil_affairs', 'human_resources', 'health', 'market_regulation', 'education'] as const;
const ITEM_NAMES = [
  '统一社会信用代码',
  '企业名称',
  '法定代表人',
  '登记机关',
  '成立日期',
  '注册资本',
  '经营范围',
  '住所',
  '联系电话',
  '核准日期',
];

/** Entries as departments compile them: varied domains, classification, sharing and items from a common vocabulary. */
function contents(prefix: string): CatalogEntryContent[] {
  return Array.from({ length: ENTRIES }, (_, i) =>
    entryContent({
      name: `${prefix}${['企业登记', '社保缴费', '医疗机构', '学籍', '婚姻登记'][i % 5]}信息${i}`,
      summary: `第${i}号资源：全省范围内按日汇总的业务办理记录，用于政务服务事项办理中的核验与统计分析。`,
      domain: DOMAINS[i % DOMAINS.length]!,
      classItem: String((i % 9) + 1).padStart(2, '0'),
      classTopic: String((i % 37) + 1).padStart(3, '0'),
      items: Array.from({ length: 4 + (i % 4) }, (_, j) => ({
        name: ITEM_NAMES[(i + j) % ITEM_NAMES.length]!,
        dataType: 'char' as const,
        length: 100,
        primaryKey: j === 0,
        timestamp: false,
        sensitive: j % 3 === 0,
      })),
    }),
  );
}

/** Entries per second of the import and of the baseline on one database, median of `runs` alternated runs. */
async function measure(database: Database, runs: number, log: (message: string) => void) {
  const db = database.db;
  await migrateToLatest(db);
  await syncBuiltinRoles(db);
  const previousWorker = process.env.SHUYUAN_IMPORT_WORKER;
  process.env.SHUYUAN_IMPORT_WORKER = '0';
  const { app } = await buildApp({ database, masterKey: randomBytes(32), logger: false });
  if (previousWorker === undefined) delete process.env.SHUYUAN_IMPORT_WORKER;
  else process.env.SHUYUAN_IMPORT_WORKER = previousWorker;
  try {
    const department = await buildDepartment(db, { name: `省市场监督管理局${randomBytes(2).toString('hex')}` });
    const officer = await buildUser(db, { roles: ['data_officer'], departmentId: department.id });
    const port = await findFreePort();
    await app.listen({ port, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${port}`;
    const headers = await login(url, officer.login, officer.password);
    const platform: number[] = [];
    const baseline: number[] = [];
    let fileBytes = 0;
    let items = 0;
    for (let run = 1; run <= runs; run++) {
      const rows = contents(`基线${run}-`).map((c, i) => ({
        ...derivedColumns(c, department.name),
        code: `3${String(run).padStart(2, '0')}999/${String(i).padStart(6, '0')}`,
        department_id: department.id,
        status: 'draft' as const,
        content: JSON.stringify(c),
        pending: null,
        created_by: officer.id,
      }));
      const insertStart = performance.now();
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += BASELINE_BATCH)
          await trx
            .insertInto('catalog_entry')
            .values(rows.slice(i, i + BASELINE_BATCH))
            .execute();
      });
      baseline.push(ENTRIES / ((performance.now() - insertStart) / 1000));

      const entries = contents(`导入${run}-`);
      items = entries.reduce((n, c) => n + c.items.length, 0);
      const file = await templateWith(asExport(entries));
      fileBytes = file.length;
      const form = new FormData();
      form.append('file', new Blob([file], { type: XLSX }), 'catalog.xlsx');
      const importStart = performance.now();
      const res = await fetch(`${url}/api/v1/catalog/import`, { method: 'POST', headers, body: form });
      const seconds = (performance.now() - importStart) / 1000;
      const body = (await res.json()) as { count?: number };
      if (res.status !== 201 || body.count !== ENTRIES)
        throw new Error(`import failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
      platform.push(ENTRIES / seconds);
      log(
        `${database.engine} run ${run}/${runs}: import ${Math.round(platform.at(-1)!)} entries/s (${seconds.toFixed(2)} s for ${(fileBytes / 1e6).toFixed(1)} MB, ` +
          `${items} items); plain INSERTs ${Math.round(baseline.at(-1)!)} entries/s`,
      );
    }
    return { platform: Math.round(median(platform)), baseline: Math.round(median(baseline)), fileBytes, items };
  } finally {
    await app.close();
  }
}

/**
 * catalog.import: entries per second importing a 10,000-entry compilation template through
 * POST /api/v1/catalog/import (upload, streaming read, every check, one transaction of bulk inserts),
 * the app listening on a port in this process over a fresh PGlite data directory. Baseline: the same
 * number of entries written straight into catalog_entry on the same database by multi-row INSERTs of
 * 1,000 rows (derived columns computed beforehand, not timed), alternated run by run. With
 * BENCH_POSTGRES_URL (or TEST_DATABASE_URL) set, the same is measured on a fresh PostgreSQL database
 * and reported in the details.
 */
export const catalogImport: Benchmark = {
  name: 'catalog.import',
  metric: 'entries/s',
  goal: { op: '>=', value: 2_000, of: 'value', text: 'a 10,000-entry template imports at 2,000 entries/s or more through the API' },
  async run(ctx) {
    const runs = ctx.scale === 'full' ? 3 : 2;
    const dir = await mkdtemp(join(tmpdir(), 'shuyuan-bench-import-'));
    const details: Record<string, string | number> = { entries: ENTRIES };
    let pglite: Awaited<ReturnType<typeof measure>>;
    try {
      const database = await openPglite(join(dir, 'pgdata'));
      try {
        pglite = await measure(database, runs, ctx.log);
        Object.assign(details, { items: pglite.items, fileBytes: pglite.fileBytes });
      } finally {
        await database.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL;
    if (serverUrl) {
      const name = `shuyuan_bench_${randomBytes(4).toString('hex')}`;
      await adminQuery(serverUrl, `create database ${name}`);
      const target = new URL(serverUrl);
      target.pathname = `/${name}`;
      const database = openPostgres(target.toString(), 5, () => {});
      try {
        const postgres = await measure(database, runs, ctx.log);
        Object.assign(details, { postgresEntriesPerSecond: postgres.platform, postgresBaselinePerSecond: postgres.baseline });
      } finally {
        await database.close();
        await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
      }
    }
    return {
      value: pglite.platform,
      baseline: { name: `multi-row INSERTs of ${BASELINE_BATCH} into catalog_entry, same database`, value: pglite.baseline },
      details,
    };
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

// Logs in and returns the headers of a cookie session with its CSRF token.
async function login(url: string, login: string, password: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('sy_csrf='))!.slice('sy_csrf='.length);
  return { cookie: cookies.join('; '), 'x-csrf-token': csrf };
}
