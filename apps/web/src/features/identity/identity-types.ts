import type { AdminLevel, UserStatus } from '@shuyuan/contracts';

/** A list answer of the API. */
export interface ItemList<T> {
  items: T[];
}

/** A page of a server-paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
}

/** A department as the API returns it (timestamps are ISO strings). */
export interface Department {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  level: AdminLevel;
  divisionCode: string;
  agencyCode: string;
  sortOrder: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Fields sent to create a department. */
export interface DepartmentInput {
  parentId?: string | null;
  name: string;
  shortName?: string | null;
  level: AdminLevel;
  divisionCode: string;
  agencyCode: string;
  sortOrder?: number;
}

/** A user account. */
export interface User {
  id: string;
  login: string;
  displayName: string;
  departmentId: string;
  departmentName: string;
  phone: string | null;
  email: string | null;
  status: UserStatus;
  roles: string[];
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The logged-in session as `GET /auth/me` describes it. */
export interface Me {
  user: User;
  roles: string[];
  permissions: string[];
  csrfToken: string | null;
}

/** A user together with a freshly set initial password (shown once). */
export interface UserWithPassword {
  user: User;
  initialPassword: string;
}

/** A role: a named set of permissions. */
export interface Role {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  description: string;
  builtin: boolean;
  permissions: string[];
  userCount: number;
  version: number;
}

/** A permission with its bilingual description. */
export interface PermissionInfo {
  name: string;
  descriptionZh: string;
  descriptionEn: string;
}

/** A client-app secret as listed (only its hint). */
export interface AppSecretInfo {
  id: string;
  hint: string;
  createdAt: string;
  revokedAt: string | null;
}

/** A secret in full, returned once at creation. */
export interface NewAppSecret {
  id: string;
  secret: string;
  hint: string;
  createdAt: string;
}

/** A client application that calls the gateway with an AppKey and signed requests. */
export interface ClientApp {
  id: string;
  departmentId: string;
  departmentName: string;
  name: string;
  appKey: string;
  description: string;
  status: 'active' | 'disabled';
  secrets: AppSecretInfo[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A personal access token as listed (never the token itself). */
export interface AccessToken {
  id: string;
  name: string;
  tokenPrefix: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
