import { ErrorCode } from '@shuyuan/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log';
import { hasGlobalScope, type DepartmentScope, type Principal } from '../../platform/auth/principal';
import { badRequest, conflict, forbidden, notFound, rethrowUnique } from '../../platform/errors';
import type { Kysely, Updateable } from 'kysely';
import type { DB, DepartmentTable } from '../../db/schema';
import { departmentsRepository as repo, type DepartmentRow } from './departments.repository';
import type { RequestContext } from './identity.context';
import type { DepartmentCreate, DepartmentUpdate } from './departments.schemas';

/** The API shape of a department row. */
export function toDepartment(row: DepartmentRow) {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    shortName: row.short_name,
    level: row.level,
    divisionCode: row.division_code,
    agencyCode: row.agency_code,
    sortOrder: row.sort_order,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const uniqueFields = { agency_code: 'agencyCode', department_parent_id_name: 'name', department_root_name: 'name' };

/** The departments a principal may act on: null for all, else its own subtree. */
export async function departmentScope(db: Kysely<DB>, principal: Principal): Promise<DepartmentScope> {
  if (hasGlobalScope(principal)) return null;
  return new Set(await repo.subtreeIds(db, principal.departmentId));
}

/** Departments as a flat list ordered for a tree; every logged-in user may read the tree. */
export async function listDepartments(ctx: RequestContext) {
  return (await repo.list(ctx.db)).map(toDepartment);
}

export async function getDepartment(ctx: RequestContext, id: string) {
  const row = await repo.findById(ctx.db, id);
  if (!row) throw notFound('department');
  return toDepartment(row);
}

/**
 * Refuses a department write outside the principal's reach. Everyone may read the tree, so this is a
 * 403, not a 404: a manager without platform scope acts only strictly below its own department (its
 * own department and everything above or beside it belong to whoever manages the level above).
 */
async function assertManageable(db: Kysely<DB>, principal: Principal, ids: readonly (string | null)[], field: string) {
  const scope = await departmentScope(db, principal);
  if (!scope) return;
  for (const id of ids) {
    if (id === null && field === 'parentId')
      throw forbidden(ErrorCode.Forbidden, { field, reason: 'only platform-wide administrators add top-level departments' });
    if (id === null) continue;
    const own = id === principal.departmentId && field !== 'parentId';
    if (!scope.has(id) || own) throw forbidden(ErrorCode.Forbidden, { field, reason: 'outside the departments you manage' });
  }
}

export async function createDepartment(ctx: RequestContext, input: z.infer<typeof DepartmentCreate>) {
  return ctx.db.transaction().execute(async (trx) => {
    if (input.parentId && !(await repo.findById(trx, input.parentId)))
      throw badRequest(ErrorCode.ValidationFailed, { field: 'parentId', reason: 'no such department' });
    await assertManageable(trx, ctx.principal, [input.parentId ?? null], 'parentId');
    const row = await repo
      .insert(trx, {
        parent_id: input.parentId ?? null,
        name: input.name,
        short_name: input.shortName ?? null,
        level: input.level,
        division_code: input.divisionCode,
        agency_code: input.agencyCode,
        sort_order: input.sortOrder ?? 0,
      })
      .catch((e: unknown) => rethrowUnique(e, uniqueFields));
    await appendAudit(trx, ctx.actor, {
      action: 'identity.department.create',
      targetType: 'department',
      targetId: row.id,
      targetLabel: row.name,
      details: { agencyCode: row.agency_code },
    });
    return toDepartment(row);
  });
}

export async function updateDepartment(ctx: RequestContext, id: string, input: z.infer<typeof DepartmentUpdate>) {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findById(trx, id);
    if (!current) throw notFound('department');
    await assertManageable(trx, ctx.principal, [id], 'id');
    if (input.parentId !== undefined) await assertManageable(trx, ctx.principal, [input.parentId], 'parentId');
    if (input.parentId) {
      if (!(await repo.findById(trx, input.parentId)))
        throw badRequest(ErrorCode.ValidationFailed, { field: 'parentId', reason: 'no such department' });
      if ((await repo.subtreeIds(trx, id)).includes(input.parentId))
        throw badRequest(ErrorCode.ValidationFailed, { field: 'parentId', reason: 'a department cannot move below itself' });
    }
    const values: Updateable<DepartmentTable> = {};
    if (input.parentId !== undefined) values.parent_id = input.parentId;
    if (input.name !== undefined) values.name = input.name;
    if (input.shortName !== undefined) values.short_name = input.shortName;
    if (input.level !== undefined) values.level = input.level;
    if (input.divisionCode !== undefined) values.division_code = input.divisionCode;
    if (input.agencyCode !== undefined) values.agency_code = input.agencyCode;
    if (input.sortOrder !== undefined) values.sort_order = input.sortOrder;
    const row = await repo.update(trx, id, input.version, values).catch((e: unknown) => rethrowUnique(e, uniqueFields));
    if (!row) throw conflict(ErrorCode.VersionConflict, { current: toDepartment(current) });
    await appendAudit(trx, ctx.actor, {
      action: 'identity.department.update',
      targetType: 'department',
      targetId: id,
      targetLabel: row.name,
      details: { changed: Object.keys(values) },
    });
    return toDepartment(row);
  });
}

export async function deleteDepartment(ctx: RequestContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findById(trx, id);
    if (!current) throw notFound('department');
    await assertManageable(trx, ctx.principal, [id], 'id');
    if (await repo.hasDependants(trx, id))
      throw conflict(ErrorCode.Conflict, { reason: 'the department still has sub-departments, users or applications' });
    await repo.delete(trx, id);
    await appendAudit(trx, ctx.actor, {
      action: 'identity.department.delete',
      targetType: 'department',
      targetId: id,
      targetLabel: current.name,
    });
  });
}
