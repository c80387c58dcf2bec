import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CatalogItemInput } from '@shuyuan/contracts';
import type mysql from 'mysql2/promise';
import { median } from '../lib/stats';
import {
  benchDatabaseName,
  connectMariadb,
  dropJobs,
  mariadbSettings,
  mariadbUrl,
  ms,
  openPlatform,
  pgQuery,
  postJson,
  postgresServerUrl,
  registerSource,
  requirePostgres,
  shellQuote,
  timeRun,
  timeShell,
  withDatabase,
  type Platform,
} from '../lib/table-exchange';
import type { BenchContext, Benchmark } from '../lib/types';

const ROWS = { small: 100_000, full: 1_000_000 } as const;
const RUNS = { small: 2, full: 3 } as const;
/** The entry's items the table needs: 企业登记信息, keyed by 统一社会信用代码. */
const ITEMS = [
  'uscc',
  'enterprise_name',
  'legal_representative',
  'registered_capital',
  'established_date',
  'domicile',
  'updated_at',
] as const;
const INSTALL = 'bash scripts/install-bench-tools.sh';

/** Each column's value for row `seq` of MariaDB's sequence engine: enterprises as a market regulator registers them. */
const GENERATED: Record<string, string> = {
  uscc: `concat('91', elt(seq % 6 + 1, '320102','320106','320508','320213','320303','320104'), lpad(seq, 9, '0'), substr('0123456789ABCDEFGHJKLMNPQRTUWXY', seq % 31 + 1, 1))`,
  enterprise_name: `concat(elt(seq % 5 + 1, '南京', '苏州', '无锡', '徐州', '常州'), elt(seq div 5 % 8 + 1, '华远', '金陵', '恒信', '博瑞', '中天', '鑫达', '云海', '锦程'), elt(seq div 40 % 6 + 1, '科技', '贸易', '建设', '餐饮', '物流', '咨询'), '有限公司', seq)`,
  enterprise_type: `elt(seq % 4 + 1, '有限责任公司(自然人投资或控股)', '股份有限公司(非上市)', '有限责任公司(国有独资)', '个人独资企业')`,
  legal_representative: `concat(elt(seq % 12 + 1, '张','王','李','赵','陈','刘','杨','黄','周','吴','徐','孙'), elt(seq div 12 % 10 + 1, '伟','芳','娜','敏','静','强','磊','洋','艳','军'))`,
  legal_rep_id_number: `concat('3201', lpad(seq % 100, 2, '0'), date_format(date '1950-01-01' + interval (seq * 7919 % 18000) day, '%Y%m%d'), lpad(seq % 1000, 3, '0'), seq % 10)`,
  registered_capital: `if(seq % 17 = 0, null, (seq % 100000) * 100 + 50000.5)`,
  established_date: `date '1990-01-01' + interval (seq * 31 % 12000) day`,
  business_scope: `concat('许可项目：', elt(seq % 4 + 1, '技术开发、技术咨询、技术服务', '食品经营、餐饮服务', '建设工程施工、房屋建筑', '道路货物运输、仓储服务'), '；一般项目：', elt(seq div 4 % 3 + 1, '软件开发；信息系统集成服务', '日用百货销售；办公用品销售', '企业管理咨询；市场营销策划'), '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）')`,
  domicile: `concat('江苏省', elt(seq % 5 + 1, '南京市玄武区', '苏州市姑苏区', '无锡市梁溪区', '徐州市云龙区', '常州市天宁区'), elt(seq div 5 % 6 + 1, '中山路', '北京东路', '人民路', '解放路', '建设路', '和平路'), seq % 500 + 1, '号')`,
  registration_authority: `concat(elt(seq % 5 + 1, '南京', '苏州', '无锡', '徐州', '常州'), '市市场监督管理局')`,
  registration_status: `elt(seq % 10 + 1, '存续', '存续', '存续', '存续', '存续', '存续', '在业', '在业', '注销', '吊销')`,
  approval_date: `date '2015-01-01' + interval (seq * 13 % 3600) day`,
  updated_at: `timestamp '2025-01-01 00:00:00' + interval (seq * 97 % 30000000) second`,
};

interface Column {
  name: string;
  type: string;
  value: string;
}

