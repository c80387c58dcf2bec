import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

const DEMO_CONSUMER = { APP_KEY: 'sydemoconsumer01', APP_SECRET: 'Demo-Consumer-Secret-2026' };
/** Whether a tool is here; where CI requires every service (REQUIRE_SERVICES=1), a missing one fails its test instead. */
const has = (command: string, args: string[]) => {
  if (process.env.REQUIRE_SERVICES === '1') return true;
  try {
    execFileSync(command, args, { stdio: 'pipe' });
    return true;
  } catch {
    console.warn(`[tests] gateway samples: skipped the one needing \`${command}\`, which is missing here`);
    return false;
  }
};

/** The signing samples a consumer copies from the API's documentation, run as they are against a live server. */
describe('the gateway signing samples', () => {
  const baseUrl = inject('baseUrl');
  const dir = mkdtempSync(join(tmpdir(), 'shuyuan-samples-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function samples() {
    const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'developer', password: 'Shuyuan@2026' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const grants = (await (await fetch(`${baseUrl}/api/v1/exchange/grants?role=consumer`, { headers: { cookie } })).json()) as {
      items: { entryName: string; apiId: string; appKey: string }[];
    };
    const grant = grants.items.find((g) => g.entryName === '人口基本信息' && g.appKey === DEMO_CONSUMER.APP_KEY)!;
    return (await (await fetch(`${baseUrl}/api/v1/exchange/apis/${grant.apiId}/samples`, { headers: { cookie } })).json()) as Record<
      string,
      string
    >;
  }

  /** The sample's output must be one masked person: 6 + 8 stars + 4 of the ID number. */
  const expectMaskedPerson = (output: string) => {
    expect(output).toMatch(/"id_number": ?"\d{6}\*{8}[\dX]{4}"|'id_number': '\d{6}\*{8}[\dX]{4}'/);
    expect(output).not.toMatch(/household_no/);
  };

  it.runIf(has('openssl', ['list', '-digest-algorithms']) && has('curl', ['--version']))('curl with OpenSSL', async () => {
    const file = join(dir, 'lookup.sh');
    writeFileSync(file, (await samples()).curl!);
    expectMaskedPerson(execFileSync('bash', [file], { env: { ...process.env, ...DEMO_CONSUMER } }).toString('utf8'));
  });

  it.runIf(has('python3', ['-c', "import hashlib, requests; hashlib.new('sm3')"]))('Python', async () => {
    const file = join(dir, 'lookup.py');
    writeFileSync(file, (await samples()).python!);
    expectMaskedPerson(execFileSync('python3', [file], { env: { ...process.env, ...DEMO_CONSUMER } }).toString('utf8'));
  });

  it('TypeScript', async () => {
    const file = join(dir, 'lookup.mts');
    writeFileSync(file, (await samples()).typescript!);
    const out = execFileSync(process.execPath, ['--import', 'tsx', file], {
      env: { ...process.env, ...DEMO_CONSUMER },
      cwd: process.cwd(),
    });
    expectMaskedPerson(out.toString('utf8'));
    expect(out.toString('utf8')).toContain('"status":200');
  });
});
