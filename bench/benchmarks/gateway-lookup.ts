import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { signatureHeaders } from '../../apps/server/src/platform/signing';
import { DEMO_CONSUMER } from '../../apps/server/src/modules/exchange/exchange.demo';
import { loadSeconds, percentile, warmUpSeconds } from '../lib/load';
import { startServer } from '../lib/server';
import { median } from '../lib/stats';
import type { Benchmark } from '../lib/types';

/** Rows of the looked-up table: the million at `full`. */
const ROWS = { small: 100_000, full: 1_000_000 } as const;
/** Concurrent callers; both servers see the same. */
const CONNECTIONS = 32;
const TABLE = 'bench_people';

const FIELDS = [
  { name: 'id_number', column: 'id_number', label: '公民身份号码', type: 'text', sensitive: true, mask: 'id_card_6_4' },
  { name: 'name', column: 'name', label: '姓名', type: 'text', sensitive: true, mask: 'name' },
  { name: 'gender', column: 'gender', label: '性别', type: 'text', sensitive: false, mask: null },
  { name: 'birth_date', column: 'birth_date', label: '出生日期', type: 'date', sensitive: false, mask: null },
  { name: 'address', column: 'address', label: '住址', type: 'text', sensitive: true, mask: 'address' },
  { name: 'updated_at', column: 'updated_at', label: '更新时间', type: 'datetime', sensitive: false, mask: null },
];

