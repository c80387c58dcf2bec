import { randomUscc } from '../../apps/server/test/factories';
import { publishOverHttp } from '../../apps/server/test/catalog-fixtures';
import { httpLogin, type HttpSession } from '../../apps/server/test/processes';
import { startServer } from '../lib/server';
import { shuyuanDemoServer } from '../lib/targets';
import type { Benchmark } from '../lib/types';

const PASSWORD = 'Shuyuan@2026';
const LINK = { key: 'bench-link', secret: 'bench-cascade-secret-0123456789' };
const POLL_MS = 20;

/**
 * cascade.lag: p95 seconds from publication at a lower (city) node to visibility in the upper
 * (province) node's search, two server processes on this machine. Baseline: the same publication
 * found in the city's own search by the same polling loop (the floor of publish-then-search).
 */
export const cascadeLag: Benchmark = {
  name: 'cascade.lag',
  metric: 'seconds p95',
  goal: { op: '<=', value: 2, of: 'value', text: 'an entry published at the lower node is visible at the upper node within 2 s (p95)' },
  async run(ctx) {
    const count = ctx.scale === 'full' ? 60 : 20;
    const [province, city] = await Promise.all([startServer(shuyuanDemoServer(), ctx.root), startServer(shuyuanDemoServer(), ctx.root)]);
    try {
      const provinceAdmin = await httpLogin(province.url, 'admin', PASSWORD);
      const cityAdmin = await httpLogin(city.url, 'admin', PASSWORD);
      const officer = await httpLogin(city.url, 'officer', PASSWORD);
      const reviewer = await httpLogin(city.url, 'reviewer', PASSWORD);
      const lower = { name: '南京市', role: 'lower', baseUrl: city.url, regionCode: '320100', agencyCode: randomUscc('320100'), ...LINK };
      const upper = {
        name: '江苏省',
        role: 'upper',
        baseUrl: province.url,
        regionCode: '320000',
        agencyCode: randomUscc('320000'),
        ...LINK,
      };
      for (const [session, body] of [
        [provinceAdmin, lower],
        [cityAdmin, upper],
      ] as const) {
        const res = await session.post('/api/v1/cascade/nodes', body);
        if (res.status !== 201) throw new Error(`registering a node failed: ${res.status} ${JSON.stringify(res.body)}`);
      }
      // Let the backfill of each node's demo catalog drain before measuring.
      await waitFor(async () => {
        const nodes = (await cityAdmin.get('/api/v1/cascade/nodes')).body.items as { queueLength: number }[];
        return nodes.every((n) => n.queueLength === 0);
      }, 120_000);

      const upperLag: number[] = [];
      const localLag: number[] = [];
      for (let i = 0; i < count; i++) {
        const name = `级联延迟测量-${Date.now()}-${i}`;
        await publishOverHttp(officer, reviewer, name);
        const published = performance.now();
        const local = await timeUntilFound(cityAdmin, name, published);
        const remote = await timeUntilFound(provinceAdmin, name, published);
        localLag.push(local);
        upperLag.push(remote);
        if ((i + 1) % 10 === 0)
          ctx.log(`${i + 1}/${count}: last lag ${remote.toFixed(3)} s at the province, ${local.toFixed(3)} s locally`);
      }
      return { value: p95(upperLag), baseline: { name: 'found in the city’s own search (same polling)', value: p95(localLag) } };
    } finally {
      await Promise.all([province.stop(), city.stop()]);
    }
  },
};

async function timeUntilFound(session: HttpSession, name: string, since: number): Promise<number> {
  await waitFor(async () => {
    const res = await session.get(`/api/v1/catalog/entries?facets=false&limit=5&q=${encodeURIComponent(name)}`);
    return (res.body.items as { name: string }[]).some((i) => i.name === name);
  }, 30_000);
  return (performance.now() - since) / 1000;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}
