import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';

type Q = Kysely<DB> | Transaction<DB>;

/** The user's roles with their permissions, read in the same statement as the session (one round trip per request); see `grantsOf`. */
const userGrants = sql<{ code: string; permissions: string[] }[]>`(
  select coalesce(json_agg(json_build_object('code', r.code, 'permissions', r.permissions) order by r.code), '[]'::json)
  from user_role ur join role r on r.id = ur.role_id where ur.user_id = u.id)`.as('grants');

/** Every SQL statement about sessions and personal access tokens. */
export const sessionsRepository = {
  insertSession(
    db: Q,
    values: { id: string; user_id: string; csrf_token: string; ip: string | null; user_agent: string | null; expires_at: Date },
  ) {
    return db.insertInto('user_session').values(values).execute();
  },
  /** The live session with its user and the user's grants, or undefined when expired, missing or the user is disabled. */
  findLiveSession(db: Q, id: string) {
    return db
      .selectFrom('user_session as s')
      .innerJoin('app_user as u', 'u.id', 's.user_id')
      .select([
        's.id',
        's.csrf_token',
        's.last_seen_at',
        'u.id as user_id',
        'u.login',
        'u.display_name',
        'u.department_id',
        'u.must_change_password',
        userGrants,
      ])
      .where('s.id', '=', id)
      .where('s.expires_at', '>', new Date())
      .where('u.status', '=', 'active')
      .executeTakeFirst();
  },
  touchSession(db: Q, id: string, expiresAt: Date) {
    return db.updateTable('user_session').set({ last_seen_at: new Date(), expires_at: expiresAt }).where('id', '=', id).execute();
  },
  deleteSession(db: Q, id: string) {
    return db.deleteFrom('user_session').where('id', '=', id).executeTakeFirst();
  },
  deleteUserSessions(db: Q, userId: string, exceptId?: string) {
    let q = db.deleteFrom('user_session').where('user_id', '=', userId);
    if (exceptId) q = q.where('id', '<>', exceptId);
    return q.executeTakeFirst();
  },
  deleteExpiredSessions(db: Q) {
    return db.deleteFrom('user_session').where('expires_at', '<=', new Date()).executeTakeFirst();
  },
  insertToken(
    db: Q,
    values: { user_id: string; name: string; token_hash: string; token_prefix: string; permissions: string[]; expires_at: Date | null },
  ) {
    return db.insertInto('access_token').values(values).returningAll().executeTakeFirstOrThrow();
  },
  listTokens(db: Q, userId: string) {
    return db.selectFrom('access_token').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  },
  findLiveToken(db: Q, tokenHash: string) {
    return db
      .selectFrom('access_token as t')
      .innerJoin('app_user as u', 'u.id', 't.user_id')
      .select([
        't.id',
        't.permissions',
        't.last_used_at',
        'u.id as user_id',
        'u.login',
        'u.display_name',
        'u.department_id',
        'u.must_change_password',
        userGrants,
      ])
      .where('t.token_hash', '=', tokenHash)
      .where('t.revoked_at', 'is', null)
      .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', new Date())]))
      .where('u.status', '=', 'active')
      .executeTakeFirst();
  },
  touchToken(db: Q, id: string) {
    return db.updateTable('access_token').set({ last_used_at: new Date() }).where('id', '=', id).execute();
  },
  revokeToken(db: Q, id: string, userId: string) {
    return db
      .updateTable('access_token')
      .set({ revoked_at: new Date() })
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
  },
  /** Counts one more failed login; returns the new count. */
  async countFailedLogin(db: Q, userId: string): Promise<number> {
    const row = await db
      .updateTable('app_user')
      .set({ failed_logins: sql`failed_logins + 1` })
      .where('id', '=', userId)
      .returning('failed_logins')
      .executeTakeFirstOrThrow();
    return row.failed_logins;
  },
};
