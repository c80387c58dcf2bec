import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Permission } from '@shuyuan/contracts';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { actorOf } from '../../platform/auth/auth-hook';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from './identity.context';
import { AppQuery, ClientApp, ClientAppCreate, ClientAppUpdate, NewAppSecret, SecretParams } from './apps.schemas';
import type { AppsService } from './apps.service';
import { Department, DepartmentCreate, DepartmentUpdate, IdParams } from './departments.schemas';
import * as departments from './departments.service';
import { PermissionInfo, Role, RoleCreate, RoleUpdate } from './roles.schemas';
import * as roles from './roles.service';
import { User, UserCreate, UserList, UserQuery, UserUpdate, UserWithPassword } from './users.schemas';
import * as users from './users.service';

const P = Permission;
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** Builds the service context of a request. */
export function contextOf(db: Kysely<DB>, request: FastifyRequest): RequestContext {
  return { db, actor: actorOf(request), principal: request.principal! };
}

/** Departments, users, roles and client applications under /api/v1. */
export const identityRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; apps: AppsService }> = async (app, { db, apps }) => {
  const ctx = (request: FastifyRequest) => contextOf(db, request);
  const tags = ['identity'];

  app.get(
    '/departments',
    {
      config: { access: P.DepartmentRead },
      schema: { tags, summary: 'List departments (flat, ordered for a tree)', response: { 200: items(Department) } },
    },
    async (req) => ({ items: await departments.listDepartments(ctx(req)) }),
  );
  app.get(
    '/departments/:id',
    {
      config: { access: P.DepartmentRead },
      schema: { tags, summary: 'Get a department', params: IdParams, response: { 200: Department } },
    },
    (req) => departments.getDepartment(ctx(req), req.params.id),
  );
  app.post(
    '/departments',
    {
      config: { access: P.DepartmentManage },
      schema: { tags, summary: 'Create a department', body: DepartmentCreate, response: { 201: Department } },
    },
    async (req, reply) => reply.status(201).send(await departments.createDepartment(ctx(req), req.body)),
  );
  app.patch(
    '/departments/:id',
    {
      config: { access: P.DepartmentManage },
      schema: {
        tags,
        summary: 'Update a department (optimistic version)',
        params: IdParams,
        body: DepartmentUpdate,
        response: { 200: Department },
      },
    },
    (req) => departments.updateDepartment(ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/departments/:id',
    {
      config: { access: P.DepartmentManage },
      schema: { tags, summary: 'Delete an empty department', params: IdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await departments.deleteDepartment(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/users',
    {
      config: { access: P.UserRead },
      schema: { tags, summary: 'List users visible to the caller', querystring: UserQuery, response: { 200: UserList } },
    },
    (req) => users.listUsers(ctx(req), req.query),
  );
  app.get(
    '/users/:id',
    { config: { access: P.UserRead }, schema: { tags, summary: 'Get a user', params: IdParams, response: { 200: User } } },
    (req) => users.getUser(ctx(req), req.params.id),
  );
  app.post(
    '/users',
    {
      config: { access: P.UserManage },
      schema: { tags, summary: 'Create a user with an initial password', body: UserCreate, response: { 201: UserWithPassword } },
    },
    async (req, reply) => reply.status(201).send(await users.createUser(ctx(req), req.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: { access: P.UserManage },
      schema: { tags, summary: 'Update a user (optimistic version)', params: IdParams, body: UserUpdate, response: { 200: User } },
    },
    (req) => users.updateUser(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      config: { access: P.UserManage },
      schema: { tags, summary: 'Reset a password to a new initial one', params: IdParams, response: { 200: UserWithPassword } },
    },
    (req) => users.resetPassword(ctx(req), req.params.id),
  );
  app.post(
    '/users/:id/unlock',
    { config: { access: P.UserManage }, schema: { tags, summary: 'Lift a lockout', params: IdParams, response: { 200: User } } },
    (req) => users.unlockUser(ctx(req), req.params.id),
  );

  app.get(
    '/roles',
    { config: { access: P.RoleRead }, schema: { tags, summary: 'List roles', response: { 200: items(Role) } } },
    async (req) => ({ items: await roles.listRoles(ctx(req)) }),
  );
  app.get(
    '/permissions',
    { config: { access: P.RoleRead }, schema: { tags, summary: 'List every permission', response: { 200: items(PermissionInfo) } } },
    async () => ({ items: roles.listPermissions() }),
  );
  app.post(
    '/roles',
    { config: { access: P.RoleManage }, schema: { tags, summary: 'Create a custom role', body: RoleCreate, response: { 201: Role } } },
    async (req, reply) => reply.status(201).send(await roles.createRole(ctx(req), req.body)),
  );
  app.patch(
    '/roles/:id',
    {
      config: { access: P.RoleManage },
      schema: { tags, summary: 'Update a role', params: IdParams, body: RoleUpdate, response: { 200: Role } },
    },
    (req) => roles.updateRole(ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/roles/:id',
    {
      config: { access: P.RoleManage },
      schema: { tags, summary: 'Delete an unused custom role', params: IdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await roles.deleteRole(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/apps',
    {
      config: { access: P.AppRead },
      schema: {
        tags,
        summary: 'List client applications visible to the caller',
        querystring: AppQuery,
        response: { 200: items(ClientApp) },
      },
    },
    async (req) => ({ items: await apps.list(ctx(req), req.query.departmentId) }),
  );
  app.get(
    '/apps/:id',
    {
      config: { access: P.AppRead },
      schema: { tags, summary: 'Get a client application', params: IdParams, response: { 200: ClientApp } },
    },
    (req) => apps.get(ctx(req), req.params.id),
  );
  app.post(
    '/apps',
    {
      config: { access: P.AppManage },
      schema: {
        tags,
        summary: 'Create a client application with its first secret (shown once)',
        body: ClientAppCreate,
        response: { 201: z.object({ app: ClientApp, secret: NewAppSecret }) },
      },
    },
    async (req, reply) => reply.status(201).send(await apps.create(ctx(req), req.body)),
  );
  app.patch(
    '/apps/:id',
    {
      config: { access: P.AppManage },
      schema: { tags, summary: 'Update a client application', params: IdParams, body: ClientAppUpdate, response: { 200: ClientApp } },
    },
    (req) => apps.update(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/apps/:id/secrets',
    {
      config: { access: P.AppManage },
      schema: { tags, summary: 'Add a secret (shown once; at most two active)', params: IdParams, response: { 201: NewAppSecret } },
    },
    async (req, reply) => reply.status(201).send(await apps.createSecret(ctx(req), req.params.id)),
  );
  app.delete(
    '/apps/:id/secrets/:secretId',
    { config: { access: P.AppManage }, schema: { tags, summary: 'Revoke a secret', params: SecretParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await apps.revokeSecret(ctx(req), req.params.id, req.params.secretId);
      return reply.status(204).send(null);
    },
  );
};
