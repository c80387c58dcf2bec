import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit, systemActor } from '../../platform/audit/audit-log';
import { builtinRoles } from './identity.permissions';

/**
 * Creates missing built-in roles and grants them permissions added by newer code. It never takes a
 * permission away: an administrator may have narrowed a built-in role on purpose.
 */
export async function syncBuiltinRoles(db: Kysely<DB>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('role').select(['id', 'code', 'permissions']).where('builtin', '=', true).execute();
    for (const def of builtinRoles) {
      const row = existing.find((r) => r.code === def.code);
      if (!row) {
        await trx
          .insertInto('role')
          .values({
            code: def.code,
            name_zh: def.nameZh,
            name_en: def.nameEn,
            description: def.description,
            builtin: true,
            permissions: [...def.permissions].sort(),
          })
          .execute();
        continue;
      }
      const stored = (
        await trx.selectFrom('platform_setting').select('value').where('key', '=', `role.seeded.${def.code}`).executeTakeFirst()
      )?.value as string[] | undefined;
      const seededBefore = new Set(stored ?? row.permissions);
      const added = def.permissions.filter((p) => !seededBefore.has(p) && !row.permissions.includes(p));
      if (added.length) {
        await trx
          .updateTable('role')
          .set({ permissions: [...row.permissions, ...added].sort() })
          .where('id', '=', row.id)
          .execute();
        await appendAudit(trx, systemActor(), {
          action: 'identity.role.update',
          targetType: 'role',
          targetId: row.id,
          targetLabel: def.code,
          details: { added, removed: [], reason: 'new built-in permissions' },
        });
      }
    }
    for (const def of builtinRoles) {
      const value = JSON.stringify([...def.permissions].sort());
      await trx
        .insertInto('platform_setting')
        .values({ key: `role.seeded.${def.code}`, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: new Date() }))
        .execute();
    }
  });
}
