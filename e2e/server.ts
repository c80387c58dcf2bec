import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startServerProcess } from '../apps/server/test/processes';

export { freePort };

/** A Shuyuan server with demo data on a fresh embedded database, as `npm start` runs it. */
export interface RunningServer {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Starts `shuyuan serve --demo` on a free port and a fresh data directory, and waits until /readyz answers 200. */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-e2e-'));
  const server = await startServerProcess({ port: await freePort(), dataDir, demo: true, env });
  return {
    url: server.url,
    dataDir,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
