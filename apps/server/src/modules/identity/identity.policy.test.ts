import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { BuiltinRole } from '@shuyuan/contracts';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, buildUser, randomUscc } from '../../../test/factories';
import { client, signedIn, type Client } from '../../../test/client';
import { newAppKey } from './apps.service';
import { policyRoutes, type PolicyRoute } from './identity.policy.cases';

const cases = policyRoutes.flatMap((route) =>
  BuiltinRole.options.flatMap((role) =>
    (['own', 'other'] as const).map((scope) => ({ route, role, scope, status: route.expect[role][scope === 'own' ? 0 : 1] })),
  ),
);

/** Replaces `$department`, `$unique` and `$uscc` in every string of a body. */
function fillBody(value: unknown, departmentId: string): unknown {
  if (typeof value === 'string') {
    if (value === '$department') return departmentId;
    return value.replace('$unique', `p${randomBytes(5).toString('hex')}`).replace('$uscc', randomUscc());
  }
  if (Array.isArray(value)) return value.map((v) => fillBody(v, departmentId));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillBody(v, departmentId)]));
  return value;
}

describeEachEngine('identity access policy', (get) => {
  let app: FastifyInstance;
  let otherDepartmentId: string;
  const actors = new Map<BuiltinRole, { api: Client; departmentId: string }>();

  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    otherDepartmentId = (await buildDepartment(get().db)).id;
    for (const role of BuiltinRole.options) {
      const department = await buildDepartment(get().db);
      const { api } = await signedIn(app, get().db, { roles: [role], departmentId: department.id });
      actors.set(role, { api, departmentId: department.id });
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Fills the path's placeholders with fresh targets in the department under test. */
  async function fillPath(path: string, departmentId: string): Promise<string> {
    const db = get().db;
    const targets: Record<string, () => Promise<string>> = {
      '{department}': async () => departmentId,
      '{user}': async () => (await buildUser(db, { departmentId })).id,
      '{leaf}': async () => (await buildDepartment(db, { parentId: departmentId })).id,
      '{app}': async () =>
        (
          await db
            .insertInto('client_app')
            .values({
              department_id: departmentId,
              name: `策略应用-${randomBytes(4).toString('hex')}`,
              app_key: newAppKey(),
              description: '',
              status: 'active',
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
    };
    for (const [placeholder, make] of Object.entries(targets)) {
      if (path.includes(placeholder)) path = path.replace(placeholder, await make());
    }
    return path;
  }

  it('covers every built-in role and route in both scopes', () => {
    expect(cases).toHaveLength(policyRoutes.length * BuiltinRole.options.length * 2);
    const keys = new Set(policyRoutes.map((r: PolicyRoute) => `${r.method} ${r.path.split('?')[0]}`));
    expect(keys.size).toBe(policyRoutes.length);
  });

  it.each(cases)('$role, $scope department: $route.name → $status', async ({ route, role, scope, status }) => {
    const actor = actors.get(role)!;
    const departmentId = scope === 'own' ? actor.departmentId : otherDepartmentId;
    const url = await fillPath(route.path, departmentId);
    const api = actor.api;
    const res =
      route.method === 'GET'
        ? await api.get(url)
        : route.method === 'DELETE'
          ? await api.delete(url)
          : route.method === 'PATCH'
            ? await api.patch(url, fillBody(route.body, departmentId))
            : await api.post(url, route.body === undefined ? undefined : fillBody(route.body, departmentId));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
    if (status === 403) expect(res.json().code).toBe('FORBIDDEN');
    if (status === 404) expect(res.json().code).toBe('NOT_FOUND');
  });

  it('answers 401 to every route of the table without a session', async () => {
    const anonymous = client(app);
    for (const route of policyRoutes) {
      const url = await fillPath(route.path, otherDepartmentId);
      const res =
        route.method === 'GET'
          ? await anonymous.get(url)
          : route.method === 'DELETE'
            ? await anonymous.delete(url)
            : route.method === 'PATCH'
              ? await anonymous.patch(url, {})
              : await anonymous.post(url, {});
      expect(res.statusCode, `${route.method} ${route.path}`).toBe(401);
    }
  });
});
