import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDir, DataDirBusyError, lockHolder, type LockInfo } from './data-dir-lock';

let dir: string;
const children: ChildProcess[] = [];
const lockFile = () => join(dir, 'shuyuan.lock');
const writeLock = (info: Partial<LockInfo> & { pid: number }) =>
  writeFileSync(lockFile(), JSON.stringify({ command: 'serve', startedAt: new Date().toISOString(), ...info }));

/** A live node process that does nothing until it is killed. */
async function liveProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise<void>((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  return child;
}

/** The pid of a process that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid!;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shuyuan-lock-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('takes a free directory and records this process', () => {
    const release = acquireDataDir(join(dir, 'nested'), 'migrate');
    const info = JSON.parse(readFileSync(join(dir, 'nested', 'shuyuan.lock'), 'utf8')) as LockInfo;
    expect(info).toMatchObject({ pid: process.pid, command: 'migrate' });
    expect(info.port).toBeUndefined();
    release();
  });

  it('refuses a second holder while a live server holds it, and says what to do', async () => {
    const child = await liveProcess();
    writeLock({ pid: child.pid!, command: 'serve', port: 8080 });
    expect(lockHolder(dir)).toMatchObject({ pid: child.pid, command: 'serve', port: 8080 });
    let error: unknown;
    try {
      acquireDataDir(dir, 'migrate');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataDirBusyError);
    const message = (error as Error).message;
    expect(message).toContain(dir);
    expect(message).toContain(`a Shuyuan server (pid ${child.pid}, port 8080)`);
    expect(message).toMatch(/stop that process and run this command again/);
    expect(message).toMatch(/DATABASE_URL/);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(child.pid);
  });

  it('names the command when the holder is not a server', async () => {
    const child = await liveProcess();
    writeLock({ pid: child.pid!, command: 'demo' });
    expect(() => acquireDataDir(dir, 'serve', 8080)).toThrow(`\`shuyuan demo\` (pid ${child.pid})`);
  });

  it('takes over the stale lock of a process that has exited', async () => {
    const pid = await deadPid();
    writeLock({ pid, command: 'serve', port: 8080 });
    expect(lockHolder(dir)).toBeNull();
    const release = acquireDataDir(dir, 'serve', 9090);
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, command: 'serve', port: 9090 });
    release();
  });

  it('treats an unreadable lock file as no lock', () => {
    writeFileSync(lockFile(), 'not json');
    expect(lockHolder(dir)).toBeNull();
    acquireDataDir(dir, 'migrate')();
  });

  it('removes the lock file on release, once, and not when another process has since taken it', async () => {
    const release = acquireDataDir(dir, 'migrate');
    expect(existsSync(lockFile())).toBe(true);
    release();
    expect(existsSync(lockFile())).toBe(false);
    release();

    const again = acquireDataDir(dir, 'migrate');
    const child = await liveProcess();
    writeLock({ pid: child.pid!, command: 'serve' });
    again();
    expect(existsSync(lockFile())).toBe(true);
    expect(lockHolder(dir)?.pid).toBe(child.pid);
  });
});
