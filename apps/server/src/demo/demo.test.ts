import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isValidDivisionCode, isValidUscc } from '@shuyuan/contracts';
import type { AppServices } from '../app';
import { SealedBox } from '../platform/crypto/provider';
import { createTestDatabase, describeEachEngine } from '../../test/databases';
import { buildTestApp, loginAs } from '../../test/factories';
import { client } from '../../test/client';
import { DEFAULT_SEED, demoLogins, isEmpty, loadDemo } from './demo';
import { PROVINCIAL_DEPARTMENTS } from './demo-data';

const box = new SealedBox(Buffer.alloc(32, 7));

describeEachEngine('demo data', (get, engine) => {
  let dataDir: string;
  let counts: Record<string, number>;
  let app: FastifyInstance;
  let services: AppServices;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-demo-'));
    expect(await isEmpty(get().db)).toBe(true);
    counts = await loadDemo(get().db, { box, dataDir });
    ({ app, services } = await buildTestApp(get()));
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loads into a fresh database, marks demo mode and writes demo.json', async () => {
    expect(await isEmpty(get().db)).toBe(false);
    const departments = await get()
      .db.selectFrom('department')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(departments.n)).toBe(counts.departments);
    expect(counts.users).toBeGreaterThan(counts.departments!);
    expect(counts.apps).toBeGreaterThan(0);
    const setting = await get().db.selectFrom('platform_setting').select('value').where('key', '=', 'demo').executeTakeFirstOrThrow();
    expect(setting.value).toMatchObject({ seed: DEFAULT_SEED, scale: 'small' });
    const file = join(dataDir, 'demo.json');
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ seed: DEFAULT_SEED, scale: 'small' });
    const audit = await get()
      .db.selectFrom('audit_event')
      .select(['actor_login', 'details'])
      .where('action', '=', 'platform.demo.load')
      .execute();
    expect(audit).toEqual([{ actor_login: 'demo', details: expect.objectContaining({ seed: DEFAULT_SEED, counts }) }]);
  });

  it('has one province, at least 40 provincial departments and 3 cities under it', async () => {
    const rows = await get().db.selectFrom('department').select(['id', 'parent_id', 'level', 'name']).execute();
    const roots = rows.filter((d) => d.parent_id === null);
    expect(roots.map((r) => r.name)).toEqual(['江苏省人民政府']);
    const underProvince = rows.filter((d) => d.parent_id === roots[0]!.id);
    const provincial = underProvince.filter((d) => d.level === 'province');
    const cities = underProvince.filter((d) => d.level === 'city');
    expect(provincial.length).toBeGreaterThanOrEqual(40);
    expect(provincial).toHaveLength(PROVINCIAL_DEPARTMENTS.length);
    expect(cities.map((c) => c.name).sort()).toEqual(['南京市人民政府', '无锡市人民政府', '苏州市人民政府'].sort());
    for (const city of cities) expect(rows.filter((d) => d.parent_id === city.id).length).toBeGreaterThan(0);
  });

  it('gives every department a valid, unique credit code registered in its division', async () => {
    const rows = await get().db.selectFrom('department').select(['agency_code', 'division_code']).execute();
    for (const row of rows) {
      expect(isValidUscc(row.agency_code), row.agency_code).toBe(true);
      expect(isValidDivisionCode(row.division_code)).toBe(true);
      expect(row.agency_code.slice(2, 8)).toBe(row.division_code);
      expect(row.agency_code.slice(0, 2)).toBe('11');
    }
    expect(new Set(rows.map((r) => r.agency_code)).size).toBe(rows.length);
  });

  it('lets every demo login log in with its password and hold its role', async () => {
    const logins = demoLogins();
    expect(logins.map((l) => l.role).sort()).toEqual([
      'analyst',
      'auditor',
      'bureau_reviewer',
      'data_officer',
      'department_user',
      'developer',
      'platform_admin',
    ]);
    for (const demo of logins) {
      const session = await loginAs(app, demo.login, demo.password);
      const me = await client(app, session).get('/api/v1/auth/me');
      expect(me.statusCode).toBe(200);
      expect(me.json().roles).toEqual([demo.role]);
      expect(me.json().user).toMatchObject({ login: demo.login, departmentName: demo.department, mustChangePassword: false });
    }
  });

  it('seals the demo application secrets so the gateway can open them', async () => {
    const apps = await get().db.selectFrom('client_app').select('app_key').execute();
    expect(apps).toHaveLength(counts.apps! + counts.consumerApps!);
    for (const { app_key } of apps) expect(await services.apps.activeSecrets(get().db, app_key)).toHaveLength(1);
  });

  it('loads the same departments and people for the same seed into another fresh database', async () => {
    const second = await createTestDatabase(engine);
    const otherDir = mkdtempSync(join(tmpdir(), 'shuyuan-demo-'));
    try {
      await loadDemo(second.db, { box, dataDir: otherDir, seed: DEFAULT_SEED });
      const snapshot = async (db: typeof second.db) => ({
        departments: await db.selectFrom('department').select(['name', 'agency_code']).orderBy('name').execute(),
        users: await db.selectFrom('app_user').select(['login', 'display_name', 'phone']).orderBy('login').execute(),
        apps: await db.selectFrom('client_app').select(['name', 'app_key']).orderBy('name').execute(),
      });
      const [a, b] = [await snapshot(get().db), await snapshot(second.db)];
      expect(b.departments).toEqual(a.departments);
      expect(b.users).toEqual(a.users);
      expect(b.apps).toEqual(a.apps);
    } finally {
      await second.drop();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('loads different codes and names for another seed', async () => {
    const third = await createTestDatabase(engine);
    const otherDir = mkdtempSync(join(tmpdir(), 'shuyuan-demo-'));
    try {
      await loadDemo(third.db, { box, dataDir: otherDir, seed: DEFAULT_SEED + 1 });
      const codes = async (db: typeof third.db) =>
        (await db.selectFrom('department').select('agency_code').orderBy('name').execute()).map((r) => r.agency_code);
      expect(await codes(third.db)).not.toEqual(await codes(get().db));
    } finally {
      await third.drop();
      rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
