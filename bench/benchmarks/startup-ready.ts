import { startServer, type ServerSpec } from '../lib/server';
import { bareFastifyServer, shuyuanDemoServer } from '../lib/targets';
import { median } from '../lib/stats';
import type { BenchContext, Benchmark } from '../lib/types';

/** startup.ready: seconds from launch to the first 200 of /readyz, platform with demo data against a bare Fastify script. */
export const startupReady: Benchmark = {
  name: 'startup.ready',
  metric: 'seconds',
  goal: { op: '<=', value: 30, of: 'value', text: 'serves within 30 seconds of launch (PGlite, demo data loaded on first start)' },
  async run(ctx) {
    const runs = ctx.scale === 'full' ? 5 : 3;
    const platform: number[] = [];
    const bare: number[] = [];
    // Interleaved, so a busy spell on a shared machine lands on both sides rather than one.
    for (let i = 1; i <= runs; i++) {
      bare.push(await timeToReady(bareFastifyServer(), ctx));
      platform.push(await timeToReady(shuyuanDemoServer(), ctx));
      ctx.log(`run ${i}/${runs}: shuyuan ${platform.at(-1)?.toFixed(2)} s, bare Fastify ${bare.at(-1)?.toFixed(3)} s`);
    }
    return { value: median(platform), baseline: { name: 'bare Fastify script', value: median(bare) } };
  },
};

async function timeToReady(spec: ServerSpec, ctx: BenchContext): Promise<number> {
  const server = await startServer(spec, ctx.root);
  await server.stop();
  return server.readySeconds;
}
