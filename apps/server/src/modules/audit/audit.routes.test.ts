import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appendAudit, systemActor } from '../../platform/audit/audit-log';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp, buildUser, randomUscc } from '../../../test/factories';
import { signedIn, type Client } from '../../../test/client';
import { csvField } from './audit.routes';

const unique = () => randomBytes(4).toString('hex');

/** Parses RFC 4180 CSV (CRLF rows, "" escapes); enough to read our export back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      endField();
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else {
      field += ch;
    }
  }
  if (field || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}

interface EventOut {
  id: number;
  occurredAt: string;
  actorLogin: string;
  action: string;
  outcome: string;
  targetId: string | null;
  targetLabel: string | null;
  details: Record<string, unknown>;
}

describeEachEngine('audit routes', (get) => {
  let app: FastifyInstance;
  let auditor: Client;
  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    auditor = (await signedIn(app, get().db, { roles: ['auditor'] })).api;
  });
  afterAll(async () => {
    await app?.close();
  });

  const events = async (query: string) => {
    const res = await auditor.get(`/api/v1/audit/events?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: EventOut[]; total: number };
  };

  /** A fresh administrator in a fresh department who makes a few audited changes. */
  async function busyAdmin() {
    const department = await buildDepartment(get().db);
    const admin = await signedIn(app, get().db, { roles: ['platform_admin'], departmentId: department.id, login: `aud_${unique()}` });
    const created = await admin.api.post('/api/v1/departments', {
      name: `审计测试-${unique()}`,
      level: 'province',
      divisionCode: '320000',
      agencyCode: randomUscc(),
    });
    const user = await admin.api.post('/api/v1/users', { login: `u${unique()}`, displayName: '被审计', departmentId: department.id });
    await admin.api.patch(`/api/v1/users/${user.json().user.id}`, { displayName: '改过名', version: 1 });
    return { ...admin, department, departmentCreated: created.json() as { id: string } };
  }

  it('records every security-relevant change with its actor', async () => {
    const { api, user, department } = await busyAdmin();
    const target = await buildUser(get().db, { departmentId: department.id });
    await api.post(`/api/v1/users/${target.id}/reset-password`);
    await api.post(`/api/v1/users/${target.id}/unlock`);
    const role = (await api.post('/api/v1/roles', { code: `r_${unique()}`, nameZh: '角色', nameEn: 'Role', permissions: [] })).json();
    await api.patch(`/api/v1/roles/${role.id}`, { permissions: ['identity.app.read'], version: 1 });
    await api.delete(`/api/v1/roles/${role.id}`);
    const created = (await api.post('/api/v1/apps', { departmentId: department.id, name: `应用-${unique()}` })).json();
    await api.patch(`/api/v1/apps/${created.app.id}`, { description: '改', version: 1 });
    await api.delete(`/api/v1/apps/${created.app.id}/secrets/${created.secret.id}`);
    const token = (await api.post('/api/v1/auth/tokens', { name: 't' })).json();
    await api.delete(`/api/v1/auth/tokens/${token.item.id}`);
    await api.post('/api/v1/auth/logout');

    const rows = await get().db.selectFrom('audit_event').selectAll().where('actor_login', '=', user.login).orderBy('id').execute();
    expect(new Set(rows.map((r) => r.action))).toEqual(
      new Set([
        'auth.login',
        'identity.department.create',
        'identity.user.create',
        'identity.user.update',
        'identity.user.reset_password',
        'identity.user.unlock',
        'identity.role.create',
        'identity.role.update',
        'identity.role.delete',
        'identity.app.create',
        'identity.app.secret.create',
        'identity.app.update',
        'identity.app.secret.revoke',
        'identity.token.create',
        'identity.token.revoke',
        'auth.logout',
      ]),
    );
    for (const row of rows) expect(row).toMatchObject({ actor_user_id: user.id, actor_department_id: department.id, outcome: 'success' });
  });

  it('writes the audit row in the transaction of the change: a rollback leaves neither', async () => {
    const label = `rollback-${unique()}`;
    await expect(
      get()
        .db.transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('department')
            .values({ name: label, level: 'province', division_code: '320000', agency_code: randomUscc() })
            .execute();
          await appendAudit(trx, systemActor('test'), { action: 'identity.department.create', targetLabel: label });
          throw new Error('the change fails after its audit row');
        }),
    ).rejects.toThrow('the change fails');
    expect(await get().db.selectFrom('audit_event').select('id').where('target_label', '=', label).execute()).toEqual([]);
    expect(await get().db.selectFrom('department').select('id').where('name', '=', label).execute()).toEqual([]);
  });

  it('filters by actor, action prefix, outcome and department, newest first', async () => {
    const { user, department, departmentCreated } = await busyAdmin();
    const mine = await events(`actor=${user.login}`);
    expect(mine.items.map((e) => e.action)).toEqual([
      'identity.user.update',
      'identity.user.create',
      'identity.department.create',
      'auth.login',
    ]);
    expect(mine.total).toBe(4);
    expect(mine.items.map((e) => e.id)).toEqual([...mine.items.map((e) => e.id)].sort((a, b) => b - a));
    expect(mine.items[2]).toMatchObject({ targetId: departmentCreated.id, outcome: 'success' });

    expect((await events(`actor=${user.login}&action=identity.user`)).items.map((e) => e.action)).toEqual([
      'identity.user.update',
      'identity.user.create',
    ]);
    expect((await events(`actor=${user.login}&action=identity.user.create`)).total).toBe(1);
    expect((await events(`actor=${user.login}&action=identity.use`)).total).toBe(0);
    expect((await events(`actor=${user.login}&action=identity`)).total).toBe(3);
    expect((await events(`departmentId=${department.id}`)).total).toBe(4);
    expect((await events(`actor=${user.login}&outcome=failure`)).total).toBe(0);

    const page = await events(`actor=${user.login}&limit=2&offset=1`);
    expect(page).toMatchObject({ total: 4, items: [{ id: mine.items[1]!.id }, { id: mine.items[2]!.id }] });
  });

  it('filters failures, e.g. failed logins, by outcome', async () => {
    const target = await buildUser(get().db, { login: `fail_${unique()}` });
    for (let i = 0; i < 2; i++)
      await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login: target.login, password: 'wrong' } });
    const failures = await events(`actor=${target.login}&outcome=failure`);
    expect(failures.items.map((e) => [e.action, e.outcome, e.details.reason])).toEqual([
      ['auth.login.failed', 'failure', 'bad_password'],
      ['auth.login.failed', 'failure', 'bad_password'],
    ]);
    expect((await events(`actor=${target.login}&outcome=success`)).total).toBe(0);
  });

  it('filters by time: from is inclusive, to is exclusive', async () => {
    const { user } = await busyAdmin();
    const [newest] = (await events(`actor=${user.login}&limit=1`)).items;
    const at = new Date(newest!.occurredAt);
    const just = (ms: number) => encodeURIComponent(new Date(at.getTime() + ms).toISOString());
    const ids = async (range: string) => (await events(`actor=${user.login}&${range}`)).items.map((e) => e.id);
    expect(await ids(`from=${just(0)}`)).toContain(newest!.id);
    expect(await ids(`to=${just(0)}`)).not.toContain(newest!.id);
    expect(await ids(`from=${just(0)}&to=${just(1)}`)).toContain(newest!.id);
    expect(await ids(`from=${just(3_600_000)}`)).toEqual([]);
    expect(await ids(`to=${just(-3_600_000)}`)).toEqual([]);
  });

  it('exports CSV with a BOM, a header and one line per event, quoting and defusing fields', async () => {
    const department = await buildDepartment(get().db);
    const admin = await signedIn(app, get().db, { roles: ['platform_admin'], departmentId: department.id, login: `csv_${unique()}` });
    const name = `=HYPERLINK("http://evil"),部门-${unique()}`;
    expect(
      (await admin.api.post('/api/v1/departments', { name, level: 'province', divisionCode: '320000', agencyCode: randomUscc() }))
        .statusCode,
    ).toBe(201);

    const res = await auditor.get(`/api/v1/audit/events.csv?actor=${admin.user.login}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(
      res.body.startsWith(
        '\uFEFFid,occurred_at,actor_login,actor_department,action,outcome,target_type,target_id,target_label,ip,details\r\n',
      ),
    ).toBe(true);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil""),部门-`);

    const [header, ...lines] = parseCsv(res.body.slice(1));
    const listed = await events(`actor=${admin.user.login}`);
    expect(lines).toHaveLength(listed.total);
    expect(lines.map((l) => Number(l[0]))).toEqual(listed.items.map((e) => e.id));
    for (const line of lines) expect(line).toHaveLength(header!.length);
    const create = lines.find((l) => l[4] === 'identity.department.create')!;
    expect(create[8]).toBe(`'${name}`);
    expect(create[3]).toBe(department.name);
    expect(JSON.parse(create[10]!)).toEqual({ agencyCode: expect.any(String) });
  });

  it('lets an auditor read and export, and refuses a data officer', async () => {
    const officer = await signedIn(app, get().db, { roles: ['data_officer'] });
    for (const url of ['/api/v1/audit/events', '/api/v1/audit/actions', '/api/v1/audit/events.csv']) {
      expect((await auditor.get(url)).statusCode).toBe(200);
      const res = await officer.api.get(url);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await auditor.get('/api/v1/audit/actions')).json().items).toContain('auth.login');
  });

  it("narrows a reader without platform.scope.all to its own department's actors", async () => {
    const admin = await signedIn(app, get().db, { roles: ['platform_admin'] });
    const code = `aud_${unique()}`;
    await admin.api.post('/api/v1/roles', { code, nameZh: '部门审计', nameEn: 'Department auditor', permissions: ['audit.event.read'] });
    const own = await buildDepartment(get().db);
    const reader = await signedIn(app, get().db, { roles: [code], departmentId: own.id });
    const outsider = await busyAdmin();
    const seen = await reader.api.get('/api/v1/audit/events?limit=500');
    expect(seen.statusCode).toBe(200);
    expect(new Set(seen.json().items.map((e: EventOut) => e.actorLogin))).toEqual(new Set([reader.user.login]));
    expect((await reader.api.get(`/api/v1/audit/events?departmentId=${outsider.department.id}`)).json().total).toBe(0);
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+86', "'+86"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=a,b', `"'=a,b"`],
  ])('writes %j as %j', (input, output) => {
    expect(csvField(input)).toBe(output);
  });

  it('writes null as empty, dates as ISO and objects as JSON', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });
});
