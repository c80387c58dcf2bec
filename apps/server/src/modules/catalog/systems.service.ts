import { ErrorCode, Permission } from '@shuyuan/contracts';
import { sql, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { InfoSystemTable } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { can } from '../../platform/auth/principal';
import { badRequest, conflict, forbidden, notFound, rethrowUnique } from '../../platform/errors';
import { departmentScope, type RequestContext } from '../identity';
import type { InfoSystemCreate, InfoSystemUpdate, SystemQuery } from './catalog.schemas';
import { escapeLike } from '../../db/like';

type SystemRow = Selectable<InfoSystemTable> & { department_name: string; entry_count: number };

function toSystem(row: SystemRow) {
  return {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    name: row.name,
    status: row.status,
    onGovCloud: row.on_gov_cloud,
    description: row.description,
    entryCount: Number(row.entry_count),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const uniqueFields = { info_system_department_id_name_key: 'name' };

function selectSystems(ctx: RequestContext) {
  return ctx.db
    .selectFrom('info_system as s')
    .innerJoin('department as d', 'd.id', 's.department_id')
    .selectAll('s')
    .select('d.name as department_name')
    .select(sql<number>`(select count(*) from catalog_entry_system l where l.system_id = s.id)`.as('entry_count'));
}

/**
 * The information systems registry is readable by every catalog reader (an entry page links its
 * systems); each department maintains its own systems.
 */
export async function listSystems(ctx: RequestContext, query: z.infer<typeof SystemQuery>) {
  let qb = selectSystems(ctx);
  if (query.departmentId) qb = qb.where('s.department_id', '=', query.departmentId);
  if (query.status) qb = qb.where('s.status', '=', query.status);
  if (query.q) qb = qb.where('s.name', 'ilike', `%${escapeLike(query.q)}%`);
  return (await qb.orderBy('d.name').orderBy('s.name').limit(1000).execute()).map(toSystem);
}

export async function getSystem(ctx: RequestContext, id: string) {
  const row = await selectSystems(ctx).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('information system');
  return toSystem(row);
}

/** The entries linked to a system (the system side of 目录—数据—系统), as the caller may see them. */
export async function systemEntries(ctx: RequestContext, id: string) {
  await getSystem(ctx, id);
  const rows = await ctx.db
    .selectFrom('catalog_entry_system as l')
    .innerJoin('catalog_entry as e', 'e.id', 'l.entry_id')
    .select(['e.id', 'e.code', 'e.name', 'e.status'])
    .where('l.system_id', '=', id)
    .where('e.status', 'in', ['published', 'change_review', 'retire_review'])
    .orderBy('e.code')
    .execute();
  return rows;
}

async function assertManages(ctx: RequestContext, departmentId: string) {
  if (!can(ctx.principal, Permission.SystemManage)) throw forbidden(ErrorCode.Forbidden, { permission: Permission.SystemManage });
  const scope = await departmentScope(ctx.db, ctx.principal);
  if (scope && !scope.has(departmentId)) throw forbidden(ErrorCode.Forbidden, { reason: 'outside the departments you manage' });
}

export async function createSystem(ctx: RequestContext, input: z.infer<typeof InfoSystemCreate>) {
  const departmentId = input.departmentId ?? ctx.principal.departmentId;
  await assertManages(ctx, departmentId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const department = await trx.selectFrom('department').select('id').where('id', '=', departmentId).executeTakeFirst();
    if (!department) throw badRequest(ErrorCode.ValidationFailed, { field: 'departmentId', reason: 'no such department' });
    const row = await trx
      .insertInto('info_system')
      .values({
        department_id: departmentId,
        name: input.name,
        status: input.status,
        on_gov_cloud: input.onGovCloud,
        description: input.description,
      })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => rethrowUnique(e, uniqueFields));
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.system.create',
      targetType: 'info_system',
      targetId: row.id,
      targetLabel: row.name,
    });
    return row.id;
  });
  return getSystem(ctx, id);
}

export async function updateSystem(ctx: RequestContext, id: string, input: z.infer<typeof InfoSystemUpdate>) {
  const current = await getSystem(ctx, id);
  await assertManages(ctx, current.departmentId);
  await ctx.db.transaction().execute(async (trx) => {
    const { version, ...changes } = input;
    const values = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.onGovCloud !== undefined ? { on_gov_cloud: changes.onGovCloud } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
    };
    const row = await trx
      .updateTable('info_system')
      .set({ ...values, version: version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning('id')
      .executeTakeFirst()
      .catch((e: unknown) => rethrowUnique(e, uniqueFields));
    if (!row) throw conflict(ErrorCode.VersionConflict, { current });
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.system.update',
      targetType: 'info_system',
      targetId: id,
      targetLabel: changes.name ?? current.name,
      details: { changed: Object.keys(values) },
    });
  });
  return getSystem(ctx, id);
}

export async function deleteSystem(ctx: RequestContext, id: string) {
  const current = await getSystem(ctx, id);
  await assertManages(ctx, current.departmentId);
  await ctx.db.transaction().execute(async (trx) => {
    if (current.entryCount > 0) throw conflict(ErrorCode.Conflict, { reason: 'catalog entries still link this system' });
    await trx.deleteFrom('info_system').where('id', '=', id).execute();
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.system.delete',
      targetType: 'info_system',
      targetId: id,
      targetLabel: current.name,
    });
  });
}
