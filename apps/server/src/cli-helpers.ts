import type { Kysely } from 'kysely';
import type { DB } from './db/schema';
import type { RequestContext } from './modules/identity';
import { resetPassword } from './modules/identity/users.service';

/** Finds a department by id, agency code or exact name; throws a readable error otherwise. */
export async function resolveDepartment(db: Kysely<DB>, ref: string): Promise<string> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(ref);
  const rows = await db
    .selectFrom('department')
    .select(['id', 'name'])
    .where((eb) => eb.or([...(isUuid ? [eb('id', '=', ref)] : []), eb('agency_code', '=', ref), eb('name', '=', ref)]))
    .execute();
  if (rows.length === 1) return rows[0]!.id;
  throw new Error(
    rows.length
      ? `"${ref}" names several departments: use the agency code`
      : `no department "${ref}" (give its id, agency code or full name)`,
  );
}

/** Resets a user's password from the command line. */
export function resetPasswordByLogin(ctx: RequestContext, userId: string) {
  return resetPassword(ctx, userId);
}
