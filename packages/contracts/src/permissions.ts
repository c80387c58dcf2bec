/** Every named permission of the platform, dotted as `<domain>.<object>.<action>`. */
export const Permission = {
  /** Acts on every department, not only the user's own subtree. */
  ScopeAll: 'platform.scope.all',
  ShareAccess: 'portal.share.access',
  ConsoleAccess: 'portal.console.access',
  DepartmentRead: 'identity.department.read',
  DepartmentManage: 'identity.department.manage',
  UserRead: 'identity.user.read',
  UserManage: 'identity.user.manage',
  RoleRead: 'identity.role.read',
  RoleManage: 'identity.role.manage',
  AppRead: 'identity.app.read',
  AppManage: 'identity.app.manage',
  TokenManageOwn: 'identity.token.manage',
  AuditRead: 'audit.event.read',
  AuditExport: 'audit.event.export',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const allPermissions: readonly Permission[] = Object.values(Permission);
