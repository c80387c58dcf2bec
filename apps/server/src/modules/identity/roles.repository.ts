import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB, RoleTable } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;
export type RoleRow = Selectable<RoleTable> & { user_count: number };

/** Every SQL statement about roles. */
export const rolesRepository = {
  list(db: Q): Promise<RoleRow[]> {
    return db
      .selectFrom('role as r')
      .selectAll('r')
      .select(sql<number>`(select count(*) from user_role ur where ur.role_id = r.id)`.as('user_count'))
      .orderBy('r.builtin', 'desc')
      .orderBy('r.code')
      .execute();
  },
  findById(db: Q, id: string): Promise<RoleRow | undefined> {
    return db
      .selectFrom('role as r')
      .selectAll('r')
      .select(sql<number>`(select count(*) from user_role ur where ur.role_id = r.id)`.as('user_count'))
      .where('r.id', '=', id)
      .executeTakeFirst();
  },
  findByCodes(db: Q, codes: readonly string[]) {
    if (codes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('role')
      .select(['id', 'code'])
      .where('code', 'in', [...codes])
      .execute();
  },
  insert(db: Q, values: { code: string; name_zh: string; name_en: string; description: string; builtin: boolean; permissions: string[] }) {
    return db.insertInto('role').values(values).returning('id').executeTakeFirstOrThrow();
  },
  update(db: Q, id: string, version: number, values: { name_zh?: string; name_en?: string; description?: string; permissions?: string[] }) {
    return db
      .updateTable('role')
      .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  delete(db: Q, id: string) {
    return db.deleteFrom('role').where('id', '=', id).executeTakeFirst();
  },
};
