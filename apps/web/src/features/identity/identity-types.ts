import type { components } from '@/api/schema.gen';

/** The API's named schemas, generated from the server's OpenAPI document (timestamps are ISO strings). */
type Schemas = components['schemas'];

/** A department (部门) in the tree of the install's administrative level. */
export type Department = Schemas['Department'];

/** Fields sent to create a department. */
export type DepartmentInput = Schemas['DepartmentCreate'];

/** A user account. */
export type User = Schemas['User'];

/** The logged-in session as `GET /auth/me` describes it. */
export type Me = Schemas['Me'];

/** What `POST /auth/login` answers. */
export type LoginResult = Schemas['LoginResult'];

/** A user together with a freshly set initial password (shown once). */
export type UserWithPassword = Schemas['UserWithPassword'];

/** A role: a named set of permissions. */
export type Role = Schemas['Role'];

/** A permission with its bilingual description. */
export type PermissionInfo = Schemas['PermissionInfo'];

/** A client-app secret as listed (only its hint). */
export type AppSecretInfo = Schemas['AppSecretInfo'];

/** A secret in full, returned once at creation. */
export type NewAppSecret = Schemas['NewAppSecret'];

/** A client application that calls the gateway with an AppKey and signed requests. */
export type ClientApp = Schemas['ClientApp'];

/** A personal access token as listed (never the token itself). */
export type AccessToken = Schemas['AccessToken'];
