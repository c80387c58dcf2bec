import { Permission, allPermissions, type BuiltinRole } from '@shuyuan/contracts';

const P = Permission;

/** A built-in role: its names and the permissions it is seeded with. */
export interface RoleDefinition {
  code: BuiltinRole;
  nameZh: string;
  nameEn: string;
  description: string;
  permissions: readonly Permission[];
}

/**
 * The seeded roles. Later modules add their permissions here as they land, so that the roles
 * people already hold grow with the platform.
 */
export const builtinRoles: readonly RoleDefinition[] = [
  {
    code: 'platform_admin',
    nameZh: '平台管理员',
    nameEn: 'Platform administrator',
    description: 'Manages departments, users, roles, applications and the platform itself.',
    permissions: allPermissions,
  },
  {
    code: 'bureau_reviewer',
    nameZh: '主管部门审核员',
    nameEn: 'Bureau reviewer',
    description: 'Reviews catalogs and applications for the data bureau across all departments.',
    permissions: [
      P.ScopeAll,
      P.ShareAccess,
      P.ConsoleAccess,
      P.DepartmentRead,
      P.UserRead,
      P.RoleRead,
      P.AppRead,
      P.TokenManageOwn,
      P.CatalogRead,
      P.CatalogReview,
      P.SourceRead,
      P.GrantRead,
      P.GrantManage,
      P.CallRead,
      P.JobRead,
    ],
  },
  {
    code: 'data_officer',
    nameZh: '数据专员',
    nameEn: 'Department data officer',
    description: "Compiles and mounts the department's catalog and manages its client applications.",
    permissions: [
      P.ShareAccess,
      P.ConsoleAccess,
      P.DepartmentRead,
      P.UserRead,
      P.RoleRead,
      P.AppRead,
      P.AppManage,
      P.TokenManageOwn,
      P.CatalogRead,
      P.CatalogCompile,
      P.SystemManage,
      P.SourceRead,
      P.SourceManage,
      P.ExchangeApiManage,
      P.GrantRead,
      P.CallRead,
      P.JobRead,
      P.JobManage,
      P.FileManage,
    ],
  },
  {
    code: 'department_user',
    nameZh: '部门用户',
    nameEn: 'Department user',
    description: 'Finds data in the sharing portal, applies for it and uses it.',
    permissions: [P.ShareAccess, P.DepartmentRead, P.TokenManageOwn, P.CatalogRead],
  },
  {
    code: 'developer',
    nameZh: '应用开发者',
    nameEn: 'Application developer',
    description: "Integrates the department's systems with the gateway using application keys.",
    permissions: [
      P.ShareAccess,
      P.DepartmentRead,
      P.AppRead,
      P.AppManage,
      P.TokenManageOwn,
      P.CatalogRead,
      P.GrantRead,
      P.CallRead,
      P.JobRead,
    ],
  },
  {
    code: 'analyst',
    nameZh: '数据分析师',
    nameEn: 'Analyst',
    description: 'Works in the analysis sandbox on data it may compute over but not see.',
    permissions: [P.ShareAccess, P.DepartmentRead, P.TokenManageOwn, P.CatalogRead],
  },
  {
    code: 'auditor',
    nameZh: '审计员',
    nameEn: 'Auditor',
    description: 'Reads, exports and verifies the audit log.',
    permissions: [
      P.ScopeAll,
      P.ConsoleAccess,
      P.DepartmentRead,
      P.UserRead,
      P.RoleRead,
      P.AppRead,
      P.AuditRead,
      P.AuditExport,
      P.TokenManageOwn,
      P.CatalogRead,
      P.SourceRead,
      P.GrantRead,
      P.CallRead,
      P.JobRead,
    ],
  },
];
