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
  /** Reads the published catalog, and its own department's drafts. */
  CatalogRead: 'catalog.entry.read',
  /** Compiles, edits, mounts and submits its own department's catalog entries. */
  CatalogCompile: 'catalog.entry.compile',
  /** Reviews submitted entries, changes, mounts and retirements: publishes or returns them. */
  CatalogReview: 'catalog.entry.review',
  /** Registers its department's information systems (政务信息系统). */
  SystemManage: 'catalog.system.manage',
  /** Reads registered data sources and their schemas. */
  SourceRead: 'catalog.source.read',
  /** Registers, tests and introspects its department's data sources. */
  SourceManage: 'catalog.source.manage',
  /** Registers cascade nodes (upper and lower installs) and watches their status. */
  CascadeManage: 'catalog.cascade.manage',
  /** Declares and edits the gateway APIs of its department's entries. */
  ExchangeApiManage: 'exchange.api.manage',
  /** Reads the grants its department gives (as provider) or holds (as consumer). */
  GrantRead: 'exchange.grant.read',
  /** Creates and revokes grants (the bureau, for now; later from approved applications). */
  GrantManage: 'exchange.grant.manage',
  /** Reads the gateway's call log of its department's resources and applications, and their statistics. */
  CallRead: 'exchange.call.read',
  /** Reads the table jobs (aggregation, distribution) of its department and their runs. */
  JobRead: 'exchange.job.read',
  /** Creates, schedules, runs and pauses its department's table jobs. */
  JobManage: 'exchange.job.manage',
  /** Uploads new versions of its department's files (文件交换) and withdraws download links. */
  FileManage: 'exchange.file.manage',
} as const;
export type Permission = (typeof Permission)[keyof typeof Permission];

export const allPermissions: readonly Permission[] = Object.values(Permission);
