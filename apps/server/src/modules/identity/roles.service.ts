import { ErrorCode, Permission, allPermissions } from '@shuyuan/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log';
import { badRequest, conflict, forbidden, notFound, rethrowUnique } from '../../platform/errors';
import type { RequestContext } from './identity.context';
import { rolesRepository as repo, type RoleRow } from './roles.repository';
import type { RoleCreate, RoleUpdate } from './roles.schemas';

const descriptions: Record<Permission, [string, string]> = {
  [Permission.ScopeAll]: ['跨部门：可操作所有部门的数据', 'Acts on every department, not only its own'],
  [Permission.ShareAccess]: ['使用政务数据共享门户', 'Uses the sharing portal'],
  [Permission.ConsoleAccess]: ['进入管理后台', 'Enters the console'],
  [Permission.DepartmentRead]: ['查看部门', 'Reads departments'],
  [Permission.DepartmentManage]: ['管理部门', 'Manages departments'],
  [Permission.UserRead]: ['查看用户', 'Reads users'],
  [Permission.UserManage]: ['管理用户', 'Manages users'],
  [Permission.RoleRead]: ['查看角色', 'Reads roles'],
  [Permission.RoleManage]: ['管理角色与权限', 'Manages roles and permissions'],
  [Permission.AppRead]: ['查看应用', 'Reads client applications'],
  [Permission.AppManage]: ['管理应用与密钥', 'Manages client applications and their secrets'],
  [Permission.TokenManageOwn]: ['管理个人访问令牌', 'Manages own personal access tokens'],
  [Permission.AuditRead]: ['查看审计日志', 'Reads the audit log'],
  [Permission.AuditExport]: ['导出审计日志', 'Exports the audit log'],
  [Permission.CatalogRead]: ['查看资源目录', 'Reads the resource catalog'],
  [Permission.CatalogCompile]: ['编制、挂接并提交本部门目录', "Compiles, mounts and submits its department's catalog"],
  [Permission.CatalogReview]: ['审核目录发布、变更、挂接与下线', 'Reviews catalog publication, changes, mounts and retirement'],
  [Permission.SystemManage]: ['登记政务信息系统', 'Registers information systems'],
  [Permission.SourceRead]: ['查看数据源', 'Reads data sources'],
  [Permission.SourceManage]: ['登记与测试本部门数据源', "Registers and tests its department's data sources"],
  [Permission.CascadeManage]: ['管理级联节点', 'Manages cascade nodes'],
  [Permission.ExchangeApiManage]: ['发布和维护本部门资源的共享接口', "Declares and edits the gateway APIs of the department's resources"],
  [Permission.GrantRead]: ['查看本部门提供或获得的授权', 'Reads the grants the department gives or holds'],
  [Permission.GrantManage]: ['创建和撤销共享授权', 'Creates and revokes sharing grants'],
  [Permission.CallRead]: ['查看接口调用日志与统计', 'Reads the gateway call log and its statistics'],
  [Permission.JobRead]: ['查看本部门的库表归集与分发任务', "Reads the department's table aggregation and distribution jobs"],
  [Permission.FileManage]: ['上传和管理本部门资源的交换文件', "Uploads and manages the department's exchange files"],
  [Permission.JobManage]: ['创建、调度和执行本部门的库表任务', "Creates, schedules and runs the department's table jobs"],
};

/** Every permission with its description, for the role editor. */
export function listPermissions() {
  return allPermissions.map((name) => ({ name, descriptionZh: descriptions[name][0], descriptionEn: descriptions[name][1] }));
}

export function toRole(row: RoleRow) {
  return {
    id: row.id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    description: row.description,
    builtin: row.builtin,
    permissions: row.permissions,
    userCount: Number(row.user_count),
    version: row.version,
  };
}

function assertKnownPermissions(permissions: readonly string[]): string[] {
  const unknown = permissions.filter((p) => !(allPermissions as readonly string[]).includes(p));
  if (unknown.length) throw badRequest(ErrorCode.ValidationFailed, { field: 'permissions', unknown });
  return [...new Set(permissions)].sort();
}

export async function listRoles(ctx: RequestContext) {
  return (await repo.list(ctx.db)).map(toRole);
}

export async function createRole(ctx: RequestContext, input: z.infer<typeof RoleCreate>) {
  const permissions = assertKnownPermissions(input.permissions);
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await repo
      .insert(trx, {
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        description: input.description ?? '',
        builtin: false,
        permissions,
      })
      .catch((e: unknown) => rethrowUnique(e, { code: 'code' }));
    await appendAudit(trx, ctx.actor, {
      action: 'identity.role.create',
      targetType: 'role',
      targetId: id,
      targetLabel: input.code,
      details: { permissions },
    });
    return toRole((await repo.findById(trx, id))!);
  });
}

export async function updateRole(ctx: RequestContext, id: string, input: z.infer<typeof RoleUpdate>) {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findById(trx, id);
    if (!current) throw notFound('role');
    const permissions = input.permissions ? assertKnownPermissions(input.permissions) : undefined;
    // The administrator role always holds everything, so nobody can lock the platform out of itself.
    if (current.code === 'platform_admin' && permissions)
      throw forbidden(ErrorCode.Forbidden, { reason: 'the platform administrator role always holds every permission' });
    const updated = await repo.update(trx, id, input.version, {
      ...(input.nameZh !== undefined ? { name_zh: input.nameZh } : {}),
      ...(input.nameEn !== undefined ? { name_en: input.nameEn } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(permissions ? { permissions } : {}),
    });
    if (!updated) throw conflict(ErrorCode.VersionConflict, { current: toRole(current) });
    const added = permissions?.filter((p) => !current.permissions.includes(p)) ?? [];
    const removed = permissions ? current.permissions.filter((p) => !permissions.includes(p)) : [];
    await appendAudit(trx, ctx.actor, {
      action: 'identity.role.update',
      targetType: 'role',
      targetId: id,
      targetLabel: current.code,
      details: { added, removed },
    });
    return toRole((await repo.findById(trx, id))!);
  });
}

export async function deleteRole(ctx: RequestContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findById(trx, id);
    if (!current) throw notFound('role');
    if (current.builtin) throw conflict(ErrorCode.Conflict, { reason: 'built-in roles cannot be deleted' });
    if (Number(current.user_count) > 0)
      throw conflict(ErrorCode.Conflict, { reason: 'the role is still assigned to users', userCount: Number(current.user_count) });
    await repo.delete(trx, id);
    await appendAudit(trx, ctx.actor, { action: 'identity.role.delete', targetType: 'role', targetId: id, targetLabel: current.code });
  });
}
