import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { DB, DepartmentTable } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;
export type DepartmentRow = Selectable<DepartmentTable>;

/** Every SQL statement about departments. */
export const departmentsRepository = {
  list(db: Q): Promise<DepartmentRow[]> {
    return db.selectFrom('department').selectAll().orderBy('sort_order').orderBy('name').execute();
  },
  findById(db: Q, id: string): Promise<DepartmentRow | undefined> {
    return db.selectFrom('department').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** Ids of the department and everything below it. */
  async subtreeIds(db: Q, rootId: string): Promise<string[]> {
    const result = await sql<{ id: string }>`
      with recursive tree as (
        select id from department where id = ${rootId}
        union all
        select d.id from department d join tree t on d.parent_id = t.id
      ) select id from tree`.execute(db);
    return result.rows.map((r) => r.id);
  },
  insert(db: Q, values: Omit<DepartmentRow, 'id' | 'version' | 'created_at' | 'updated_at'>): Promise<DepartmentRow> {
    return db.insertInto('department').values(values).returningAll().executeTakeFirstOrThrow();
  },
  /** Updates when the version matches; undefined when it did not (stale or missing). */
  update(db: Q, id: string, version: number, values: Updateable<DepartmentTable>): Promise<DepartmentRow | undefined> {
    return db
      .updateTable('department')
      .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
  },
  async hasDependants(db: Q, id: string): Promise<boolean> {
    const row = await sql<{ n: number }>`
      select (select count(*) from department where parent_id = ${id})
           + (select count(*) from app_user where department_id = ${id})
           + (select count(*) from client_app where department_id = ${id}) as n`.execute(db);
    return (row.rows[0]?.n ?? 0) > 0;
  },
  delete(db: Q, id: string) {
    return db.deleteFrom('department').where('id', '=', id).executeTakeFirst();
  },
};
