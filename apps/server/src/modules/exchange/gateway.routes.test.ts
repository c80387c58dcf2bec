import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { AppServices } from '../../app';
import { loadDemo, type DemoApp } from '../../demo/demo';
import { SealedBox } from '../../platform/crypto/provider';
import { signatureHeaders } from '../../platform/signing';
import { describeEachEngine } from '../../../test/databases';
import { buildTestApp, loginAs } from '../../../test/factories';
import { client, signedIn, type Client } from '../../../test/client';
import { gatewayGet, independentHeaders, independentSignerMissing, type Credentials } from '../../../test/gateway-client';

const DEMO_PASSWORD = 'Shuyuan@2026';
const missing = independentSignerMissing();
if (missing && process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${missing}`);
if (missing) console.warn(`[tests] gateway: skipped, ${missing}`);

/** Signed gateway calls checked against every refusal code of contracts §3 and the grant's rules (§5). */
describeEachEngine('the signed gateway', (get) => {
  if (missing) {
    it.skip(`needs ${missing}`, () => {});
    return;
  }
  let app: FastifyInstance;
  let services: AppServices;
  let dataDir: string;
  let apps: DemoApp[];
  let admin: Client;
  let consumer: Credentials;
  let population: { code: string; query: string };
  let enterprise: { code: string; query: string };
  /** The demo's store table behind 人口基本信息 (store_<agency code>.population). */
  let store: string;
  const creds = (name: string): Credentials => {
    const found = apps.find((a) => a.app === name)!;
    return { key: found.key, secret: found.secret };
  };
  const url = (resource: { code: string }, query: string) => `/gateway/v1/${resource.code}${query ? `?${query}` : ''}`;
  const idOf = (id: string) => `id_number=${id}`;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-gateway-'));
    await loadDemo(get().db, { box: new SealedBox(Buffer.alloc(32, 7)), dataDir });
    apps = (JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as { apps: DemoApp[] }).apps;
    const demoConsumer = apps.find((a) => a.app === 'demo-consumer')!;
    consumer = { key: demoConsumer.key, secret: demoConsumer.secret };
    [population, enterprise] = demoConsumer.resources as [{ code: string; query: string }, { code: string; query: string }];
    store = (
      await get()
        .db.selectFrom('exchange_api as a')
        .innerJoin('catalog_entry as e', 'e.id', 'a.entry_id')
        .select('a.resource_name')
        .where('e.code', '=', population.code)
        .executeTakeFirstOrThrow()
    ).resource_name;
    ({ app, services } = await buildTestApp(get()));
    admin = client(app, await loginAs(app, 'admin', DEMO_PASSWORD));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A person of the store by a condition, raw. */
  const person = async (where: string) =>
    (
      await sql<
        Record<string, string>
      >`select id_number, name, gender, birth_date::text as birth_date from ${sql.raw(store)} where ${sql.raw(where)} order by id_number limit 1`.execute(
        get().db,
      )
    ).rows[0]!;

  it('answers a signed lookup with only the granted fields, masked as the grant and the fields say', async () => {
    const res = await gatewayGet(app, url(population, population.query), consumer);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.fields).toEqual(['id_number', 'name', 'gender', 'birth_date', 'registered_address']);
    expect(res.body.data).toHaveLength(1);
    const row = res.body.data![0]!;
    expect(Object.keys(row)).toEqual(res.body.fields);
    const raw = await person(`id_number = '${population.query.split('=')[1]}'`);
    // 身份证号 keeps 6 + 4, 姓名 its first character, 户籍地址 loses its last 8 characters; the rest is as stored.
    expect(row.id_number).toBe(`${raw.id_number!.slice(0, 6)}${'*'.repeat(8)}${raw.id_number!.slice(14)}`);
    expect(row.name).toBe(raw.name![0] + '*'.repeat([...raw.name!].length - 1));
    expect(String(row.registered_address)).toMatch(/\*{8}$/);
    expect(row.gender).toBe(raw.gender);
    expect(row.birth_date).toBe(raw.birth_date);
    expect(res.headers['x-sy-call-id']).toBe(res.body.callId);
  });

  it('accepts HMAC-SHA256 and the server-side signer alike', async () => {
    expect((await gatewayGet(app, url(enterprise, enterprise.query), consumer, { algorithm: 'HMAC-SHA256' })).status).toBe(200);
    const target = url(enterprise, enterprise.query);
    const headers = signatureHeaders({ method: 'GET', url: target }, consumer);
    expect((await gatewayGet(app, target, null, { headers })).status).toBe(200);
  });

  it('refuses unsigned, expired, replayed, badly signed and unknown-key requests with their codes', async () => {
    const target = url(population, population.query);
    const unsigned = await gatewayGet(app, target, null);
    expect([unsigned.status, unsigned.body.code]).toEqual([401, 'UNSIGNED']);
    const shortNonce = await gatewayGet(app, target, consumer, { nonce: 'short' });
    expect(shortNonce.body.code).toBe('UNSIGNED');
    const expired = await gatewayGet(app, target, consumer, { timestamp: Date.now() - 6 * 60_000 });
    expect([expired.status, expired.body.code]).toEqual([401, 'SIGNATURE_EXPIRED']);
    const future = await gatewayGet(app, target, consumer, { timestamp: Date.now() + 6 * 60_000 });
    expect(future.body.code).toBe('SIGNATURE_EXPIRED');
    const nonce = `replay-${Date.now()}-nonce`;
    expect((await gatewayGet(app, target, consumer, { nonce })).status).toBe(200);
    const replayed = await gatewayGet(app, target, consumer, { nonce });
    expect([replayed.status, replayed.body.code]).toEqual([401, 'REPLAYED']);
    const wrong = await gatewayGet(app, target, { key: consumer.key, secret: 'not-the-secret' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'BAD_SIGNATURE']);
    // Signed for one person, sent for another: the query is part of what is signed.
    const other = await person(`id_number <> '${population.query.split('=')[1]}'`);
    const signedFor = independentHeaders(target, consumer);
    const tampered = await gatewayGet(app, url(population, idOf(other.id_number!)), null, { headers: signedFor });
    expect(tampered.body.code).toBe('BAD_SIGNATURE');
    const unknown = await gatewayGet(app, target, { key: 'sy-no-such-key', secret: consumer.secret });
    expect([unknown.status, unknown.body.code]).toEqual([401, 'UNKNOWN_KEY']);
  });

  it('refuses an application without a grant, an unknown resource, and a field it was not granted', async () => {
    const noGrant = await gatewayGet(app, url(population, population.query), creds('人口信息共享服务系统'));
    expect([noGrant.status, noGrant.body.code]).toEqual([403, 'NO_GRANT']);
    const unknown = await gatewayGet(app, `/gateway/v1/302001/999999?${population.query}`, consumer);
    expect([unknown.status, unknown.body.code]).toEqual([403, 'NO_GRANT']);
    const field = await gatewayGet(app, url(population, `${population.query}&fields=id_number,household_no`), consumer);
    expect([field.status, field.body.code, field.body.details]).toEqual([403, 'FIELD_NOT_GRANTED', { field: 'household_no' }]);
    const chosen = await gatewayGet(app, url(population, `${population.query}&fields=gender,name`), consumer);
    expect(chosen.body.fields).toEqual(['gender', 'name']);
    expect(Object.keys(chosen.body.data![0]!)).toEqual(['gender', 'name']);
  });

  it('refuses bad parameters, and injection attempts never reach the database as SQL', async () => {
    const cases: [string, string][] = [
      ['id_number=110105194912310021', 'id_number'], // wrong check digit
      [`${population.query}&id_number=11010519491231002X`, 'id_number'], // repeated
      [`${population.query}&nickname=x`, 'nickname'], // not declared
      ['', 'id_number'], // required and missing
      [`${population.query}&limit=0`, 'limit'],
      [`${population.query}&limit=1000000`, 'limit'],
      [`${population.query}&after=not-a-cursor`, 'after'],
      [`id_number=${encodeURIComponent("1' OR '1'='1")}`, 'id_number'],
      [`id_number=${encodeURIComponent(`11010519491231002X; drop table ${store}`)}`, 'id_number'],
    ];
    for (const [query, param] of cases) {
      const res = await gatewayGet(app, url(population, query), consumer);
      expect([res.status, res.body.code, res.body.details?.param], query).toEqual([400, 'BAD_PARAMETER', param]);
    }
    const count = await sql<{ n: string }>`select count(*) as n from ${sql.raw(store)}`.execute(get().db);
    expect(Number(count.rows[0]!.n)).toBeGreaterThan(100);
  });

  it('binds text parameters: quotes, LIKE wildcards and comments match literally; pages walk the whole result', async () => {
    const api = (await admin.get('/api/v1/exchange/apis?mine=true'))
      .json()
      .items.find((a: { resourceCode: string }) => a.resourceCode === population.code);
    // A provider's API reads only its own department's store schema, never another's.
    const enterpriseStore = (await admin.get('/api/v1/exchange/apis?mine=true'))
      .json()
      .items.find((a: { resourceCode: string }) => a.resourceCode === enterprise.code).resourceName;
    const foreign = await admin.put(`/api/v1/exchange/apis/${api.id}`, {
      access: 'physical',
      resourceName: enterpriseStore,
      fields: api.fields,
      params: api.params,
      keyField: api.keyField,
      version: api.version,
    });
    expect([foreign.statusCode, foreign.json().details?.field]).toEqual([400, 'resourceName']);
    const updated = await admin.put(`/api/v1/exchange/apis/${api.id}`, {
      access: api.access,
      sourceId: api.sourceId,
      resourceName: api.resourceName,
      fields: api.fields,
      params: [
        { ...api.params[0], required: false },
        { name: 'name_prefix', field: 'name', op: 'prefix', format: 'text', required: false, label: '姓名前缀' },
        { name: 'born_from', field: 'birth_date', op: 'gte', format: 'date', required: false, label: '出生日期起' },
      ],
      keyField: api.keyField,
      pageSizeMax: 50,
      timeoutMs: api.timeoutMs,
      status: 'active',
      version: api.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    for (const attack of ["' or 1=1 --", '%', '_', '王%', `王'; drop table ${store}; --`]) {
      const res = await gatewayGet(app, url(population, `name_prefix=${encodeURIComponent(attack)}`), consumer);
      expect([res.status, res.body.data], attack).toEqual([200, []]);
    }
    const expected = await sql<{ id_number: string }>`
      select id_number from ${sql.raw(store)} where name like '王%' and birth_date >= '1980-01-01' order by id_number`.execute(get().db);
    expect(expected.rows.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const query: string = `name_prefix=${encodeURIComponent('王')}&born_from=1980-01-01&limit=2&fields=id_number${after ? `&after=${after}` : ''}`;
      const res = await gatewayGet(app, url(population, query), consumer);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.data!.map((r) => String(r.id_number)));
      after = res.body.next ?? null;
      // The cursor is sealed: the unmasked key never shows in it.
      if (after) expect(after).not.toContain(expected.rows[0]!.id_number.slice(6, 14));
    } while (after);
    expect(seen).toEqual(expected.rows.map((r) => `${r.id_number.slice(0, 6)}********${r.id_number.slice(14)}`));
  });

  it('applies a grant at once: its row filter, its masks, its validity, its quotas, and its revocation', async () => {
    const entries = await get()
      .db.selectFrom('catalog_entry')
      .select(['id', 'code'])
      .where('code', 'in', [population.code, enterprise.code])
      .execute();
    const populationId = entries.find((e) => e.code === population.code)!.id;
    const enterpriseId = entries.find((e) => e.code === enterprise.code)!.id;
    const appOf = async (name: string) =>
      get().db.selectFrom('client_app').select(['id', 'department_id']).where('name', '=', name).executeTakeFirstOrThrow();
    const grant = async (name: string, body: Record<string, unknown>) => {
      const target = await appOf(name);
      const res = await admin.post('/api/v1/exchange/grants', {
        consumerDepartmentId: target.department_id,
        appId: target.id,
        method: 'api',
        purpose: '测试授权',
        validFrom: new Date(Date.now() - 3600_000).toISOString(),
        validTo: new Date(Date.now() + 3600_000).toISOString(),
        ...body,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number };
    };
    const woman = await person(`gender = '2'`);
    const man = await person(`gender = '1'`);

    await grant('全民健康信息平台', {
      entryId: populationId,
      fields: ['id_number', 'gender', 'birth_date'],
      rowFilter: [{ field: 'gender', op: 'eq', value: '1' }],
      masks: { id_number: 'hash', birth_date: 'date_show_year' },
    });
    const health = creds('全民健康信息平台');
    const hidden = await gatewayGet(app, url(population, idOf(woman.id_number!)), health);
    expect([hidden.status, hidden.body.data]).toEqual([200, []]);
    const shown = await gatewayGet(app, url(population, idOf(man.id_number!)), health);
    expect(shown.body.data).toHaveLength(1);
    expect(shown.body.data![0]!.id_number).toMatch(/^[0-9a-f]{64}$/);
    expect(shown.body.data![0]!.birth_date).toBe(man.birth_date!.slice(0, 4));

    await grant('人口信息共享服务系统', {
      entryId: enterpriseId,
      fields: ['uscc'],
      validFrom: new Date(Date.now() - 7200_000).toISOString(),
      validTo: new Date(Date.now() - 3600_000).toISOString(),
    });
    const expired = await gatewayGet(app, url(enterprise, enterprise.query), creds('人口信息共享服务系统'));
    expect([expired.status, expired.body.code]).toEqual([403, 'GRANT_EXPIRED']);

    const quota = await grant('企业登记注册系统', { entryId: populationId, fields: ['gender'], callsPerDay: 2 });
    const registry = creds('企业登记注册系统');
    expect((await gatewayGet(app, url(population, idOf(man.id_number!)), registry)).status).toBe(200);
    expect((await gatewayGet(app, url(population, idOf(man.id_number!)), registry)).status).toBe(200);
    const over = await gatewayGet(app, url(population, idOf(man.id_number!)), registry);
    expect([over.status, over.body.code]).toEqual([429, 'QUOTA_EXCEEDED']);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);

    await grant('婚姻登记管理系统', { entryId: populationId, fields: ['gender'], callsPerSecond: 1 });
    const marriage = creds('婚姻登记管理系统');
    const burst = await Promise.all([1, 2, 3].map(() => gatewayGet(app, url(population, idOf(man.id_number!)), marriage)));
    const limited = burst.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body.code).toBe('RATE_LIMITED');
    expect(limited[0]!.headers['retry-after']).toBe('1');

    const revoked = await admin.post(`/api/v1/exchange/grants/${quota.id}/revoke`, { version: quota.version, reason: '测试撤销' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await gatewayGet(app, url(population, idOf(man.id_number!)), registry);
    expect([after.status, after.body.code]).toEqual([403, 'NO_GRANT']);
  });

  it('logs every call, refused ones too, with its leaf in the evidence log; providers and consumers see their own', async () => {
    const before = await gatewayGet(app, url(population, population.query), consumer);
    const refused = await gatewayGet(app, url(population, population.query), { key: consumer.key, secret: 'wrong' });
    await services.callLog.flush();
    const rows = await get()
      .db.selectFrom('gateway_call')
      .selectAll()
      .where('id', 'in', [before.body.callId, refused.body.callId])
      .execute();
    expect(rows.map((r) => [r.status, r.code]).sort()).toEqual([
      [200, null],
      [401, 'BAD_SIGNATURE'],
    ]);
    const ok = rows.find((r) => r.status === 200)!;
    expect(ok.row_count).toBe(1);
    expect(ok.fields).toEqual(before.body.fields);
    const leaf = await get()
      .db.selectFrom('evidence_leaf')
      .select(['kind', 'entry'])
      .where('index', '=', Number(ok.leaf_index))
      .executeTakeFirstOrThrow();
    expect(leaf.kind).toBe('api_call');
    expect(JSON.parse(leaf.entry)).toMatchObject({ id: ok.id, status: 200, rowCount: 1, kind: 'api_call' });

    const officer = client(app, await loginAs(app, 'officer', DEMO_PASSWORD)); // 公安厅: the provider
    const developer = client(app, await loginAs(app, 'developer', DEMO_PASSWORD)); // 市场监管局: the consumer
    const { api: stranger } = await signedIn(app, get().db, { roles: ['data_officer'] }); // a department that is neither
    for (const [who, role] of [
      [officer, 'provider'],
      [developer, 'consumer'],
    ] as const) {
      const calls = await who.get(`/api/v1/exchange/calls?role=${role}&limit=500`);
      expect(calls.statusCode, calls.body).toBe(200);
      expect(calls.json().items.map((c: { id: string }) => c.id)).toContain(ok.id);
      const proof = await who.get(`/api/v1/exchange/calls/${ok.id}/proof`);
      expect(proof.statusCode, proof.body).toBe(200);
      expect(proof.json().index).toBe(Number(ok.leaf_index));
    }
    expect((await stranger.get(`/api/v1/exchange/calls/${ok.id}/proof`)).statusCode).toBe(404);
    expect((await stranger.get('/api/v1/exchange/calls?limit=500')).json().items).toEqual([]);
    const stats = await developer.get('/api/v1/exchange/stats?role=consumer');
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json().total).toBeGreaterThan(5);
    expect(stats.json().codes.map((c: { code: string }) => c.code)).toContain('BAD_SIGNATURE');
  });
  // Last: it revokes demo-consumer's demo secret.
  it('takes a rotated secret at once, and refuses a revoked one at once', async () => {
    const appRow = await get().db.selectFrom('client_app').select('id').where('app_key', '=', consumer.key).executeTakeFirstOrThrow();
    const secrets = (await admin.get(`/api/v1/apps/${appRow.id}`)).json().secrets as { id: string }[];
    const created = await admin.post(`/api/v1/apps/${appRow.id}/secrets`, {});
    expect(created.statusCode, created.body).toBe(201);
    const rotated = { key: consumer.key, secret: created.json().secret as string };
    expect((await gatewayGet(app, url(population, population.query), rotated)).status).toBe(200);
    expect((await gatewayGet(app, url(population, population.query), consumer)).status).toBe(200);
    for (const old of secrets) expect((await admin.delete(`/api/v1/apps/${appRow.id}/secrets/${old.id}`)).statusCode).toBe(204);
    const refused = await gatewayGet(app, url(population, population.query), consumer);
    expect([refused.status, refused.body.code]).toEqual([401, 'BAD_SIGNATURE']);
    expect((await gatewayGet(app, url(population, population.query), rotated)).status).toBe(200);
  });
});
