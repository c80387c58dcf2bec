import mysql from 'mysql2/promise';
import pg from 'pg';
import type { DemoContext } from '../../demo/demo';
import { connectorFor, type ColumnInfo } from '../sources';
import { settingsFromUrl, type DatabaseSettings } from '../sources/sources.settings';
import type { JobColumn } from '../../db/schema';

/** Where the demo puts its source tables in a configured PostgreSQL: a schema of its own. */
export const DEMO_SCHEMA = 'shuyuan_demo';

/** The local servers the demo may put source tables in (`SHUYUAN_DEMO_POSTGRES_URL`, `SHUYUAN_DEMO_MARIADB_URL`). */
export function demoSourceUrls(env: NodeJS.ProcessEnv = process.env) {
  return { postgres: env.SHUYUAN_DEMO_POSTGRES_URL || null, mariadb: env.SHUYUAN_DEMO_MARIADB_URL || null };
}

/** Connection settings from a URL, with the schema the demo introspects. */
function settingsOf(url: string, defaultPort: number, schema: string | null): { settings: DatabaseSettings; password: string | null } {
  const { settings, password } = settingsFromUrl(url, defaultPort);
  return { settings: { ...settings, schema }, password };
}

/** A store table's rows as the demo wrote them, to copy into a source. */
export interface DemoTable {
  /** `schema.table` in the store. */
  store: string;
  key: string;
  columns: { name: string; pg: string; my: string }[];
  rows: unknown[][];
}

const asJobColumns = (columns: ColumnInfo[], names: readonly string[]): JobColumn[] =>
  names.map((n) => {
    const c = columns.find((x) => x.name === n)!;
    return { name: c.name, type: c.normalizedType, dataType: c.dataType };
  });

/**
 * The table-exchange demo, when local servers are configured: the demo's population table as a source in
 * PostgreSQL and its enterprises in MariaDB, each aggregated (归集) into the store table the gateway serves,
 * and the population distributed (分发) to 人社厅's own PostgreSQL by a table grant. Each job has a first run
 * queued, which the server's worker runs once it starts. Returns how many jobs it made.
 */
