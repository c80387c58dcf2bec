import type { ServerSpec } from './server';

/** The platform as an operator starts it: `shuyuan serve --demo` on a fresh PGlite data directory. */
export function shuyuanDemoServer(): ServerSpec {
  return {
    label: 'shuyuan serve --demo',
    args: ['apps/server/bin/shuyuan.js', 'serve', '--demo'],
    env: { LOG_LEVEL: 'warn' },
    freshDataDir: true,
  };
}

/** The runtime's floor: a bare Fastify script with /healthz and /readyz, loaded through tsx like the platform. */
export function bareFastifyServer(): ServerSpec {
  return {
    label: 'bare Fastify',
    args: ['--import', 'tsx', 'bench/baselines/bare-fastify.ts'],
  };
}
