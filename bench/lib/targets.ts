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

/**
 * The platform over a province-scale catalog: `shuyuan demo --catalog N` on a fresh PGlite data
 * directory (the demo data plus N published entries), then `shuyuan serve` on it.
 */
export function shuyuanCatalogServer(entries: number): ServerSpec {
  return {
    label: `shuyuan serve (demo + ${entries} catalog entries)`,
    args: ['apps/server/bin/shuyuan.js', 'serve'],
    env: { LOG_LEVEL: 'warn' },
    freshDataDir: true,
    // About 2 ms an entry on PGlite; a slow machine gets ample room.
    setup: [{ args: ['apps/server/bin/shuyuan.js', 'demo', '--catalog', String(entries)], timeoutMs: 60_000 + entries * 20 }],
  };
}