export async function loadDemoTables(
  ctx: DemoContext,
  tables: { population: DemoTable; enterprise: DemoTable },
  entries: { population: { id: string }; enterprise: { id: string } },
  urls = demoSourceUrls(),
): Promise<number> {
  let jobs = 0;
  if (urls.postgres) {
    const { settings, password } = settingsOf(urls.postgres, 5432, DEMO_SCHEMA);
    const client = new pg.Client({
      host: settings.host,
      port: settings.port,
      database: settings.database,
      user: settings.user,
      password: password ?? '',
    });
    await client.connect();
    try {
      const t = tables.population;
      await client.query(`create schema if not exists ${DEMO_SCHEMA}`);
      await client.query(`drop table if exists ${DEMO_SCHEMA}.population_src, ${DEMO_SCHEMA}.population_rst`);
      await client.query(
        `create table ${DEMO_SCHEMA}.population_src (${t.columns.map((c) => `${c.name} ${c.pg}${c.name === t.key ? ' primary key' : ''}`).join(', ')})`,
      );
      for (let i = 0; i < t.rows.length; i += 500) {
        const chunk = t.rows.slice(i, i + 500);
        const params: unknown[] = [];
        const tuples = chunk.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
        await client.query(
          `insert into ${DEMO_SCHEMA}.population_src (${t.columns.map((c) => c.name).join(', ')}) values ${tuples.join(', ')}`,
          params,
        );
      }
    } finally {
      await client.end();
    }
    const sourceId = await demoSource(ctx, 'gat', 'postgresql', '公安厅人口库（演示）', settings, password);
    const columns = await connectorFor({ kind: 'postgresql', settings, password }).columns({ schema: DEMO_SCHEMA, name: 'population_src' });
    if (!columns) throw new Error('the demo population source table is missing');
    await aggregation(
      ctx,
      'gat',
      entries.population.id,
      sourceId,
      `${DEMO_SCHEMA}.population_src`,
      tables.population,
      asJobColumns(
        columns,
        tables.population.columns.map((c) => c.name),
      ),
    );
    jobs += 1;
    // 人社厅 takes a table grant of the population into its own database (the same server here).
    const fields = ['id_number', 'name', 'gender', 'birth_date', 'marital_status'];
    const grant = await ctx.trx
      .insertInto('exchange_grant')
      .values({
        entry_id: entries.population.id,
        consumer_department_id: ctx.ids.get('department:rst')!,
        app_id: null,
        method: 'table',
        fields,
        row_filter: '[]',
        masks: JSON.stringify({ id_number: 'none', name: 'name' }),
        purpose: '社保参保登记批量比对户籍人口（库表分发演示）',
        valid_from: new Date(Date.UTC(2026, 0, 1)),
        valid_to: new Date(Date.UTC(2028, 0, 1)),
        calls_per_day: null,
        calls_per_second: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const targetId = await demoSource(ctx, 'rst', 'postgresql', '人社厅前置库（演示）', settings, password);
    const storeColumns = asJobColumns(columns, fields);
    const [storeSchema, storeTable] = tables.population.store.split('.') as [string, string];
    const job = await ctx.trx
      .insertInto('exchange_job')
      .values({
        kind: 'distribute',
        name: '人口基本信息 分发至人社厅',
        department_id: ctx.ids.get('department:rst')!,
        entry_id: entries.population.id,
        grant_id: grant.id,
        source_id: targetId,
        remote_table: `${DEMO_SCHEMA}.population_rst`,
        store_schema: storeSchema,
        store_table: storeTable,
        key_column: 'id_number',
        columns: JSON.stringify(storeColumns),
        mode: 'incremental',
        watermark_column: '_sy_seq',
        schedule: 'cycle',
        next_run_at: new Date(Date.now() + 3600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.trx
      .insertInto('exchange_run')
      .values({ job_id: job.id, trigger: 'manual', next_attempt_at: new Date(Date.now() + 5_000) })
      .execute();
    jobs += 1;
  }
  if (urls.mariadb) {
    const { settings, password } = settingsOf(urls.mariadb, 3306, null);
    const connection = await mysql.createConnection({
      host: settings.host,
      port: settings.port,
      database: settings.database,
      user: settings.user,
      password: password ?? '',
    });
    try {
      const t = tables.enterprise;
      await connection.query('drop table if exists shuyuan_demo_enterprise');
      await connection.query(
        `create table shuyuan_demo_enterprise (${t.columns.map((c) => `\`${c.name}\` ${c.my}${c.name === t.key ? ' primary key' : ''}`).join(', ')}) default charset = utf8mb4`,
      );
      const rows = t.rows.map((r) => r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 19).replace('T', ' ') : v)));
      for (let i = 0; i < rows.length; i += 500)
        await connection.query(`insert into shuyuan_demo_enterprise values ?`, [rows.slice(i, i + 500)]);
    } finally {
      await connection.end();
    }
    const sourceId = await demoSource(ctx, 'scjgj', 'mysql', '市场监管局登记库（演示）', settings, password);
    const columns = await connectorFor({ kind: 'mysql', settings, password }).columns({ schema: null, name: 'shuyuan_demo_enterprise' });
    if (!columns) throw new Error('the demo enterprise source table is missing');
    await aggregation(
      ctx,
      'scjgj',
      entries.enterprise.id,
      sourceId,
      'shuyuan_demo_enterprise',
      tables.enterprise,
      asJobColumns(
        columns,
        tables.enterprise.columns.map((c) => c.name),
      ),
    );
    jobs += 1;
  }
  return jobs;
}

async function demoSource(
  ctx: DemoContext,
  departmentKey: string,
  kind: 'postgresql' | 'mysql',
  name: string,
  settings: DatabaseSettings,
  password: string | null,
) {
  const row = await ctx.trx
    .insertInto('data_source')
    .values({
      department_id: ctx.ids.get(`department:${departmentKey}`)!,
      name,
      kind,
      description: '演示数据源：由 SHUYUAN_DEMO_POSTGRES_URL / SHUYUAN_DEMO_MARIADB_URL 指定的本地数据库',
      settings: JSON.stringify(settings),
      credentials_sealed: password ? ctx.box.seal(JSON.stringify({ password })) : null,
      test_status: null,
      test_step: null,
      test_code: null,
      test_message: null,
      test_elapsed_ms: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An approved mount of the source table and the aggregation into the existing store table, its first run queued. */
async function aggregation(
  ctx: DemoContext,
  departmentKey: string,
  entryId: string,
  sourceId: string,
  remote: string,
  table: DemoTable,
  columns: JobColumn[],
) {
  const mount = await ctx.trx
    .insertInto('catalog_mount')
    .values({
      entry_id: entryId,
      kind: 'table',
      source_id: sourceId,
      resource_name: remote,
      column_map: '{}',
      diff: '{}',
      status: 'mounted',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const [storeSchema, storeTable] = table.store.split('.') as [string, string];
  const job = await ctx.trx
    .insertInto('exchange_job')
    .values({
      kind: 'aggregate',
      name: `${remote} 归集（演示）`,
      department_id: ctx.ids.get(`department:${departmentKey}`)!,
      entry_id: entryId,
      mount_id: mount.id,
      source_id: sourceId,
      remote_table: remote,
      store_schema: storeSchema,
      store_table: storeTable,
      key_column: table.key,
      columns: JSON.stringify(columns),
      mode: 'incremental',
      watermark_column: 'updated_at',
      schedule: 'cycle',
      next_run_at: new Date(Date.now() + 3600_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.trx
    .insertInto('exchange_run')
    .values({ job_id: job.id, trigger: 'manual', created_by: null, next_attempt_at: new Date() })
    .execute();
}
