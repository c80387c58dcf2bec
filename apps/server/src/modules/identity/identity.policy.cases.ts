import type { BuiltinRole } from '@shuyuan/contracts';

/**
 * The identity API's access policy as data (Apache Ranger's test_policyengine_*.json): for each
 * route, what every built-in role gets when the target lies in its own department and in another.
 *
 * Placeholders, filled fresh for every case in the department under test:
 * - in paths: `{department}`, `{user}`, `{app}`, `{leaf}` (an empty sub-department);
 * - in bodies: `$department` (its id), `$unique` (a fresh login-safe name), `$uscc` (a fresh credit code).
 */
export interface PolicyRoute {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: Record<string, unknown>;
  /** [own department, other department] status per role. */
  expect: Record<BuiltinRole, readonly [own: number, other: number]>;
}

type Row = readonly [own: number, other: number];
const all = (own: number, other = own): Row => [own, other];
const deny: Row = [403, 403];

/** Shorthand: the same row for every role, then the exceptions. */
function roles(base: Row, exceptions: Partial<Record<BuiltinRole, Row>>): Record<BuiltinRole, Row> {
  const codes: BuiltinRole[] = ['platform_admin', 'bureau_reviewer', 'data_officer', 'department_user', 'developer', 'analyst', 'auditor'];
  return Object.fromEntries(codes.map((c) => [c, exceptions[c] ?? base])) as Record<BuiltinRole, Row>;
}

/** Roles that read users and roles (console roles). */
const readers = { platform_admin: all(200), bureau_reviewer: all(200), data_officer: all(200), auditor: all(200) };

export const policyRoutes: readonly PolicyRoute[] = [
  { name: 'who am I', method: 'GET', path: '/api/v1/auth/me', expect: roles(all(200), {}) },
  { name: 'create own token', method: 'POST', path: '/api/v1/auth/tokens', body: { name: '$unique' }, expect: roles(all(201), {}) },

  { name: 'list departments', method: 'GET', path: '/api/v1/departments', expect: roles(all(200), {}) },
  { name: 'read department', method: 'GET', path: '/api/v1/departments/{department}', expect: roles(all(200), {}) },
  {
    name: 'create department',
    method: 'POST',
    path: '/api/v1/departments',
    body: { parentId: '$department', name: '$unique', level: 'province', divisionCode: '320000', agencyCode: '$uscc' },
    expect: roles(deny, { platform_admin: all(201) }),
  },
  {
    name: 'update department',
    method: 'PATCH',
    path: '/api/v1/departments/{leaf}',
    body: { shortName: '新简称', version: 1 },
    expect: roles(deny, { platform_admin: all(200) }),
  },
  { name: 'delete department', method: 'DELETE', path: '/api/v1/departments/{leaf}', expect: roles(deny, { platform_admin: all(204) }) },

  { name: 'list users', method: 'GET', path: '/api/v1/users?departmentId={department}', expect: roles(deny, readers) },
  { name: 'read user', method: 'GET', path: '/api/v1/users/{user}', expect: roles(deny, { ...readers, data_officer: [200, 404] }) },
  {
    name: 'create user',
    method: 'POST',
    path: '/api/v1/users',
    body: { login: '$unique', displayName: '新用户', departmentId: '$department' },
    expect: roles(deny, { platform_admin: all(201) }),
  },
  {
    name: 'update user',
    method: 'PATCH',
    path: '/api/v1/users/{user}',
    body: { displayName: '改名', version: 1 },
    expect: roles(deny, { platform_admin: all(200) }),
  },
  {
    name: 'reset password',
    method: 'POST',
    path: '/api/v1/users/{user}/reset-password',
    expect: roles(deny, { platform_admin: all(200) }),
  },
  { name: 'unlock user', method: 'POST', path: '/api/v1/users/{user}/unlock', expect: roles(deny, { platform_admin: all(200) }) },

  { name: 'list roles', method: 'GET', path: '/api/v1/roles', expect: roles(deny, readers) },
  { name: 'list permissions', method: 'GET', path: '/api/v1/permissions', expect: roles(deny, readers) },
  {
    name: 'create role',
    method: 'POST',
    path: '/api/v1/roles',
    body: { code: 'p_$unique', nameZh: '角色', nameEn: 'Role', permissions: [] },
    expect: roles(deny, { platform_admin: all(201) }),
  },

  {
    name: 'list apps',
    method: 'GET',
    path: '/api/v1/apps?departmentId={department}',
    expect: roles(deny, { ...readers, developer: all(200) }),
  },
  {
    name: 'read app',
    method: 'GET',
    path: '/api/v1/apps/{app}',
    expect: roles(deny, { ...readers, data_officer: [200, 404], developer: [200, 404] }),
  },
  {
    name: 'create app',
    method: 'POST',
    path: '/api/v1/apps',
    body: { departmentId: '$department', name: '$unique' },
    expect: roles(deny, { platform_admin: all(201), data_officer: [201, 400], developer: [201, 400] }),
  },
  {
    name: 'update app',
    method: 'PATCH',
    path: '/api/v1/apps/{app}',
    body: { description: '改', version: 1 },
    expect: roles(deny, { platform_admin: all(200), data_officer: [200, 404], developer: [200, 404] }),
  },
  {
    name: 'add app secret',
    method: 'POST',
    path: '/api/v1/apps/{app}/secrets',
    expect: roles(deny, { platform_admin: all(201), data_officer: [201, 404], developer: [201, 404] }),
  },

  {
    name: 'read audit log',
    method: 'GET',
    path: '/api/v1/audit/events?departmentId={department}',
    expect: roles(deny, { platform_admin: all(200), auditor: all(200) }),
  },
  {
    name: 'audit actions',
    method: 'GET',
    path: '/api/v1/audit/actions',
    expect: roles(deny, { platform_admin: all(200), auditor: all(200) }),
  },
  {
    name: 'export audit log',
    method: 'GET',
    path: '/api/v1/audit/events.csv?departmentId={department}',
    expect: roles(deny, { platform_admin: all(200), auditor: all(200) }),
  },
];