/** The MariaDB columns: the entry's items by English name, in order, the first the primary key. */
function columnsOf(items: readonly CatalogItemInput[]): Column[] {
  return items
    .filter((item) => item.nameEn)
    .map((item, i) => {
      const name = item.nameEn!.toLowerCase();
      const type =
        { date: 'date', datetime: 'datetime', decimal: 'decimal(18,2)', int: 'bigint', bool: 'tinyint(1)', text: 'text' }[
          item.dataType as string
        ] ?? (i === 0 ? 'varchar(32)' : 'varchar(200)');
      // An item the generator does not know still gets a plausible value of its type.
      const fallback = { date: `date '2000-01-01' + interval (seq % 9000) day`, datetime: `timestamp '2025-01-01' + interval seq minute` }[
        type
      ];
      return { name, type, value: GENERATED[name] ?? fallback ?? `concat('${name}-', seq)` };
    });
}

async function fillSource(maria: mysql.Connection, table: string, columns: readonly Column[], rows: number) {
  await maria.query(
    `create table ${table} (${columns.map((c, i) => `\`${c.name}\` ${c.type}${i === 0 ? ' primary key' : ''}`).join(', ')}) default charset = utf8mb4`,
  );
  await maria.query(`insert into ${table} select ${columns.map((c) => c.value).join(', ')} from seq_1_to_${Math.floor(rows)}`);
  await maria.query(`analyze table ${table}`);
}

/** Installs pgloader with scripts/install-bench-tools.sh when it is missing; throws with the command to run when that fails. */
async function ensurePgloader(ctx: BenchContext): Promise<string> {
  const version = () =>
    promisify(execFile)('pgloader', ['--version']).then(
      (r) =>
        r.stdout
          .split('\n')[0]!
          .replace(/version "(.*)"/, '$1')
          .trim(),
      () => null,
    );
  const found = await version();
  if (found) return found;
  ctx.log(`pgloader is missing: running ${INSTALL} (apt-get install -y pgloader)`);
  const failure = await timeShell(`cd ${shellQuote(ctx.root)} && ${INSTALL}`).then(
    () => '',
    (error: Error) => error.message.split('\n').slice(-3).join(' '),
  );
  const installed = await version();
  if (installed) return installed;
  throw new Error(
    `pgloader (the baseline) is not installed and could not be installed (${failure}): run \`${INSTALL}\` as root, then run this benchmark again`,
  );
}

/** pgloader's URL of a server URL (no query string). */
const bare = (url: string) => {
  const u = new URL(url);
  u.search = '';
  return u.toString();
};

/**
 * exchange.mariadb_import: rows/s of a full aggregation (归集) of a MariaDB table into the platform's store
 * on PostgreSQL (pages by key with every value as text, upserts, key-checksum delete detection, an evidence
 * leaf per batch), timed from POST …/run to the run's status 'done'. Baseline: pgloader loading the same
 * MariaDB table into a fresh PostgreSQL table (its own schema, types and index), alternated run by run.
 */
