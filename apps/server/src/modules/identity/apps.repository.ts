import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

function withDetails(db: Q) {
  return db
    .selectFrom('client_app as a')
    .innerJoin('department as d', 'd.id', 'a.department_id')
    .selectAll('a')
    .select('d.name as department_name')
    .select(
      sql<{ id: string; hint: string; createdAt: string; revokedAt: string | null }[]>`coalesce((
        select json_agg(json_build_object('id', s.id, 'hint', s.secret_hint, 'createdAt', s.created_at, 'revokedAt', s.revoked_at) order by s.created_at)
        from app_secret s where s.app_id = a.id), '[]'::json)`.as('secrets'),
    );
}

export type AppRow = Awaited<ReturnType<ReturnType<typeof withDetails>['executeTakeFirstOrThrow']>>;

/** Every SQL statement about client applications and their secrets. */
export const appsRepository = {
  list(db: Q, departmentIds: readonly string[] | null, departmentId?: string) {
    let q = withDetails(db);
    if (departmentIds)
      q = q.where('a.department_id', 'in', departmentIds.length ? [...departmentIds] : ['00000000-0000-0000-0000-000000000000']);
    if (departmentId) q = q.where('a.department_id', '=', departmentId);
    return q.orderBy('d.name').orderBy('a.name').execute();
  },
  findById(db: Q, id: string) {
    return withDetails(db).where('a.id', '=', id).executeTakeFirst();
  },
  insert(db: Q, values: { department_id: string; name: string; app_key: string; description: string }) {
    return db
      .insertInto('client_app')
      .values({ ...values, status: 'active' })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  update(db: Q, id: string, version: number, values: { name?: string; description?: string; status?: 'active' | 'disabled' }) {
    return db
      .updateTable('client_app')
      .set({ ...values, version: sql`version + 1`, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst();
  },
  /** Locks the app row so that two rotations cannot both see one active secret. */
  lockApp(db: Q, id: string) {
    return db.selectFrom('client_app').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  },
  async countActiveSecrets(db: Q, appId: string): Promise<number> {
    const row = await db
      .selectFrom('app_secret')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('app_id', '=', appId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  insertSecret(db: Q, values: { app_id: string; secret_ciphertext: string; secret_hint: string }) {
    return db.insertInto('app_secret').values(values).returning(['id', 'created_at']).executeTakeFirstOrThrow();
  },
  revokeSecret(db: Q, appId: string, secretId: string) {
    return db
      .updateTable('app_secret')
      .set({ revoked_at: new Date() })
      .where('id', '=', secretId)
      .where('app_id', '=', appId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
  },
  /** Active secrets of an active application, by AppKey: what the gateway checks signatures with. */
  activeSecretsByKey(db: Q, appKey: string) {
    return db
      .selectFrom('client_app as a')
      .innerJoin('app_secret as s', 's.app_id', 'a.id')
      .select(['a.id as app_id', 'a.department_id', 's.id as secret_id', 's.secret_ciphertext'])
      .where('a.app_key', '=', appKey)
      .where('a.status', '=', 'active')
      .where('s.revoked_at', 'is', null)
      .execute();
  },
};
