import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { limits } from '@shuyuan/contracts';
import { describeEachEngine } from '../../test/databases';
import { buildTestApp, buildUser, loginAs } from '../../test/factories';

const LOGIN = '/api/v1/auth/login';

/** Every error answers exactly `{code, message, details}` as JSON. */
function expectErrorBody(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message']);
  expect(body.code).toBe(code);
  expect(typeof body.message).toBe('string');
  expect(body.message.length).toBeGreaterThan(0);
  expect(typeof body.details).toBe('object');
  expect(body.details).not.toBeNull();
  return body as { code: string; message: string; details: Record<string, unknown> };
}

describeEachEngine('error responses', (get) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('refuses an unknown body field with UNKNOWN_FIELD naming it', async () => {
    const res = await app.inject({ method: 'POST', url: LOGIN, payload: { login: 'someone', password: 'whatever', remember: true } });
    const body = expectErrorBody(res, 400, 'UNKNOWN_FIELD');
    expect(body.details.fields).toEqual(['remember']);
  });

  it('refuses an unknown query parameter with UNKNOWN_FIELD', async () => {
    const admin = await buildUser(get().db, { roles: ['platform_admin'] });
    const session = await loginAs(app, admin.login);
    const res = await app.inject({ method: 'GET', url: '/api/v1/users?sort=login', headers: session.headers });
    expect(expectErrorBody(res, 400, 'UNKNOWN_FIELD').details.fields).toEqual(['sort']);
  });

  it('refuses a body of the wrong shape with VALIDATION_FAILED and the issues', async () => {
    const res = await app.inject({ method: 'POST', url: LOGIN, payload: { login: 42, password: 'whatever' } });
    const body = expectErrorBody(res, 400, 'VALIDATION_FAILED');
    expect(body.details.issues).toEqual([expect.objectContaining({ in: 'body', path: 'login' })]);
  });

  it('refuses a path parameter that is not a uuid with VALIDATION_FAILED', async () => {
    const admin = await buildUser(get().db, { roles: ['platform_admin'] });
    const session = await loginAs(app, admin.login);
    const res = await app.inject({ method: 'GET', url: '/api/v1/users/not-a-uuid', headers: session.headers });
    expectErrorBody(res, 400, 'VALIDATION_FAILED');
  });

  it('refuses malformed JSON with MALFORMED_JSON', async () => {
    const res = await app.inject({
      method: 'POST',
      url: LOGIN,
      headers: { 'content-type': 'application/json' },
      payload: '{"login": "a", ',
    });
    expectErrorBody(res, 400, 'MALFORMED_JSON');
  });

  it('refuses an empty JSON body with MALFORMED_JSON', async () => {
    const res = await app.inject({ method: 'POST', url: LOGIN, headers: { 'content-type': 'application/json' }, payload: '' });
    expectErrorBody(res, 400, 'MALFORMED_JSON');
  });

  it('refuses a body over 1 MiB with 413 BODY_TOO_LARGE, and reads one just under it', async () => {
    const envelope = JSON.stringify({ login: 'someone', password: '' }).length;
    const over = JSON.stringify({ login: 'someone', password: 'x'.repeat(limits.bodyLimitBytes - envelope + 1) });
    expect(over.length).toBe(limits.bodyLimitBytes + 1);
    const res = await app.inject({ method: 'POST', url: LOGIN, headers: { 'content-type': 'application/json' }, payload: over });
    expectErrorBody(res, 413, 'BODY_TOO_LARGE');

    const under = JSON.stringify({ login: 'someone', password: 'x'.repeat(limits.bodyLimitBytes - envelope) });
    const ok = await app.inject({ method: 'POST', url: LOGIN, headers: { 'content-type': 'application/json' }, payload: under });
    expectErrorBody(ok, 400, 'VALIDATION_FAILED');
  });

  it('refuses a content type it does not read with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const res = await app.inject({ method: 'POST', url: LOGIN, headers: { 'content-type': type }, payload: 'login=a&password=b' });
      expectErrorBody(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
  });

  it('answers an unknown /api path with a JSON 404 NOT_FOUND', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/no-such-thing'],
      ['POST', '/api/v1/no-such-thing'],
      ['GET', '/api/v2/users'],
      ['GET', '/api'],
    ] as const) {
      const res = await app.inject({ method, url: `${url}?x=1` });
      const body = expectErrorBody(res, 404, 'NOT_FOUND');
      expect(body.details.path).toBe(url);
    }
  });

  it('answers an unknown method on a known path with a JSON 404', async () => {
    const res = await app.inject({ method: 'PUT', url: '/api/v1/departments' });
    expectErrorBody(res, 404, 'NOT_FOUND');
  });

  it('keeps the shape for 401 and 403 as well', async () => {
    expectErrorBody(await app.inject({ method: 'GET', url: '/api/v1/users' }), 401, 'UNAUTHENTICATED');
    const user = await buildUser(get().db, { roles: ['department_user'] });
    const session = await loginAs(app, user.login);
    const res = await app.inject({ method: 'GET', url: '/api/v1/users', headers: session.headers });
    expect(expectErrorBody(res, 403, 'FORBIDDEN').details).toEqual({ permission: 'identity.user.read' });
  });

  it('localises the message by Accept-Language, Chinese by default, and keeps the code', async () => {
    const ask = (lang?: string) =>
      app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: lang ? { 'accept-language': lang } : {} });
    const en = expectErrorBody(await ask('en-GB,en;q=0.9'), 404, 'NOT_FOUND');
    const zh = expectErrorBody(await ask('zh-CN,zh;q=0.9,en;q=0.8'), 404, 'NOT_FOUND');
    const none = expectErrorBody(await ask(), 404, 'NOT_FOUND');
    const ranked = expectErrorBody(await ask('zh;q=0.5, en;q=0.9'), 404, 'NOT_FOUND');
    expect(en.message).toBe('Not found');
    expect(zh.message).toBe('资源不存在');
    expect(en.message).not.toBe(zh.message);
    expect(none.message).toBe(zh.message);
    expect(ranked.message).toBe(en.message);

    const enBad = expectErrorBody(
      await app.inject({ method: 'POST', url: LOGIN, headers: { 'accept-language': 'en' }, payload: { login: 'a', password: 'b', x: 1 } }),
      400,
      'UNKNOWN_FIELD',
    );
    const zhBad = expectErrorBody(
      await app.inject({ method: 'POST', url: LOGIN, headers: { 'accept-language': 'zh' }, payload: { login: 'a', password: 'b', x: 1 } }),
      400,
      'UNKNOWN_FIELD',
    );
    expect(enBad.message).not.toBe(zhBad.message);
    expect(zhBad.message).toMatch(/[\u4e00-\u9fff]/);
  });
});
