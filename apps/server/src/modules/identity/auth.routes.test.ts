import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildTestApp, buildUser, loginAs, TEST_PASSWORD } from '../../../test/factories';

describeEachEngine('auth routes', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('logs in, answers who is logged in, and logs out', async () => {
    const user = await buildUser(get().db, { roles: ['data_officer'] });
    const session = await loginAs(app, user.login);
    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(me.statusCode).toBe(200);
    const body = me.json();
    expect(body.user.login).toBe(user.login);
    expect(body.roles).toEqual(['data_officer']);
    expect(body.permissions).toContain('identity.app.manage');
    expect(body.permissions).not.toContain('identity.user.manage');
    expect(body.csrfToken).toBe(session.csrf);

    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: session.headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password with INVALID_CREDENTIALS in the requested language, and audits it', async () => {
    const user = await buildUser(get().db);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
      payload: { login: user.login, password: 'wrong-password' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: 'Wrong login or password' });
    const zh = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.login, password: 'wrong-password' } });
    expect(zh.json().message).toBe('用户名或密码错误');
    const events = await get().db.selectFrom('audit_event').select(['action', 'outcome']).where('target_id', '=', user.id).execute();
    expect(events.filter((e) => e.action === 'auth.login.failed')).toHaveLength(2);
  });

  it('locks the account after five failures for fifteen minutes, even for the right password', async () => {
    const user = await buildUser(get().db);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.login, password: `wrong-${i}` } });
      codes.push(res.json().code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    const right = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: user.login, password: TEST_PASSWORD } });
    expect(right.statusCode).toBe(423);
    const lockedUntil = new Date(right.json().details.lockedUntil).getTime();
    expect(lockedUntil - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(lockedUntil - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const lockout = await get()
      .db.selectFrom('audit_event')
      .select('action')
      .where('target_id', '=', user.id)
      .where('action', '=', 'auth.lockout')
      .execute();
    expect(lockout).toHaveLength(1);
  });

  it('refuses cookie-authenticated writes without the CSRF token', async () => {
    const user = await buildUser(get().db);
    const session = await loginAs(app, user.login);
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: session.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(32) },
    });
    expect(wrong.json().code).toBe('CSRF_FAILED');
  });

  it('forces a change of the initial password before anything else', async () => {
    const user = await buildUser(get().db, { mustChangePassword: true, roles: ['platform_admin'] });
    const session = await loginAs(app, user.login);
    const blocked = await app.inject({ method: 'GET', url: '/api/v1/users', headers: session.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'alllowercase' },
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', details: { reason: 'too_few_classes' } });
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: session.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'New#Passw0rd-2026' },
    });
    expect(changed.statusCode).toBe(204);
    const allowed = await app.inject({ method: 'GET', url: '/api/v1/users', headers: session.headers });
    expect(allowed.statusCode).toBe(200);
  });
});
