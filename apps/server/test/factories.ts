import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { usccCheckChar, orgCodeCheckChar } from '@shuyuan/contracts';
import type { DB } from '../src/db/schema';
import type { Database } from '../src/db/database';
import { buildApp, type AppOptions, type AppServices } from '../src/app';
import { hashPassword } from '../src/platform/crypto/password';

export const TEST_PASSWORD = 'Test#Passw0rd';
const passwordHash = hashPassword(TEST_PASSWORD);

/** A valid 统一社会信用代码, different on every call. */
export function randomUscc(division = '320000'): string {
  const body = randomBytes(4)
    .toString('hex')
    .toUpperCase()
    .replace(/[^0-9]/g, '7')
    .slice(0, 8)
    .padEnd(8, '1');
  const org = body + orgCodeCheckChar(body);
  const first17 = `11${division}${org}`;
  return first17 + usccCheckChar(first17);
}

const unique = () => randomBytes(4).toString('hex');

/** A department with overridable fields (Outline's buildX(overrides) pattern). */
export async function buildDepartment(
  db: Kysely<DB>,
  overrides: Partial<{ name: string; parentId: string | null; level: 'province' | 'city' | 'county'; divisionCode: string }> = {},
) {
  return db
    .insertInto('department')
    .values({
      name: overrides.name ?? `测试厅-${unique()}`,
      parent_id: overrides.parentId ?? null,
      level: overrides.level ?? 'province',
      division_code: overrides.divisionCode ?? '320000',
      agency_code: randomUscc(overrides.divisionCode ?? '320000'),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A user with roles; the password is TEST_PASSWORD and needs no change unless asked. */
export async function buildUser(
  db: Kysely<DB>,
  overrides: Partial<{
    login: string;
    departmentId: string;
    roles: string[];
    mustChangePassword: boolean;
    status: 'active' | 'disabled';
  }> = {},
) {
  const departmentId = overrides.departmentId ?? (await buildDepartment(db)).id;
  const login = overrides.login ?? `u${unique()}`;
  const user = await db
    .insertInto('app_user')
    .values({
      login,
      display_name: `用户${login}`,
      department_id: departmentId,
      phone: null,
      email: null,
      status: overrides.status ?? 'active',
      password_hash: await passwordHash,
      must_change_password: overrides.mustChangePassword ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const roles = overrides.roles ?? ['department_user'];
  if (roles.length) {
    const ids = await db.selectFrom('role').select('id').where('code', 'in', roles).execute();
    await db
      .insertInto('user_role')
      .values(ids.map((r) => ({ user_id: user.id, role_id: r.id })))
      .execute();
  }
  return { ...user, password: TEST_PASSWORD };
}

/** The app on a test database, without logs or a web bundle. */
export async function buildTestApp(
  database: Database,
  overrides: Partial<Omit<AppOptions, 'database'>> = {},
): Promise<{ app: FastifyInstance; services: AppServices }> {
  // No table-job worker polling in the background unless a test asks: tests drive it with runOnce().
  const built = await buildApp({ database, masterKey: Buffer.alloc(32, 7), logger: false, jobWorker: false, ...overrides });
  await built.app.ready();
  return built;
}

/** A logged-in client: cookie and CSRF headers for inject calls. */
export interface Session {
  headers: Record<string, string>;
  cookie: string;
  csrf: string;
}

/** Logs in through the API and returns the headers that authenticate later requests. */
export async function loginAs(app: FastifyInstance, login: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`login of ${login} failed: ${res.statusCode} ${res.body}`);
  const cookies = res.cookies as { name: string; value: string }[];
  const session = cookies.find((c) => c.name === 'sy_session')!.value;
  const csrf = cookies.find((c) => c.name === 'sy_csrf')!.value;
  const cookie = `sy_session=${session}; sy_csrf=${csrf}`;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
