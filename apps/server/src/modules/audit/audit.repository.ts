import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { escapeLike } from '../../db/like';

/** Filters of the audit log view. */
export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  outcome?: 'success' | 'failure' | undefined;
  departmentIds?: string[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

function filtered(db: Kysely<DB>, f: AuditFilter) {
  let q = db.selectFrom('audit_event as e').leftJoin('department as d', 'd.id', 'e.actor_department_id');
  if (f.actor) q = q.where('e.actor_login', 'ilike', `%${escapeLike(f.actor)}%`);
  if (f.action) q = q.where((eb) => eb.or([eb('e.action', '=', f.action!), eb('e.action', 'like', `${escapeLike(f.action!)}.%`)]));
  if (f.outcome) q = q.where('e.outcome', '=', f.outcome);
  if (f.departmentIds)
    q = q.where('e.actor_department_id', 'in', f.departmentIds.length ? f.departmentIds : ['00000000-0000-0000-0000-000000000000']);
  if (f.from) q = q.where('e.occurred_at', '>=', f.from);
  if (f.to) q = q.where('e.occurred_at', '<', f.to);
  return q;
}

const columns = [
  'e.id',
  'e.occurred_at',
  'e.actor_user_id',
  'e.actor_login',
  'e.actor_department_id',
  'd.name as actor_department_name',
  'e.action',
  'e.outcome',
  'e.target_type',
  'e.target_id',
  'e.target_label',
  'e.ip',
  'e.details',
] as const;

/** Every SQL statement of the audit log view. */
export const auditRepository = {
  async page(db: Kysely<DB>, f: AuditFilter, limit: number, offset: number) {
    const q = filtered(db, f);
    const [rows, count] = await Promise.all([
      q.select(columns).orderBy('e.id', 'desc').limit(limit).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  /** Rows in pages by id, newest first, for a streamed export. */
  batchBefore(db: Kysely<DB>, f: AuditFilter, beforeId: number | null, size: number) {
    let q = filtered(db, f).select(columns);
    if (beforeId !== null) q = q.where('e.id', '<', beforeId);
    return q.orderBy('e.id', 'desc').limit(size).execute();
  },
  async actions(db: Kysely<DB>): Promise<string[]> {
    const rows = await sql<{ action: string }>`select distinct action from audit_event order by action`.execute(db);
    return rows.rows.map((r) => r.action);
  },
};
