import type { CatalogItemInput } from '@shuyuan/contracts';
import { median } from '../lib/stats';
import {
  benchDatabaseName,
  dropJobs,
  ms,
  openPlatform,
  pgQuery,
  postJson,
  postgresServerUrl,
  postgresSource,
  registerSource,
  requirePostgres,
  shellQuote,
  timeRun,
  timeShell,
  withDatabase,
  type Platform,
  type TimedRun,
} from '../lib/table-exchange';
import type { Benchmark } from '../lib/types';

const ROWS = { small: 100_000, full: 1_000_000 } as const;
const RUNS = { small: 2, full: 3 } as const;
const SOURCE = 'bench_people';
const TARGET = 'bench_people_out';
const COPY = 'bench_people_copy';
/** The entry's items the table needs: 人口基本信息, keyed by 公民身份号码. */
const ITEMS = ['id_number', 'name', 'birth_date', 'registered_address', 'updated_at'] as const;

/**
 * Each column's value for row `i` of the generator below (`d` the birth date, `b` the first 17 characters
 * of the 身份证号, unique for i < 174,000,000): people as a public security bureau holds them.
 */
const GENERATED: Record<string, string> = {
  id_number: `b || substr('10X98765432', (select sum(substr(b, k, 1)::int * (array[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k]) from generate_series(1, 17) k)::int % 11 + 1, 1)`,
  name: `(array['张','王','李','赵','陈','刘','杨','黄','周','吴','徐','孙'])[i % 12 + 1] || (array['伟','芳','娜','敏','静','强','磊','洋','艳','军'])[i / 12 % 10 + 1] || (array['','华','明','丽','平','红'])[i / 120 % 6 + 1]`,
  gender: `case when i / 174000 % 2 = 1 then '男' else '女' end`,
  ethnicity: `case when i % 20 = 0 then '回族' else '汉族' end`,
  birth_date: 'd',
  registered_address: `(array['江苏省南京市玄武区','江苏省南京市鼓楼区','江苏省苏州市姑苏区','江苏省无锡市梁溪区','江苏省徐州市云龙区'])[i % 5 + 1] || (array['中山路','北京东路','人民路','解放路','建设路','和平路'])[i / 5 % 6 + 1] || (i % 300 + 1) || '号' || (i % 30 + 1) || '幢' || (i % 2000 + 101) || '室'`,
  household_no: `'3201' || lpad((i / 3)::text, 8, '0')`,
  relation_to_head: `(array['户主','配偶','子女'])[i % 3 + 1]`,
  education_level: `case when i % 17 = 0 then null else (array['大学本科','大学专科','高中','初中','小学','研究生'])[i / 7 % 6 + 1] end`,
  marital_status: `(array['未婚','已婚','已婚','离婚','丧偶'])[i / 11 % 5 + 1]`,
  updated_at: `timestamp '2025-01-01' + (i * 97 % 31536000) * interval '1 second'`,
};

interface Column {
  name: string;
  type: string;
  value: string;
}

/** The source columns: the entry's items by English name, in order, the first the primary key. */
function columnsOf(items: readonly CatalogItemInput[]): Column[] {
  return items
    .filter((item) => item.nameEn)
    .map((item) => {
      const name = item.nameEn!.toLowerCase();
      const type = { date: 'date', datetime: 'timestamp', decimal: 'numeric(18,2)', int: 'bigint', bool: 'boolean' }[
        item.dataType as string
      ];
      // An item the generator does not know still gets a plausible value of its type.
      const fallback = { date: `date '2000-01-01' + i % 9000`, timestamp: `timestamp '2025-01-01' + i * interval '1 minute'` }[type ?? ''];
      return {
        name,
        type: type ?? (name === 'id_number' ? 'varchar(18)' : 'text'),
        value: GENERATED[name] ?? fallback ?? `'${name}-' || i`,
      };
    });
}

const ddl = (table: string, columns: readonly Column[]) =>
  `create table ${table} (${columns.map((c, i) => `"${c.name}" ${c.type}${i === 0 ? ' primary key' : ''}`).join(', ')})`;