async function query(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A million people with valid 身份证号 (GB 11643 check digits computed in SQL), names and addresses. */
export async function fillSource(url: string, rows: number) {
  await query(
    url,
    `create table ${TABLE} (id_number char(18) primary key, name text not null, gender char(1) not null,
      birth_date date not null, address text not null, updated_at timestamptz not null)`,
  );
  await query(
    url,
    `insert into ${TABLE}
     select b || substr('10X98765432', (select sum(substr(b, k, 1)::int * (array[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k]) from generate_series(1, 17) k)::int % 11 + 1, 1),
       (array['张','王','李','赵','陈','刘','杨','黄'])[i % 8 + 1] || (array['伟','芳','娜','敏','静','强','磊','洋'])[i / 8 % 8 + 1] || (array['','华','明','丽'])[i / 64 % 4 + 1],
       (i % 2 + 1)::text, d, '江苏省南京市玄武区中山路' || (i % 300 + 1) || '号' || (i % 30 + 1) || '幢' || (i % 2000 + 101) || '室',
       now() - (i % 1000) * interval '1 hour'
     from (select i, date '1950-01-01' + (i % 20000) as d,
             '320102' || to_char(date '1950-01-01' + (i % 20000), 'YYYYMMDD') || lpad((i / 20000)::text, 3, '0') as b
           from generate_series(0, $1 - 1) i) s`,
    [rows],
  );
  await query(url, `analyze ${TABLE}`);
}

/** The source, its approved mount, a logical API with an 身份证号 lookup, and demo-consumer's grant of every field. */
export async function declare(platformUrl: string, sourceUrl: string) {
  const [entry] = await query(
    platformUrl,
    `select e.id, e.code, e.department_id from catalog_entry e
     where e.status = 'published' and 'api' = any(e.sharing_methods)
       and not exists (select 1 from exchange_api a where a.entry_id = e.id) order by e.code limit 1`,
  );
  if (!entry) throw new Error('the demo catalog has no published entry shared by API left');
  const u = new URL(sourceUrl);
  const settings = {
    host: u.hostname,
    port: Number(u.port || 5432),
    database: u.pathname.slice(1),
    user: decodeURIComponent(u.username || 'postgres'),
    schema: 'public',
  };
  const [source] = await query(
    platformUrl,
    `insert into data_source (department_id, name, kind, settings) values ($1, 'bench source', 'postgresql', $2) returning id`,
    [entry.department_id, JSON.stringify(settings)],
  );
  await query(
    platformUrl,
    `insert into catalog_mount (entry_id, kind, source_id, resource_name, diff, status) values ($1, 'table', $2, $3, '{}', 'mounted')`,
    [entry.id, source!.id, `public.${TABLE}`],
  );
  await query(
    platformUrl,
    `insert into exchange_api (entry_id, access, source_id, resource_name, fields, params, key_field, page_size_max, timeout_ms)
     values ($1, 'logical', $2, $3, $4, $5, 'id_number', 100, 5000)`,
    [
      entry.id,
      source!.id,
      `public.${TABLE}`,
      JSON.stringify(FIELDS),
      JSON.stringify([{ name: 'id_number', field: 'id_number', op: 'eq', format: 'id_card', required: true, label: '公民身份号码' }]),
    ],
  );
  const [app] = await query(platformUrl, `select id, department_id from client_app where app_key = $1`, [DEMO_CONSUMER.key]);
  await query(
    platformUrl,
    `insert into exchange_grant (entry_id, consumer_department_id, app_id, method, fields, purpose, valid_from, valid_to)
     values ($1, $2, $3, 'api', $4, 'benchmark', now() - interval '1 day', now() + interval '1 day')`,
    [entry.id, app!.department_id, app!.id, FIELDS.map((f) => f.name)],
  );
  return String(entry.code);
}

/** Waits until the platform's call log stops growing (the last run's calls flushed and committed), at most 15 s. */
async function settle(platformUrl: string): Promise<void> {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const [row] = await query(platformUrl, 'select count(*)::int as n from gateway_call');
    if (row?.n === last) return;
    last = Number(row?.n);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** One request of a load run: its path and headers (the signature, for the gateway). */
type Prepared = { path: string; headers: Record<string, string> };

/**
 * The first `count` requests of a load run, made before it starts. The load generator shares the machine's
 * cores with the server under test: signing during the run would take from the gateway CPU that the bare
 * route's run, whose requests need no signature, does not lose. Each request still has its own nonce and a
 * timestamp well inside the gateway's five-minute window.
 */
function prepare(
  ids: readonly string[],
  count: number,
  pathFor: (id: string) => string,
  headersFor: (path: string) => Record<string, string>,
) {
  const out: Prepared[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const path = pathFor(ids[i % ids.length]!);
    out[i] = { path, headers: headersFor(path) };
  }
  return out;
}

/**
 * Drives GETs of `pathFor(id)` on fresh ids, taking the prepared requests first and making any beyond them as it
 * goes; requests/s, p99 ms and how many were made during the run; throws on any non-2xx.
 */
function drive(
  baseUrl: string,
  ids: readonly string[],
  seconds: number,
  pathFor: (id: string) => string,
  headersFor: (path: string) => Record<string, string>,
  prepared: readonly Prepared[] = [],
): Promise<{ requestsPerSecond: number; p99Ms: number; madeDuringRun: number }> {
  let next = 0;
  let madeDuringRun = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: CONNECTIONS,
        duration: seconds,
        pipelining: 1,
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => {
              let ready = prepared[next];
              if (!ready) {
                const path = pathFor(ids[next % ids.length]!);
                ready = { path, headers: headersFor(path) };
                madeDuringRun++;
              }
              next++;
              return { ...request, path: ready.path, headers: { ...request.headers, ...ready.headers } };
            },
          },
        ],
      },
      (error: unknown, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        if (result.errors > 0 || result.non2xx > 0)
          return reject(new Error(`load on ${baseUrl}: ${result.errors} errors, ${result.non2xx} non-2xx of ${result.requests.total}`));
        resolve({
          requestsPerSecond: result.requests.average,
          p99Ms: percentile(
            latencies.sort((a, b) => a - b),
            0.99,
          ),
          madeDuringRun,
        });
      },
    );
    instance.on('response', (_c, _s, _b, responseTime) => latencies.push(responseTime));
  });
}

/**
 * gateway.lookup: signed lookups by 身份证号 on a 1,000,000-row PostgreSQL table through the gateway
 * (signature, nonce, grant, parameter check, masking, write-ahead call log and its evidence leaves),
 * with the platform itself on PostgreSQL; baseline: a bare Fastify + pg route running the same query
 * with none of that, both under autocannon at 32 connections, in rounds whose order turns (each run starts once
 * the call log has settled). The gateway sends
 * the lookups that arrive together as one statement (ADR 010); a second gateway process with that off
 * (SHUYUAN_GATEWAY_LOOKUP_BATCH=1) runs in the same rounds, and its figure is in the details.
 */
