import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema';
import { buildUser, loginAs, type Session } from './factories';

/** A caller of the API: a cookie session, a bearer token, or nobody. */
export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** Inject calls with the credentials of a session (`Session`), a bearer token (string) or none. */
export function client(app: FastifyInstance, as?: Session | string | null): Client {
  const auth: Record<string, string> = typeof as === 'string' ? { authorization: `Bearer ${as}` } : as ? as.headers : {};
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, extra: Record<string, string> = {}) =>
    app.inject({ method, url, headers: { ...auth, ...extra }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return {
    get: (url, headers) => send('GET', url, undefined, headers),
    post: (url, payload) => send('POST', url, payload),
    patch: (url, payload) => send('PATCH', url, payload),
    put: (url, payload) => send('PUT', url, payload),
    delete: (url, payload) => send('DELETE', url, payload),
  };
}

/** A new user with the given roles, logged in: the user row, its session and a client for it. */
export async function signedIn(app: FastifyInstance, db: Kysely<DB>, overrides: Parameters<typeof buildUser>[1] = {}) {
  const user = await buildUser(db, overrides);
  const session = await loginAs(app, user.login);
  return { user, session, api: client(app, session) };
}

/** Audit rows about one target, oldest first. */
export function auditOf(db: Kysely<DB>, targetId: string) {
  return db.selectFrom('audit_event').selectAll().where('target_id', '=', targetId).orderBy('id').execute();
}