async function fillSource(url: string, columns: readonly Column[], rows: number) {
  await pgQuery(url, ddl(SOURCE, columns));
  await pgQuery(
    url,
    `insert into ${SOURCE} select ${columns.map((c) => c.value).join(', ')}
     from (select i, date '1940-01-01' + (i::bigint * 7919 % 29000)::int as d,
             (array['320102','320106','320508','320213','320303','320104'])[i / 29000 % 6 + 1]
               || to_char(date '1940-01-01' + (i::bigint * 7919 % 29000)::int, 'YYYYMMDD') || lpad((i / 174000 % 1000)::text, 3, '0') as b
           from generate_series(0, $1 - 1) i) s`,
    [rows],
  );
  await pgQuery(url, `analyze ${SOURCE}`);
}

/** A run's phases as seconds: waiting for a worker, reading the schema, copying, finding deletes. */
const phaseText = (run: TimedRun) =>
  (['queued', 'schema', 'copy', 'deletes'] as const).map((p) => `${p} ${(run.phases[p] ?? 0).toFixed(2)}`).join(', ');

/** One platform repetition: aggregate the source in full, then distribute the grant into an empty target. */
async function platformRun(
  platform: Platform,
  ids: { mountId: string; grantId: string; targetSourceId: string; key: string },
  targetUrl: string,
  rows: number,
): Promise<{ aggregate: TimedRun; distribute: TimedRun; batchSize: number }> {
  const jobs: string[] = [];
  let storeTable: string | null = null;
  try {
    const aggregation = await postJson<{ id: string; storeTable: string; batchSize: number }>(platform.api, '/api/v1/exchange/jobs', {
      kind: 'aggregate',
      mountId: ids.mountId,
      keyColumn: ids.key,
    });
    jobs.push(aggregation.id);
    storeTable = aggregation.storeTable;
    const aggregate = await timeRun(platform, aggregation.id);
    if (aggregate.run.rowsWritten !== rows) throw new Error(`aggregation wrote ${aggregate.run.rowsWritten} rows of ${rows}`);
    const distribution = await postJson<{ id: string }>(platform.api, '/api/v1/exchange/jobs', {
      kind: 'distribute',
      grantId: ids.grantId,
      targetSourceId: ids.targetSourceId,
      targetTable: TARGET,
    });
    jobs.push(distribution.id);
    const distribute = await timeRun(platform, distribution.id);
    const [count] = await pgQuery(targetUrl, `select count(*)::int as n from ${TARGET}`);
    if (distribute.run.rowsRead !== rows || count?.n !== rows)
      throw new Error(`distribution read ${distribute.run.rowsRead} rows and the target holds ${String(count?.n)} of ${rows}`);
    return { aggregate, distribute, batchSize: aggregation.batchSize };
  } finally {
    await dropJobs(platform, jobs, storeTable);
    await pgQuery(targetUrl, `drop table if exists ${TARGET}`);
  }
}

/**
 * exchange.table_sync: rows/s of a table's whole journey through the platform — a full aggregation (归集)
 * of a PostgreSQL source table into the store (pages by key, upserts, key-checksum delete detection,
 * an evidence leaf per batch) and a distribution (分发) of a table grant of every field (the key unmasked,
 * the other sensitive items redacted) into the consumer's PostgreSQL table — each timed from POST …/run
 * to the run's status 'done'. Baseline: `psql \copy (select …) to stdout | psql \copy … from stdin` of
 * the same rows into an empty copy of the target, alternated with the platform run by run.
 */
