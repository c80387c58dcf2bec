import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who holds an embedded data directory. */
export interface LockInfo {
  pid: number;
  command: string;
  port?: number;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the directory, or null (a stale lock of a dead process is ignored). */
export function lockHolder(dataDir: string): LockInfo | null {
  const file = join(dataDir, 'shuyuan.lock');
  if (!existsSync(file)) return null;
  try {
    const info = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    return info.pid !== process.pid && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

/**
 * Takes the embedded database's data directory for this process. PGlite is one process per
 * directory: a second opener would corrupt it, so a second process is refused with a clear message.
 */
export function acquireDataDir(dataDir: string, command: string, port?: number): () => void {
  const holder = lockHolder(dataDir);
  if (holder) {
    const what =
      holder.command === 'serve'
        ? `a Shuyuan server (pid ${holder.pid}${holder.port ? `, port ${holder.port}` : ''})`
        : `\`shuyuan ${holder.command}\` (pid ${holder.pid})`;
    throw new DataDirBusyError(
      `The embedded database in ${dataDir} is in use by ${what}.\n` +
        'Only one process may open it at a time. Either stop that process and run this command again, ' +
        'do this through the running server (the web console or the HTTP API at /docs), ' +
        'or run both against a PostgreSQL server by setting DATABASE_URL.',
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'shuyuan.lock');
  const info: LockInfo = { pid: process.pid, command, ...(port ? { port } : {}), startedAt: new Date().toISOString() };
  writeFileSync(file, JSON.stringify(info) + '\n');
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const current = lockHolderRaw(file);
    if (current?.pid === process.pid) rmSync(file, { force: true });
  };
  process.once('exit', release);
  return release;
}

function lockHolderRaw(file: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

/** Raised when another live process holds the data directory. */
export class DataDirBusyError extends Error {}