export const exchangeMariadbImport: Benchmark = {
  name: 'exchange.mariadb_import',
  metric: 'rows/s',
  goal: { op: '>=', value: 1, of: 'ratio', text: 'aggregating a MariaDB table is at least as fast as pgloader loading it' },
  async run(ctx) {
    const rows = ROWS[ctx.scale];
    const runs = RUNS[ctx.scale];
    const serverUrl = postgresServerUrl();
    const sourceUrl = mariadbUrl();
    const maria = mariadbSettings(sourceUrl);
    if (maria.password)
      throw new Error('BENCH_MARIADB_URL must name a user without a password: the source is registered without credentials');
    const pgloaderVersion = await ensurePgloader(ctx);
    await requirePostgres(serverUrl);
    const connection = await connectMariadb(sourceUrl);
    const table = `bench_enterprise_${randomBytes(4).toString('hex')}`;
    const name = benchDatabaseName();
    const loadedUrl = withDatabase(serverUrl, `${name}_pgl`);
    const dir = await mkdtemp(join(tmpdir(), 'shuyuan-bench-pgloader-'));
    let platform: Platform | undefined;
    try {
      for (const db of [name, `${name}_pgl`]) await pgQuery(serverUrl, `create database ${db}`);
      platform = await openPlatform(withDatabase(serverUrl, name));
      const entry = await platform.entryWith(ITEMS);
      const columns = columnsOf(entry.items);
      ctx.log(`filling ${rows} rows of ${entry.code} ${entry.name} (${columns.length} columns) into MariaDB ${maria.database}.${table}`);
      await fillSource(connection, table, columns, rows);
      const { mountId } = await registerSource(
        platform,
        entry.departmentId,
        { kind: 'mysql', host: maria.host, port: maria.port, database: maria.database, user: maria.user },
        { entryId: entry.id, table },
      );

      const loadFile = join(dir, 'load.cmd');
      await writeFile(
        loadFile,
        `LOAD DATABASE\n  FROM ${bare(sourceUrl)}\n  INTO ${bare(loadedUrl)}\n  INCLUDING ONLY TABLE NAMES MATCHING '${table}';\n`,
      );
      const pgloader = `pgloader --root-dir ${shellQuote(join(dir, 'work'))} ${shellQuote(loadFile)}`;
      // pgloader names the PostgreSQL schema after the MariaDB database.
      const loaded = `"${maria.database}".${table}`;

      const baseline: number[] = [];
      const aggregates: Awaited<ReturnType<typeof timeRun>>[] = [];
      let batchSize = 0;
      for (let r = 1; r <= runs; r++) {
        await pgQuery(loadedUrl, `drop schema if exists "${maria.database}" cascade`);
        const seconds = await timeShell(pgloader);
        const [copied] = await pgQuery(loadedUrl, `select count(*)::int as n from ${loaded}`);
        if (copied?.n !== rows) throw new Error(`pgloader loaded ${String(copied?.n)} rows of ${rows}`);
        baseline.push(seconds);

        const jobs: string[] = [];
        let storeTable: string | null = null;
        try {
          const job = await postJson<{ id: string; storeTable: string; batchSize: number }>(platform.api, '/api/v1/exchange/jobs', {
            kind: 'aggregate',
            mountId,
            keyColumn: columns[0]!.name,
          });
          jobs.push(job.id);
          storeTable = job.storeTable;
          batchSize = job.batchSize;
          const aggregate = await timeRun(platform, job.id);
          if (aggregate.run.rowsWritten !== rows) throw new Error(`aggregation wrote ${aggregate.run.rowsWritten} rows of ${rows}`);
          aggregates.push(aggregate);
          ctx.log(
            `run ${r}/${runs}: aggregation ${aggregate.seconds.toFixed(2)} s (copy ${(aggregate.phases.copy ?? 0).toFixed(2)}, ` +
              `deletes ${(aggregate.phases.deletes ?? 0).toFixed(2)}): ${Math.round(rows / aggregate.seconds)} rows/s; ` +
              `pgloader ${seconds.toFixed(2)} s: ${Math.round(rows / seconds)} rows/s`,
          );
        } finally {
          await dropJobs(platform, jobs, storeTable);
        }
      }
      return {
        value: Math.round(median(aggregates.map((a) => rows / a.seconds))),
        baseline: {
          name: `${pgloaderVersion}, same MariaDB table into a fresh PostgreSQL table`,
          value: Math.round(median(baseline.map((s) => rows / s))),
        },
        details: {
          rows,
          scale: ctx.scale === 'full' ? 'full: 1,000,000 rows' : 'small: 100,000 rows (1,000,000 at --scale full)',
          runs,
          entry: `${entry.code} ${entry.name}`,
          columns: columns.map((c) => `${c.name} ${c.type}`).join(', '),
          batchSize,
          aggregateSeconds: ms(median(aggregates.map((a) => a.seconds))),
          aggregateCopySeconds: ms(median(aggregates.map((a) => a.phases.copy ?? 0))),
          aggregateDeletesSeconds: ms(median(aggregates.map((a) => a.phases.deletes ?? 0))),
          pgloaderSeconds: ms(median(baseline)),
          engine: 'MariaDB source; platform and pgloader target on one local PostgreSQL server',
        },
      };
    } finally {
      await platform?.close().catch(() => {});
      await connection.query(`drop table if exists ${table}`).catch(() => {});
      await connection.end().catch(() => {});
      for (const db of [name, `${name}_pgl`]) await pgQuery(serverUrl, `drop database if exists ${db} with (force)`).catch(() => {});
      await rm(dir, { recursive: true, force: true });
    }
  },
};
