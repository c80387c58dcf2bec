import { Permission } from '@shuyuan/contracts';
import { forbidden, notFound } from '../errors';

/** The authenticated caller of a request. */
export interface Principal {
  userId: string;
  login: string;
  displayName: string;
  departmentId: string;
  roles: string[];
  permissions: ReadonlySet<string>;
  mustChangePassword: boolean;
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}

/** What a route requires: a permission, any logged-in user, or nothing. */
export type RouteAccess = Permission | 'authenticated' | 'public';

/** True when the principal holds the permission. */
export function can(principal: Principal | null | undefined, permission: Permission): boolean {
  return !!principal && principal.permissions.has(permission);
}

/** Throws 403 unless the principal holds the permission. */
export function requirePermission(principal: Principal, permission: Permission): void {
  if (!can(principal, permission)) throw forbidden(undefined, { permission });
}

/** True when the principal acts on every department rather than only its own subtree. */
export function hasGlobalScope(principal: Principal): boolean {
  return principal.permissions.has(Permission.ScopeAll);
}

/**
 * Resolves which departments a principal may see: null means all; otherwise the ids of its own
 * department subtree. Callers use it to answer "not found" for anything outside.
 */
export type DepartmentScope = ReadonlySet<string> | null;

/** Throws 404 when the department lies outside the scope. */
export function assertInScope(scope: DepartmentScope, departmentId: string, resource: string): void {
  if (scope && !scope.has(departmentId)) throw notFound(resource);
}
