import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Permission, limits } from '@shuyuan/contracts';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { CSRF_COOKIE, SESSION_COOKIE, actorOf } from '../../platform/auth/auth-hook';
import type { AuthService } from './auth.service';
import { contextOf } from './identity.routes';
import { AccessToken, AccessTokenCreate, createToken, listTokens, revokeToken } from './tokens.service';
import { User } from './users.schemas';

const LoginBody = z
  .strictObject({ login: z.string().min(1).max(limits.loginMax), password: z.string().min(1).max(limits.passwordMax) })
  .meta({ id: 'LoginRequest' });
const LoginResult = z
  .object({ user: User, mustChangePassword: z.boolean(), csrfToken: z.string(), expiresAt: z.date() })
  .meta({ id: 'LoginResult' });
const Me = z
  .object({
    user: User,
    roles: z.array(z.string()),
    permissions: z.array(z.string()),
    csrfToken: z.string().nullable(),
    via: z.enum(['session', 'token']),
  })
  .meta({ id: 'Me' });
const PasswordChange = z
  .strictObject({ currentPassword: z.string().min(1).max(limits.passwordMax), newPassword: z.string().min(1).max(limits.passwordMax) })
  .meta({ id: 'PasswordChange' });

/** Login, logout, who am I, password change and personal access tokens under /api/v1/auth. */
export const authRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; auth: AuthService; secureCookies: boolean }> = async (
  app,
  { db, auth, secureCookies },
) => {
  const tags = ['auth'];
  const cookieBase = { path: '/', sameSite: 'lax' as const, secure: secureCookies };

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Log in with login and password; starts a cookie session', body: LoginBody, response: { 200: LoginResult } },
    },
    async (req, reply) => {
      const started = await auth.login(req.body.login, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      reply.setCookie(SESSION_COOKIE, started.token, { ...cookieBase, httpOnly: true, expires: started.expiresAt });
      reply.setCookie(CSRF_COOKIE, started.csrfToken, { ...cookieBase, httpOnly: false, expires: started.expiresAt });
      const resolved = await auth.fromSession(started.token);
      const me = await auth.me(resolved!.principal, started.csrfToken);
      return { user: me.user, mustChangePassword: started.mustChangePassword, csrfToken: started.csrfToken, expiresAt: started.expiresAt };
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'End this session', response: { 204: z.null() } } },
    async (req, reply) => {
      await auth.logout(req.principal!, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/logout-all',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'End every session of the caller, on every device', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await auth.logoutEverywhere(req.principal!, actorOf(req));
      reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Who is logged in, with department, roles and permissions', response: { 200: Me } },
    },
    async (req) => {
      const csrf = req.principal!.via === 'session' ? (req.cookies[CSRF_COOKIE] ?? null) : null;
      return auth.me(req.principal!, csrf);
    },
  );

  app.post(
    '/auth/password',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: "Change the caller's password", body: PasswordChange, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await auth.changePassword(req.principal!, actorOf(req), req.body.currentPassword, req.body.newPassword);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/tokens',
    {
      config: { access: Permission.TokenManageOwn },
      schema: { tags, summary: "The caller's personal access tokens", response: { 200: z.object({ items: z.array(AccessToken) }) } },
    },
    async (req) => ({ items: await listTokens(contextOf(db, req)) }),
  );
  app.post(
    '/auth/tokens',
    {
      config: { access: Permission.TokenManageOwn },
      schema: {
        tags,
        summary: 'Create a personal access token (shown once)',
        body: AccessTokenCreate,
        response: { 201: z.object({ token: z.string(), item: AccessToken }) },
      },
    },
    async (req, reply) => reply.status(201).send(await createToken(contextOf(db, req), req.body)),
  );
  app.delete(
    '/auth/tokens/:id',
    {
      config: { access: Permission.TokenManageOwn },
      schema: { tags, summary: 'Revoke a personal access token', params: z.strictObject({ id: z.uuid() }), response: { 204: z.null() } },
    },
    async (req, reply) => {
      await revokeToken(contextOf(db, req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
