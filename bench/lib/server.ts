import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from './port';
import { secondsSince } from './stats';

const POLL_MS = 50;
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

/** How to launch one server under test: a node command line run from the repository root. */
export interface ServerSpec {
  /** A short label for messages, e.g. 'shuyuan' or 'bare-fastify'. */
  label: string;
  /** The arguments to node: flags, the script, its arguments. */
  args: string[];
  /** Extra environment; PORT and HOST are always set by the harness. */
  env?: Record<string, string>;
  /** Give the child a fresh SHUYUAN_DATA_DIR under os.tmpdir(), removed on stop. */
  freshDataDir?: boolean;
  /**
   * Node command lines run one after the other before the server, with its environment and data
   * directory (e.g. loading demo data); each must exit 0. Not part of `readySeconds`.
   */
  setup?: { args: string[]; timeoutMs: number }[];
  /** The path polled until it answers 200; /readyz by default. */
  readyPath?: string;
  /** How long to wait for readiness before giving up; 180 s by default. */
  readyTimeoutMs?: number;
}

/** A started server that answered its readiness path. */
export interface RunningServer {
  label: string;
  port: number;
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  /** Seconds from spawn to the first 200 of the readiness path. */
  readySeconds: number;
  /** Stops the process (SIGTERM, SIGKILL after 5 s) and removes its data directory; safe to call twice. */
  stop(): Promise<void>;
}

interface Tracked {
  child: ChildProcess;
  dataDir: string | undefined;
}

// Children still running, so an interrupted or crashing run does not leave servers behind.
const live = new Set<Tracked>();
process.once('exit', () => {
  for (const t of live) {
    t.child.kill('SIGKILL');
    if (t.dataDir) rmSync(t.dataDir, { recursive: true, force: true });
  }
});

/** Spawns a server on a free port and waits (polling every 50 ms) until its readiness path answers 200. */
export async function startServer(spec: ServerSpec, root: string): Promise<RunningServer> {
  const port = await findFreePort();
  const dataDir = spec.freshDataDir ? await mkdtemp(join(tmpdir(), 'shuyuan-bench-')) : undefined;
  // The figures are for embedded PGlite in a fresh directory, whatever the caller's shell points at,
  // unless the spec itself names a database.
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: undefined, ...spec.env, PORT: String(port), HOST: '127.0.0.1' };
  if (env.DATABASE_URL === undefined) delete env.DATABASE_URL;
  if (dataDir) env.SHUYUAN_DATA_DIR = dataDir;
  try {
    for (const step of spec.setup ?? []) await runSetup(step, root, env, dataDir);
  } catch (error) {
    if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
    throw error;
  }

  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, spec.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const tracked: Tracked = { child, dataDir };
  live.add(tracked);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  let exitReason: string | undefined;
  void exited.then((reason) => {
    exitReason = reason;
  });

  const stop = async () => {
    if (live.has(tracked)) {
      if (exitReason === undefined) {
        child.kill('SIGTERM');
        const grace = sleep(STOP_GRACE_MS, 'timeout' as const);
        if ((await Promise.race([exited, grace])) === 'timeout') child.kill('SIGKILL');
        await exited;
      }
      live.delete(tracked);
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };

  const url = `http://127.0.0.1:${port}`;
  const readyPath = spec.readyPath ?? '/readyz';
  const deadline = Date.now() + (spec.readyTimeoutMs ?? 180_000);
  for (;;) {
    if (exitReason !== undefined) {
      await stop();
      throw new Error(`${spec.label} exited before it was ready (${exitReason}); its last output:\n${output.trimEnd()}`);
    }
    if ((await probe(port, readyPath)) === 200) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `${spec.label} was not ready on ${url}${readyPath} within ${spec.readyTimeoutMs ?? 180_000} ms; its last output:\n${output.trimEnd()}`,
      );
    }
    await sleep(POLL_MS);
  }
  const readySeconds = secondsSince(start);
  return { label: spec.label, port, url, readySeconds, stop };
}

// Runs one setup command to its end; throws with its last output when it fails or overruns.
async function runSetup(
  step: { args: string[]; timeoutMs: number },
  root: string,
  env: NodeJS.ProcessEnv,
  dataDir: string | undefined,
): Promise<void> {
  const child = spawn(process.execPath, step.args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  // Tracked with the data directory, so an interrupted run removes both.
  const tracked: Tracked = { child, dataDir };
  live.add(tracked);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const timer = setTimeout(() => child.kill('SIGKILL'), step.timeoutMs);
  const reason = await new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`));
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  clearTimeout(timer);
  live.delete(tracked);
  if (reason !== 'code 0')
    throw new Error(`setup \`node ${step.args.join(' ')}\` failed (${reason}); its last output:\n${output.trimEnd()}`);
}

/** Stops every server this process started and has not stopped yet. */
export async function stopAllServers(): Promise<void> {
  await Promise.all(
    [...live].map(async (t) => {
      t.child.kill('SIGKILL');
      live.delete(t);
      if (t.dataDir) await rm(t.dataDir, { recursive: true, force: true });
    }),
  );
}

// One GET on a fresh connection (no keep-alive, so stopping the server is not held up); 0 when it fails.
function probe(port: number, path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent: false, timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(0));
  });
}