export const gatewayLookup: Benchmark = {
  name: 'gateway.lookup',
  metric: 'requests/s',
  goal: { op: '>=', value: 0.6, of: 'ratio', text: 'at least 60% of the throughput of a bare Fastify + pg route running the same lookup' },
  async run(ctx) {
    const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
    const suffix = randomBytes(4).toString('hex');
    const sourceDb = `shuyuan_bench_src_${suffix}`;
    const platformDb = `shuyuan_bench_gw_${suffix}`;
    const sourceUrl = withDatabase(serverUrl, sourceDb);
    const platformUrl = withDatabase(serverUrl, platformDb);
    await query(serverUrl, `create database ${sourceDb}`);
    await query(serverUrl, `create database ${platformDb}`);
    const stops: (() => Promise<void>)[] = [];
    try {
      ctx.log(`filling ${ROWS[ctx.scale]} rows into ${sourceDb}.${TABLE}`);
      await fillSource(sourceUrl, ROWS[ctx.scale]);
      const ids = (await query(sourceUrl, `select id_number from ${TABLE} order by random() limit 20000`)).map((r) => String(r.id_number));
      // Both gateway processes open the same database, so they share the master key that seals the demo secret.
      const env: Record<string, string> = {
        DATABASE_URL: platformUrl,
        LOG_LEVEL: 'warn',
        SHUYUAN_GATEWAY_APP_RATE: '1000000',
        SHUYUAN_MASTER_KEY: randomBytes(32).toString('hex'),
      };
      const platform = await startServer(
        {
          label: 'shuyuan serve (PostgreSQL)',
          // BENCH_PROFILE=<dir> writes a CPU profile of the platform server there.
          args: [
            ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
            'apps/server/bin/shuyuan.js',
            'serve',
          ],
          env,
          freshDataDir: true,
          setup: [{ args: ['apps/server/bin/shuyuan.js', 'demo'], timeoutMs: 180_000 }],
        },
        ctx.root,
      );
      stops.push(() => platform.stop());
      // The same gateway with its lookups sent to the source one by one, as the bare route sends them: the overhead
      // of the gateway's own work alone, reported beside the figure.
      const oneByOne = await startServer(
        {
          label: 'shuyuan serve (PostgreSQL), lookups one by one',
          args: ['apps/server/bin/shuyuan.js', 'serve'],
          env: { ...env, SHUYUAN_GATEWAY_LOOKUP_BATCH: '1' },
          freshDataDir: true,
        },
        ctx.root,
      );
      stops.push(() => oneByOne.stop());
      const bare = await startServer(
        {
          label: 'bare Fastify + pg',
          args: ['--import', 'tsx', 'bench/baselines/bare-gateway.ts'],
          env: { BENCH_SOURCE_URL: sourceUrl, BENCH_TABLE: TABLE },
        },
        ctx.root,
      );
      stops.push(() => bare.stop());
      const code = await declare(platformUrl, sourceUrl);
      const gatewayPath = (id: string) => `/gateway/v1/${code}?id_number=${id}`;
      const sign = (path: string) => signatureHeaders({ method: 'GET', url: path }, DEMO_CONSUMER);
      const barePath = (id: string) => `/lookup?id_number=${id}`;

      // One checked call each: the gateway finds the person and masks the number; the bare route returns it raw.
      for (const server of [platform, oneByOne]) {
        const probe = await fetch(`${server.url}${gatewayPath(ids[0]!)}`, { headers: sign(gatewayPath(ids[0]!)) });
        const body = (await probe.json()) as { data?: { id_number: string }[] };
        if (probe.status !== 200 || body.data?.length !== 1 || !/^\d{6}\*{8}[\dX]{4}$/.test(body.data[0]!.id_number))
          throw new Error(`${server.label}: the probe lookup failed: ${probe.status} ${JSON.stringify(body)}`);
      }

      const seconds = loadSeconds(ctx.scale);
      const rounds = ctx.scale === 'full' ? 3 : 2;
      // Each gateway run gets a third more signed requests than the bare route's best rate so far would need.
      const enough = (rate: number, runSeconds: number) => Math.ceil(rate * runSeconds * 1.3) + CONNECTIONS;
      const signed = (rate: number, runSeconds: number) => prepare(ids, enough(rate, runSeconds), gatewayPath, sign);
      const warm = await drive(bare.url, ids, warmUpSeconds(ctx.scale), barePath, () => ({}));
      await drive(platform.url, ids, warmUpSeconds(ctx.scale), gatewayPath, sign, signed(warm.requestsPerSecond, warmUpSeconds(ctx.scale)));
      await drive(oneByOne.url, ids, warmUpSeconds(ctx.scale), gatewayPath, sign, signed(warm.requestsPerSecond, warmUpSeconds(ctx.scale)));
      const gateway: { requestsPerSecond: number; p99Ms: number; madeDuringRun: number }[] = [];
      const unbatched: { requestsPerSecond: number; p99Ms: number; madeDuringRun: number }[] = [];
      const baseline: { requestsPerSecond: number; p99Ms: number }[] = [];
      /** When the batched gateway's measured runs ran: its calls' figures are read from those windows only. */
      const windows: { from: Date; to: Date }[] = [];
      // Each run starts once the last one's calls are flushed, and the order turns round by round, so that no server
      // always runs after the same other one (and inherits its leftover work).
      const runs = {
        bare: async () => void baseline.push(await drive(bare.url, ids, seconds, barePath, () => ({}))),
        gateway: async () => {
          const from = new Date();
          gateway.push(await drive(platform.url, ids, seconds, gatewayPath, sign, signed(bareRate(), seconds)));
          windows.push({ from, to: new Date() });
        },
        oneByOne: async () => void unbatched.push(await drive(oneByOne.url, ids, seconds, gatewayPath, sign, signed(bareRate(), seconds))),
      };
      const bareRate = () => Math.max(warm.requestsPerSecond, ...baseline.map((b) => b.requestsPerSecond));
      const order = ['bare', 'gateway', 'oneByOne'] as const;
      for (let i = 1; i <= rounds; i++) {
        for (let k = 0; k < order.length; k++) {
          await settle(platformUrl);
          await runs[order[(k + i - 1) % order.length]!]();
        }
        const [g, u, b] = [gateway.at(-1)!, unbatched.at(-1)!, baseline.at(-1)!];
        ctx.log(
          `round ${i}/${rounds} (${seconds} s, ${CONNECTIONS} connections): gateway ${Math.round(g.requestsPerSecond)} req/s p99 ${g.p99Ms} ms; ` +
            `one by one ${Math.round(u.requestsPerSecond)} req/s p99 ${u.p99Ms} ms; bare ${Math.round(b.requestsPerSecond)} req/s p99 ${b.p99Ms} ms ` +
            `(${g.madeDuringRun + u.madeDuringRun} requests signed during the runs)`,
        );
      }
      await settle(platformUrl);
      const [logged] = await query(
        platformUrl,
        `select count(*)::int as n, count(*) filter (where status = 200)::int as ok,
           percentile_cont(0.5) within group (order by latency_ms) as p50, percentile_cont(0.99) within group (order by latency_ms) as p99
         from gateway_call g
         where exists (select 1 from unnest($1::timestamptz[], $2::timestamptz[]) w(s, e) where g.called_at between w.s and w.e)`,
        [windows.map((w) => w.from.toISOString()), windows.map((w) => w.to.toISOString())],
      );
      ctx.log(
        `the batched gateway logged ${logged?.n} calls in its measured runs; time inside it: p50 ${Number(logged?.p50).toFixed(2)} ms, p99 ${Number(logged?.p99).toFixed(2)} ms`,
      );
      return {
        value: Math.round(median(gateway.map((g) => g.requestsPerSecond))),
        baseline: {
          name: 'bare Fastify + pg route, same query, same pool size, no signing/grant/masking/log',
          value: Math.round(median(baseline.map((b) => b.requestsPerSecond))),
        },
        details: {
          rows: ROWS[ctx.scale],
          connections: CONNECTIONS,
          gatewayP99Ms: median(gateway.map((g) => g.p99Ms)),
          requestsSigned: 'before each run',
          requestsSignedDuringRuns: [...gateway, ...unbatched].reduce((n, g) => n + g.madeDuringRun, 0),
          lookupsBatched:
            'source lookups of the same turn or queued for a connection go as one statement (SHUYUAN_GATEWAY_LOOKUP_BATCH, 32)',
          oneByOneRequestsPerSecond: Math.round(median(unbatched.map((u) => u.requestsPerSecond))),
          oneByOneRatio:
            Math.round((median(unbatched.map((u) => u.requestsPerSecond)) / median(baseline.map((b) => b.requestsPerSecond))) * 1000) /
            1000,
          oneByOneP99Ms: median(unbatched.map((u) => u.p99Ms)),
          bareP99Ms: median(baseline.map((b) => b.p99Ms)),
          callsLogged: Number(logged?.n ?? 0),
          callsOk: Number(logged?.ok ?? 0),
          gatewayInsideP50Ms: Math.round(Number(logged?.p50) * 100) / 100,
          gatewayInsideP99Ms: Math.round(Number(logged?.p99) * 100) / 100,
          engine: 'postgres',
        },
      };
    } finally {
      for (const stop of stops.reverse()) await stop().catch(() => {});
      await query(serverUrl, `drop database if exists ${sourceDb} with (force)`).catch(() => {});
      await query(serverUrl, `drop database if exists ${platformDb} with (force)`).catch(() => {});
    }
  },
};
