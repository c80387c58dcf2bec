import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { Actor } from '../../platform/audit/audit-log';
import type { Principal } from '../../platform/auth/principal';

/** What a service call needs: the database, who acts, and (for user requests) their principal. */
export interface RequestContext {
  db: Kysely<DB>;
  actor: Actor;
  principal: Principal;
}
