import type { DemoContext, DemoContributor } from '../../demo/demo';
import { mobile, organUscc, personName } from '../../demo/demo-random';
import { CITIES, CITY_DEPARTMENTS, DEMO_APPS, PROVINCE, PROVINCIAL_DEPARTMENTS } from '../../demo/demo-data';
import { hashPassword } from '../../platform/crypto/password';

/** The one password of every demo account (demo mode only). */
export const DEMO_PASSWORD = 'Shuyuan@2026';

/** One account per role, in departments where that role makes sense. */
export const demoRoleLogins = [
  { role: 'platform_admin', login: 'admin', department: '江苏省数据局', key: 'sjj' },
  { role: 'bureau_reviewer', login: 'reviewer', department: '江苏省数据局', key: 'sjj' },
  { role: 'data_officer', login: 'officer', department: '江苏省公安厅', key: 'gat' },
  { role: 'department_user', login: 'user', department: '江苏省人力资源和社会保障厅', key: 'rst' },
  { role: 'developer', login: 'developer', department: '江苏省市场监督管理局', key: 'scjgj' },
  { role: 'analyst', login: 'analyst', department: '江苏省数据局', key: 'sjj' },
  { role: 'auditor', login: 'auditor', department: '江苏省审计厅', key: 'sjt' },
] as const;

async function insertDepartment(
  ctx: DemoContext,
  key: string,
  values: {
    parentKey: string | null;
    name: string;
    shortName: string | null;
    level: 'province' | 'city' | 'county';
    divisionCode: string;
    sortOrder: number;
  },
) {
  const row = await ctx.trx
    .insertInto('department')
    .values({
      parent_id: values.parentKey ? ctx.ids.get(`department:${values.parentKey}`)! : null,
      name: values.name,
      short_name: values.shortName,
      level: values.level,
      division_code: values.divisionCode,
      agency_code: organUscc(ctx.rng, values.divisionCode),
      sort_order: values.sortOrder,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.ids.set(`department:${key}`, row.id);
}

async function loadDepartments(ctx: DemoContext): Promise<string[]> {
  await insertDepartment(ctx, 'province', {
    parentKey: null,
    name: `${PROVINCE.name}人民政府`,
    shortName: PROVINCE.name,
    level: 'province',
    divisionCode: PROVINCE.divisionCode,
    sortOrder: 0,
  });
  const keys: string[] = [];
  for (const [i, [key, name]] of PROVINCIAL_DEPARTMENTS.entries()) {
    await insertDepartment(ctx, key, {
      parentKey: 'province',
      name,
      shortName: name.replace(/^(国家税务总局)?江苏省/, ''),
      level: 'province',
      divisionCode: PROVINCE.divisionCode,
      sortOrder: i + 1,
    });
    keys.push(key);
  }
  for (const [i, city] of CITIES.entries()) {
    await insertDepartment(ctx, city.key, {
      parentKey: 'province',
      name: `${city.name}人民政府`,
      shortName: city.name,
      level: 'city',
      divisionCode: city.divisionCode,
      sortOrder: 100 + i,
    });
    for (const [j, [key, suffix]] of CITY_DEPARTMENTS.entries()) {
      await insertDepartment(ctx, `${city.key}.${key}`, {
        parentKey: city.key,
        name: `${city.name}${suffix}`,
        shortName: suffix,
        level: 'city',
        divisionCode: city.divisionCode,
        sortOrder: j + 1,
      });
      keys.push(`${city.key}.${key}`);
    }
  }
  return keys;
}

async function insertUser(ctx: DemoContext, hash: string, login: string, departmentKey: string, roleCodes: string[], displayName?: string) {
  const { id } = await ctx.trx
    .insertInto('app_user')
    .values({
      login,
      display_name: displayName ?? personName(ctx.rng),
      department_id: ctx.ids.get(`department:${departmentKey}`)!,
      phone: mobile(ctx.rng),
      email: `${login}@demo.shuyuan.gov.cn`,
      status: 'active',
      password_hash: hash,
      must_change_password: false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const roles = await ctx.trx.selectFrom('role').select('id').where('code', 'in', roleCodes).execute();
  await ctx.trx
    .insertInto('user_role')
    .values(roles.map((r) => ({ user_id: id, role_id: r.id })))
    .execute();
}

/** Departments of a province and three cities, users for every role, and client applications. */
export const identityDemo: DemoContributor = {
  name: 'identity',
  async load(ctx) {
    const departmentKeys = await loadDepartments(ctx);
    // Every demo account shares one password, so it is hashed once (a real install never does this).
    const hash = await hashPassword(DEMO_PASSWORD);
    let users = 0;
    for (const account of demoRoleLogins) {
      await insertUser(ctx, hash, account.login, account.key, [account.role]);
      users++;
    }
    const perDepartment = ctx.scale === 'full' ? 20 : 0;
    for (const key of departmentKeys) {
      await insertUser(ctx, hash, `${key}.officer`, key, ['data_officer']);
      await insertUser(ctx, hash, `${key}.user`, key, ['department_user']);
      users += 2;
      for (let i = 1; i <= perDepartment; i++) {
        await insertUser(ctx, hash, `${key}.u${String(i).padStart(3, '0')}`, key, ['department_user']);
        users++;
      }
    }
    for (const [departmentKey, name, description] of DEMO_APPS) {
      const appKey = `sy${ctx.rng.hex(9)}`;
      const { id } = await ctx.trx
        .insertInto('client_app')
        .values({ department_id: ctx.ids.get(`department:${departmentKey}`)!, name, app_key: appKey, description, status: 'active' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const secret = Buffer.from(ctx.rng.hex(32), 'hex').toString('base64url');
      await ctx.trx
        .insertInto('app_secret')
        .values({ app_id: id, secret_ciphertext: ctx.box.seal(secret), secret_hint: `…${secret.slice(-4)}` })
        .execute();
      ctx.ids.set(`app:${name}`, id);
      ctx.apps.push({ app: name, key: appKey, secret, resources: [] });
    }
    return { departments: departmentKeys.length + 1 + CITIES.length, users, apps: DEMO_APPS.length };
  },
};