export const exchangeTableSync: Benchmark = {
  name: 'exchange.table_sync',
  metric: 'rows/s',
  goal: { op: '>=', value: 0.5, of: 'ratio', text: 'aggregation + distribution at half the rate of a psql COPY pipe or better' },
  async run(ctx) {
    const rows = ROWS[ctx.scale];
    const runs = RUNS[ctx.scale];
    const serverUrl = postgresServerUrl();
    await requirePostgres(serverUrl);
    const name = benchDatabaseName();
    const names = { platform: name, source: `${name}_src`, target: `${name}_dst` };
    const sourceUrl = withDatabase(serverUrl, names.source);
    const targetUrl = withDatabase(serverUrl, names.target);
    for (const db of Object.values(names)) await pgQuery(serverUrl, `create database ${db}`);
    let platform: Platform | undefined;
    try {
      platform = await openPlatform(withDatabase(serverUrl, names.platform));
      const entry = await platform.entryWith(ITEMS);
      const columns = columnsOf(entry.items);
      ctx.log(`filling ${rows} rows of ${entry.code} ${entry.name} (${columns.length} columns) into ${names.source}.${SOURCE}`);
      await fillSource(sourceUrl, columns, rows);

      const key = columns[0]!.name;
      const { mountId } = await registerSource(platform, entry.departmentId, postgresSource(sourceUrl), {
        entryId: entry.id,
        table: `public.${SOURCE}`,
      });
      const { sourceId: targetSourceId } = await registerSource(platform, platform.consumerDepartmentId, postgresSource(targetUrl));
      const grant = await postJson<{ id: string }>(platform.api, '/api/v1/exchange/grants', {
        entryId: entry.id,
        consumerDepartmentId: platform.consumerDepartmentId,
        method: 'table',
        fields: columns.map((c) => c.name),
        // The key is a 身份证号, a sensitive item: given unmasked, or rows could not be matched.
        masks: { [key]: 'none' },
        purpose: '库表分发基准测试',
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        validTo: new Date(Date.now() + 86_400_000).toISOString(),
      });
      const redacted = entry.items.filter((i, n) => n > 0 && i.sensitive).map((i) => i.nameEn!.toLowerCase());

      const select = columns.map((c) => `"${c.name}"`).join(', ');
      const psql = (url: string, command: string) => `psql -X -q -v ON_ERROR_STOP=1 -d ${shellQuote(url)} -c ${shellQuote(command)}`;
      const pipe = `${psql(sourceUrl, `\\copy (select ${select} from ${SOURCE}) to stdout`)} | ${psql(targetUrl, `\\copy ${COPY} from stdin`)}`;

      const baseline: number[] = [];
      const results: Awaited<ReturnType<typeof platformRun>>[] = [];
      for (let r = 1; r <= runs; r++) {
        await pgQuery(targetUrl, `drop table if exists ${COPY}`);
        await pgQuery(targetUrl, ddl(COPY, columns));
        const seconds = await timeShell(pipe);
        const [copied] = await pgQuery(targetUrl, `select count(*)::int as n from ${COPY}`);
        if (copied?.n !== rows) throw new Error(`the psql pipe copied ${String(copied?.n)} rows of ${rows}`);
        await pgQuery(targetUrl, `drop table ${COPY}`);
        baseline.push(seconds);

        const result = await platformRun(platform, { mountId: mountId!, grantId: grant.id, targetSourceId, key }, targetUrl, rows);
        results.push(result);
        const { aggregate: a, distribute: d } = result;
        ctx.log(
          `run ${r}/${runs}: aggregation ${a.seconds.toFixed(2)} s (${phaseText(a)}), distribution ${d.seconds.toFixed(2)} s (${phaseText(d)}): ` +
            `${Math.round(rows / (a.seconds + d.seconds))} rows/s; psql pipe ${seconds.toFixed(2)} s: ${Math.round(rows / seconds)} rows/s`,
        );
      }
      const m = (pick: (r: (typeof results)[number]) => number) => ms(median(results.map(pick)));
      return {
        value: Math.round(median(results.map((r) => rows / (r.aggregate.seconds + r.distribute.seconds)))),
        baseline: {
          name: 'psql \\copy (select …) to stdout | psql \\copy … from stdin, same rows',
          value: Math.round(median(baseline.map((s) => rows / s))),
        },
        details: {
          rows,
          scale: ctx.scale === 'full' ? 'full: 1,000,000 rows' : 'small: 100,000 rows (1,000,000 at --scale full)',
          runs,
          entry: `${entry.code} ${entry.name}`,
          columns: columns.map((c) => `${c.name} ${c.type}`).join(', '),
          redactedByDefault: redacted.join(', '),
          batchSize: results[0]!.batchSize,
          aggregateSeconds: m((r) => r.aggregate.seconds),
          aggregateCopySeconds: m((r) => r.aggregate.phases.copy ?? 0),
          aggregateDeletesSeconds: m((r) => r.aggregate.phases.deletes ?? 0),
          aggregateRowsPerSecond: Math.round(median(results.map((r) => rows / r.aggregate.seconds))),
          distributeSeconds: m((r) => r.distribute.seconds),
          distributeCopySeconds: m((r) => r.distribute.phases.copy ?? 0),
          distributeDeletesSeconds: m((r) => r.distribute.phases.deletes ?? 0),
          distributeRowsPerSecond: Math.round(median(results.map((r) => rows / r.distribute.seconds))),
          baselineSeconds: ms(median(baseline)),
          engine: 'postgres (platform, source and target on one local server)',
        },
      };
    } finally {
      await platform?.close().catch(() => {});
      for (const db of Object.values(names)) await pgQuery(serverUrl, `drop database if exists ${db} with (force)`).catch(() => {});
    }
  },
};
