import { loadSeconds, runLoad, warmUpSeconds } from '../lib/load';
import { startServer } from '../lib/server';
import { median } from '../lib/stats';
import { bareFastifyServer, shuyuanDemoServer } from '../lib/targets';
import type { Benchmark } from '../lib/types';

/** http.healthz: autocannon requests/s of GET /healthz on the platform against a bare Fastify route in another process. */
export const httpHealthz: Benchmark = {
  name: 'http.healthz',
  metric: 'requests/s',
  goal: { op: '>=', value: 0.5, of: 'ratio', text: "the platform's hooks (cookies, auth) cost at most half of a bare route's throughput" },
  async run(ctx) {
    const seconds = loadSeconds(ctx.scale);
    const rounds = ctx.scale === 'full' ? 3 : 2;
    const platform = await startServer(shuyuanDemoServer(), ctx.root);
    try {
      const bare = await startServer(bareFastifyServer(), ctx.root);
      try {
        ctx.log(`both servers ready; warming up ${warmUpSeconds(ctx.scale)} s each`);
        await runLoad(`${bare.url}/healthz`, warmUpSeconds(ctx.scale));
        await runLoad(`${platform.url}/healthz`, warmUpSeconds(ctx.scale));
        const platformRates: number[] = [];
        const bareRates: number[] = [];
        // Alternated (baseline, platform, baseline, platform …) so drift on a shared machine hits both.
        for (let i = 1; i <= rounds; i++) {
          bareRates.push((await runLoad(`${bare.url}/healthz`, seconds)).requestsPerSecond);
          platformRates.push((await runLoad(`${platform.url}/healthz`, seconds)).requestsPerSecond);
          ctx.log(
            `round ${i}/${rounds} (${seconds} s each): shuyuan ${Math.round(platformRates.at(-1) ?? 0)} req/s, bare ${Math.round(bareRates.at(-1) ?? 0)} req/s`,
          );
        }
        return { value: median(platformRates), baseline: { name: 'bare Fastify GET /healthz', value: median(bareRates) } };
      } finally {
        await bare.stop();
      }
    } finally {
      await platform.stop();
    }
  },
};
