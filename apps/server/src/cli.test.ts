import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { randomUscc } from '../test/factories';

const BIN = fileURLToPath(new URL('../bin/shuyuan.js', import.meta.url));
const dirs: string[] = [];

function run(args: string[], dataDir: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, SHUYUAN_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'shuyuan-cli-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the shuyuan command on the embedded database', () => {
  it('refuses demo logins outside demo mode and says why', () => {
    const result = run(['demo', 'logins'], tempDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('demo mode');
  });

  it(
    'loads the demo, prints its logins as JSON lines, creates a user and an app, and refuses a second demo load',
    { timeout: 180_000 },
    () => {
      const dir = tempDir();
      const demo = run(['demo'], dir);
      expect(demo.code, demo.stderr).toBe(0);
      expect(demo.stdout).toContain('loaded demo data');

      const logins = run(['demo', 'logins'], dir);
      expect(logins.code).toBe(0);
      const lines = logins.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, string>);
      expect(lines.map((l) => l.role).sort()).toEqual([
        'analyst',
        'auditor',
        'bureau_reviewer',
        'data_officer',
        'department_user',
        'developer',
        'platform_admin',
      ]);
      for (const line of lines) expect(Object.keys(line).sort()).toEqual(['department', 'login', 'password', 'role']);

      const user = run(
        ['user', 'create', '--login', 'zhang.san', '--name', '张三', '--department', '江苏省公安厅', '--roles', 'data_officer'],
        dir,
      );
      expect(user.code, user.stderr).toBe(0);
      const created = JSON.parse(user.stdout) as { login: string; initialPassword: string; roles: string[] };
      expect(created).toMatchObject({ login: 'zhang.san', roles: ['data_officer'] });
      expect(created.initialPassword.length).toBeGreaterThanOrEqual(10);

      const duplicate = run(['user', 'create', '--login', 'ZHANG.SAN', '--name', '张三', '--department', '江苏省公安厅'], dir);
      expect(duplicate.code).toBe(1);
      expect(duplicate.stderr).toContain('DUPLICATE');

      const reset = run(['user', 'reset-password', 'zhang.san'], dir);
      expect(reset.code).toBe(0);
      expect(JSON.parse(reset.stdout).initialPassword).not.toBe(created.initialPassword);

      const app = run(['app', 'create', '--department', '江苏省公安厅', '--name', '治安管理系统'], dir);
      expect(app.code, app.stderr).toBe(0);
      expect(JSON.parse(app.stdout).appKey).toMatch(/^sy[0-9a-f]{18}$/);

      const again = run(['demo'], dir);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already holds data');
    },
  );

  it('refuses to open a data directory a live process holds, and says what to do', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'shuyuan.lock'),
      JSON.stringify({ pid: process.pid === 1 ? 2 : 1, command: 'serve', port: 8080, startedAt: new Date().toISOString() }),
    );
    const result = run(['migrate'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('in use by a Shuyuan server');
    expect(result.stderr).toContain('DATABASE_URL');
  });
  it('registers a cascade node, refuses bad options with their names, and lists the node', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const bad = run(['node', 'add', '--name', '南京市', '--role', 'sideways', '--url', 'not a url', '--region', '3201'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--role');
    expect(bad.stderr).toContain('--baseUrl');
    const args = (agencyCode: string) => [
      'node',
      'add',
      '--name',
      '南京市',
      '--role',
      'lower',
      '--url',
      'http://127.0.0.1:9/',
      '--region',
      '320100',
      '--agency-code',
      agencyCode,
      '--key',
      'cli-link',
      '--secret',
      'a-long-enough-link-secret',
    ];
    const valid = randomUscc('320100');
    const broken = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const refused = run(args(broken), dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--agencyCode');
    const added = run(args(valid), dir);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: '南京市', role: 'lower', regionCode: '320100', queueLength: 0 });
    const listed = run(['node', 'list'], dir);
    expect(listed.code).toBe(0);
    expect(
      listed.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).name),
    ).toEqual(['南京市']);
  });

  it('exports the evidence log and verifies it offline, failing on a changed, removed or reordered entry', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const added = run(
      [
        'node',
        'add',
        '--name',
        '苏州市',
        '--role',
        'lower',
        '--url',
        'http://127.0.0.1:9/',
        '--region',
        '320500',
        '--agency-code',
        randomUscc('320500'),
        '--key',
        'cli-evidence',
        '--secret',
        'a-long-enough-link-secret',
      ],
      dir,
    );
    expect(added.code, added.stderr).toBe(0); // an audited change: an entry of the log
    const file = join(dir, 'segment.json');
    const exported = run(['audit', 'export', '--out', file], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const segment = JSON.parse(readFileSync(file, 'utf8'));
    expect(segment.leaves.length).toBeGreaterThan(0);
    const verified = run(['audit', 'verify', file], dir);
    expect(verified.code, verified.stdout).toBe(0);
    expect(verified.stdout).toContain('OK');
    expect(run(['audit', 'verify'], dir).code).toBe(0);

    const tampered = (change: (leaves: { entry: string }[]) => void) => {
      const copy = JSON.parse(JSON.stringify(segment));
      change(copy.leaves);
      const path = join(dir, 'tampered.json');
      writeFileSync(path, JSON.stringify(copy));
      return run(['audit', 'verify', path], dir);
    };
    const changed = tampered((leaves) => (leaves[0]!.entry = leaves[0]!.entry.replace('苏州市', '无锡市')));
    expect(changed.code).toBe(3);
    expect(changed.stdout).toContain('PROBLEM');
    expect(tampered((leaves) => leaves.splice(0, 1)).code).toBe(3);
    if (segment.leaves.length > 1) expect(tampered((leaves) => leaves.reverse()).code).toBe(3);
    expect(run(['audit', 'verify', join(dir, 'missing.json')], dir).code).toBe(2);
  });
});
