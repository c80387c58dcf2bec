import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '@shuyuan/contracts';
import { forbidden, unauthenticated } from '../errors';
import { constantTimeEqual } from '../crypto/provider';
import type { Principal, RouteAccess } from './principal';
import type { Actor } from '../audit/audit-log';

export const SESSION_COOKIE = 'sy_session';
export const CSRF_COOKIE = 'sy_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Resolves credentials to a principal; implemented by the identity module. */
export interface Authenticator {
  fromSession(token: string): Promise<{ principal: Principal; csrfToken: string } | null>;
  fromBearer(token: string): Promise<Principal | null>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires; every route under /api must say. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user whose initial password must change may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/auth/password']);

/** The actor of a request, for audit records. */
export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return {
    userId: p?.userId ?? null,
    login: p?.login ?? null,
    departmentId: p?.departmentId ?? null,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
  };
}

/**
 * Authenticates every request (session cookie or bearer token) and enforces the route's declared
 * access before the body is even parsed: deny by default, so an /api route without a declaration
 * refuses to register.
 */
export function registerAuth(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    const authorization = request.headers.authorization;
    let csrfToken: string | null = null;
    if (authorization?.startsWith('Bearer ')) {
      request.principal = await authenticator.fromBearer(authorization.slice(7).trim());
      if (!request.principal && access && access !== 'public') throw unauthenticated();
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        const resolved = await authenticator.fromSession(token);
        if (resolved) {
          request.principal = resolved.principal;
          csrfToken = resolved.csrfToken;
        }
      }
    }
    if (!access || access === 'public') return;
    const principal = request.principal;
    if (!principal) throw unauthenticated();
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !csrfToken || !constantTimeEqual(sent, csrfToken)) throw forbidden(ErrorCode.CsrfFailed);
    }
    if (principal.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(request.routeOptions.url ?? '')) {
      throw forbidden(ErrorCode.PasswordChangeRequired);
    }
    if (access !== 'authenticated' && !principal.permissions.has(access)) throw forbidden(undefined, { permission: access });
  });
}
