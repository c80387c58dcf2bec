import { runLatencyLoad, warmUpSeconds, loadSeconds } from '../lib/load';
import { startServer } from '../lib/server';
import { median } from '../lib/stats';
import { shuyuanCatalogServer } from '../lib/targets';
import type { Benchmark } from '../lib/types';

/** Concurrent clients, as a busy provincial sharing portal sees them. */
const CLIENTS = 8;

/** The catalog size per scale: a province's whole catalog at `full`, enough to show the trend at `small`. */
const ENTRIES = { small: 20_000, full: 131_000 } as const;

/** What department users type into the sharing portal, with and without facet filters (facets counted on every query). */
const SEARCHES: readonly Record<string, string>[] = [
  { q: '人口' },
  { q: '企业登记' },
  { q: '社保' },
  { q: '婚姻' },
  { q: '医疗机构' },
  { q: '不动产' },
  { q: '纳税信用' },
  { q: '学籍' },
  { q: '人口', domain: 'public_security' },
  { q: '企业登记', sharingType: 'conditional' },
  { q: '医疗机构', openType: 'unconditional' },
  { q: '不动产', updateCycle: 'realtime' },
  { q: '行政处罚', domain: 'market_regulation,ecology' },
  { q: '婚姻', resourceAttribute: 'department' },
  { domain: 'health' },
  { sort: 'updated' },
];

/**
 * catalog.search: p95 latency of GET /api/v1/catalog/entries (Chinese full text with facets) by 8
 * concurrent department users over a province-scale catalog on PGlite; baseline: /healthz of the same
 * server under the same load, alternated round by round.
 */
export const catalogSearch: Benchmark = {
  name: 'catalog.search',
  metric: 'ms p95',
  goal: { op: '<=', value: 50, of: 'value', text: 'p95 search latency under 50 ms for 8 concurrent users over a province-scale catalog' },
  async run(ctx) {
    const entries = ENTRIES[ctx.scale];
    const seconds = loadSeconds(ctx.scale);
    const rounds = ctx.scale === 'full' ? 3 : 2;
    ctx.log(`loading the demo data and ${entries} catalog entries into a fresh PGlite directory`);
    const loading = performance.now();
    const server = await startServer(shuyuanCatalogServer(entries), ctx.root);
    try {
      const loadedSeconds = (performance.now() - loading) / 1000;
      ctx.log(`ready after ${loadedSeconds.toFixed(0)} s (loading and start)`);
      const cookie = await loginCookie(server.url);
      const get = async (path: string) => {
        const res = await fetch(`${server.url}${path}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
        return (await res.json()) as { total: number };
      };
      const paths = SEARCHES.map((s) => `/api/v1/catalog/entries?${new URLSearchParams(s).toString()}`);
      const totals: Record<string, number> = {};
      for (const [i, path] of paths.entries()) {
        totals[new URLSearchParams(SEARCHES[i]).toString()] = (await get(path)).total;
      }
      if (
        Object.values(totals)
          .slice(0, 6)
          .some((n) => n === 0)
      )
        throw new Error(`a search found nothing: ${JSON.stringify(totals)}`);
      const catalogSize = (await get('/api/v1/catalog/entries?limit=1&facets=false')).total;
      ctx.log(`${catalogSize} entries in force; matches per search: ${JSON.stringify(totals)}`);

      const options = { connections: CLIENTS, headers: { cookie } };
      await runLatencyLoad(server.url, ['/healthz'], { ...options, seconds: warmUpSeconds(ctx.scale) });
      await runLatencyLoad(server.url, paths, { ...options, seconds: warmUpSeconds(ctx.scale) });
      const search: number[] = [];
      const healthz: number[] = [];
      let requestsPerSecond = 0;
      for (let i = 1; i <= rounds; i++) {
        healthz.push((await runLatencyLoad(server.url, ['/healthz'], { ...options, seconds })).p95Ms);
        const figures = await runLatencyLoad(server.url, paths, { ...options, seconds });
        search.push(figures.p95Ms);
        requestsPerSecond = figures.requestsPerSecond;
        ctx.log(
          `round ${i}/${rounds} (${seconds} s each, ${CLIENTS} clients): search p95 ${figures.p95Ms} ms (p50 ${figures.p50Ms} ms, ${Math.round(figures.requestsPerSecond)} req/s), /healthz p95 ${healthz.at(-1)} ms`,
        );
      }
      return {
        value: median(search),
        baseline: { name: 'GET /healthz, same server and load', value: median(healthz) },
        details: {
          catalogEntries: catalogSize,
          clients: CLIENTS,
          searches: paths.length,
          searchRequestsPerSecond: Math.round(requestsPerSecond),
        },
      };
    } finally {
      await server.stop();
    }
  },
};

// Logs in the demo department user (人社厅) and returns its session cookie; GETs need no CSRF token.
async function loginCookie(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'user', password: 'Shuyuan@2026' }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}
