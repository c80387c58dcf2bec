import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB, UserTable } from '../../db/schema';
import { escapeLike } from '../../db/like';

type Q = Kysely<DB> | Transaction<DB>;
export type UserRow = Selectable<UserTable>;
export type UserWithRoles = UserRow & { department_name: string; roles: string[] };

export interface UserFilter {
  departmentIds: readonly string[] | null;
  q?: string | undefined;
  departmentId?: string | undefined;
  role?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}

function withRoles(db: Q) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('department as d', 'd.id', 'u.department_id')
    .selectAll('u')
    .select('d.name as department_name')
    .select(
      sql<
        string[]
      >`coalesce((select array_agg(r.code order by r.code) from user_role ur join role r on r.id = ur.role_id where ur.user_id = u.id), '{}')`.as(
        'roles',
      ),
    );
}

/** Every SQL statement about users. */
export const usersRepository = {
  findByLogin(db: Q, login: string): Promise<UserRow | undefined> {
    return db
      .selectFrom('app_user')
      .selectAll()
      .where(sql`lower(login)`, '=', login.toLowerCase())
      .executeTakeFirst();
  },
  findById(db: Q, id: string): Promise<UserWithRoles | undefined> {
    return withRoles(db).where('u.id', '=', id).executeTakeFirst();
  },
  async list(db: Q, f: UserFilter): Promise<{ rows: UserWithRoles[]; total: number }> {
    let query = withRoles(db);
    if (f.departmentIds)
      query = query.where(
        'u.department_id',
        'in',
        f.departmentIds.length ? [...f.departmentIds] : ['00000000-0000-0000-0000-000000000000'],
      );
    if (f.departmentId) query = query.where('u.department_id', '=', f.departmentId);
    if (f.status) query = query.where('u.status', '=', f.status as 'active' | 'disabled');
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      query = query.where((eb) => eb.or([eb('u.login', 'ilike', like), eb('u.display_name', 'ilike', like), eb('u.phone', 'like', like)]));
    }
    if (f.role)
      query = query.where(
        sql<boolean>`exists (select 1 from user_role ur join role r on r.id = ur.role_id where ur.user_id = u.id and r.code = ${f.role})`,
      );
    const [rows, count] = await Promise.all([
      query.orderBy('u.login').limit(f.limit).offset(f.offset).execute(),
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  insert(
    db: Q,
    values: {
      login: string;
      display_name: string;
      department_id: string;
      phone: string | null;
      email: string | null;
      password_hash: string;
      must_change_password: boolean;
      status?: 'active' | 'disabled';
    },
  ) {
    return db
      .insertInto('app_user')
      .values({ status: 'active', ...values })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  update(db: Q, id: string, version: number, values: Updateable<UserTable>) {
    return db
      .updateTable('app_user')
      .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  /** Updates without a version check: login counters and password changes by the user themself. */
  patch(db: Q, id: string, values: Updateable<UserTable>) {
    return db.updateTable('app_user').set(values).where('id', '=', id).executeTakeFirst();
  },
  async setRoles(db: Q, userId: string, roleIds: string[]) {
    await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
    if (roleIds.length)
      await db
        .insertInto('user_role')
        .values(roleIds.map((role_id) => ({ user_id: userId, role_id })))
        .execute();
  },
  /** Role codes and the union of their permissions. */
  async grants(db: Q, userId: string): Promise<{ roles: string[]; permissions: string[] }> {
    const rows = await db
      .selectFrom('user_role as ur')
      .innerJoin('role as r', 'r.id', 'ur.role_id')
      .select(['r.code', 'r.permissions'])
      .where('ur.user_id', '=', userId)
      .orderBy('r.code')
      .execute();
    return grantsOf(rows);
  },
};

/** Roles in code order (as read) and the union of their permissions, sorted and distinct. */
export function grantsOf(rows: readonly { code: string; permissions: string[] }[]): { roles: string[]; permissions: string[] } {
  return { roles: rows.map((r) => r.code), permissions: [...new Set(rows.flatMap((r) => r.permissions))].sort() };
}
