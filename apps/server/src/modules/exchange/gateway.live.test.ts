import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { sql } from 'kysely';
import { loadDemo, type DemoApp } from '../../demo/demo';
import { openPglite, type Database } from '../../db/database';
import { migrateToLatest } from '../../db/migrate';
import { SealedBox } from '../../platform/crypto/provider';
import { syncBuiltinRoles } from '../identity';
import { liveServices, settingsFromUrl, mariadbUnavailable, postgresUnavailable } from '../sources/testing/live-services';
import { buildTestApp, loginAs } from '../../../test/factories';
import { client, type Client } from '../../../test/client';
import { gatewayGet, independentSignerMissing, type Credentials } from '../../../test/gateway-client';

const pgSkipped = await postgresUnavailable();
const mariaSettings = settingsFromUrl(liveServices.mariadbUrl, 3306);
const connectMaria = () =>
  mysql.createConnection({
    host: mariaSettings.settings.host,
    port: mariaSettings.settings.port,
    user: mariaSettings.settings.user,
    password: mariaSettings.password ?? '',
    database: mariaSettings.settings.database,
    connectTimeout: 3000,
  });
const mariaSkipped = await mariadbUnavailable();
const signerMissing = independentSignerMissing();
if (signerMissing && liveServices.required) throw new Error(`REQUIRE_SERVICES=1 but ${signerMissing}`);

const suffix = randomBytes(4).toString('hex');
const PEOPLE = `gw_people_${suffix}`;
const SLOW = `gw_slow_${suffix}`;
const ROWS = Array.from(
  { length: 40 },
  (_, i) => [`P${String(i).padStart(4, '0')}`, `张${'三四五六七'[i % 5]}${i}`, i % 2 ? '1' : '2'] as const,
);

/**
 * Logical access (逻辑接入): the gateway queries the provider's own PostgreSQL and MariaDB live through
 * pooled connectors, with the API's time limit; a source that is down or slow answers 502 or 504.
 */
describe.skipIf(!!signerMissing || (!!pgSkipped && !!mariaSkipped))('the gateway over live sources', () => {
  let database: Database;
  let app: FastifyInstance;
  let admin: Client;
  let consumer: Credentials;
  let consumerApp: { id: string; department_id: string };
  let dataDir: string;
  /** In-force entries shared by API that have no gateway API yet, one per test table. */
  let entries: { id: string; code: string; department_id: string }[];

  beforeAll(async () => {
    database = await openPglite(null);
    await migrateToLatest(database.db);
    await syncBuiltinRoles(database.db);
    dataDir = mkdtempSync(join(tmpdir(), 'shuyuan-live-'));
    await loadDemo(database.db, { box: new SealedBox(Buffer.alloc(32, 7)), dataDir });
    const demo = (JSON.parse(readFileSync(join(dataDir, 'demo.json'), 'utf8')) as { apps: DemoApp[] }).apps.find(
      (a) => a.app === 'demo-consumer',
    )!;
    consumer = { key: demo.key, secret: demo.secret };
    consumerApp = await database.db
      .selectFrom('client_app')
      .select(['id', 'department_id'])
      .where('app_key', '=', demo.key)
      .executeTakeFirstOrThrow();
    entries = (
      await sql<{ id: string; code: string; department_id: string }>`
        select e.id, e.code, e.department_id from catalog_entry e
        where e.status = 'published' and 'api' = any(e.sharing_methods) and e.origin_node_id is null
          and not exists (select 1 from exchange_api a where a.entry_id = e.id)
        order by e.code limit 4`.execute(database.db)
    ).rows;
    expect(entries).toHaveLength(4);
    ({ app } = await buildTestApp(database));
    admin = client(app, await loginAs(app, 'admin', 'Shuyuan@2026'));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Registers a source of the entry's department and an approved mount of `table`, as the catalog would. */
  async function mountedSource(entry: (typeof entries)[number], kind: 'postgresql' | 'mysql', url: string, tables: string[]) {
    const { settings } = settingsFromUrl(url, kind === 'mysql' ? 3306 : 5432);
    const source = await database.db
      .insertInto('data_source')
      .values({
        department_id: entry.department_id,
        name: `live-${kind}-${suffix}-${entry.code}`,
        kind,
        settings: JSON.stringify({ ...settings, schema: kind === 'postgresql' ? 'public' : null }),
        credentials_sealed: null,
        test_status: null,
        test_step: null,
        test_code: null,
        test_message: null,
        test_elapsed_ms: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const table of tables)
      await database.db
        .insertInto('catalog_mount')
        .values({
          entry_id: entry.id,
          kind: 'table',
          source_id: source.id,
          resource_name: table,
          column_map: '{}',
          diff: '{}',
          status: 'mounted',
        })
        .execute();
    return source.id;
  }

  /** Declares a logical API over `table` and grants it to demo-consumer. */
  async function serve(entry: (typeof entries)[number], sourceId: string, table: string, timeoutMs = 5000) {
    const declared = await admin.post('/api/v1/exchange/apis', {
      entryId: entry.id,
      access: 'logical',
      sourceId,
      resourceName: table,
      fields: [
        { name: 'code', column: 'code', label: '编号' },
        { name: 'name', column: 'name', label: '姓名', sensitive: true, mask: 'name' },
        { name: 'gender', column: 'gender', label: '性别' },
      ],
      params: [
        { name: 'code', field: 'code', op: 'eq', format: 'text', label: '编号' },
        { name: 'gender', field: 'gender', op: 'eq', format: 'text', label: '性别' },
      ],
      keyField: 'code',
      timeoutMs,
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const granted = await admin.post('/api/v1/exchange/grants', {
      entryId: entry.id,
      consumerDepartmentId: consumerApp.department_id,
      appId: consumerApp.id,
      method: 'api',
      fields: ['code', 'name', 'gender'],
      purpose: '逻辑接入测试',
      validFrom: new Date(Date.now() - 60_000).toISOString(),
      validTo: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(granted.statusCode, granted.body).toBe(201);
    return `/gateway/v1/${entry.code}`;
  }

  /** Walks every page of a lookup and returns the rows. */
  async function walk(path: string, query: string) {
    const rows: Record<string, unknown>[] = [];
    let after: string | null = null;
    do {
      const res = await gatewayGet(app, `${path}?${query}&limit=7${after ? `&after=${after}` : ''}`, consumer);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      rows.push(...res.body.data!);
      after = res.body.next ?? null;
    } while (after);
    return rows;
  }

  const expectedWomen = ROWS.filter(([, , g]) => g === '2').map(([code, name, gender]) => ({
    code,
    name: name[0] + '*'.repeat([...name].length - 1),
    gender,
  }));

  describe.skipIf(!!pgSkipped)('PostgreSQL', () => {
    let admin: pg.Client;
    beforeAll(async () => {
      admin = new pg.Client({ connectionString: liveServices.postgresUrl });
      await admin.connect();
      await admin.query(`create table ${PEOPLE} (code text primary key, name text not null, gender char(1) not null)`);
      for (const row of ROWS) await admin.query(`insert into ${PEOPLE} values ($1, $2, $3)`, [...row]);
      await admin.query(`create view ${SLOW} as select p.* from ${PEOPLE} p cross join pg_sleep(1)`);
    });
    afterAll(async () => {
      await admin?.query(`drop view if exists ${SLOW}`);
      await admin?.query(`drop table if exists ${PEOPLE}`);
      await admin?.end();
    });

    it('reads pages live, filtered and masked; then answers 504 for a slow source and 502 for one that is down', async () => {
      const sourceId = await mountedSource(entries[0]!, 'postgresql', liveServices.postgresUrl, [`public.${PEOPLE}`, `public.${SLOW}`]);
      const path = await serve(entries[0]!, sourceId, `public.${PEOPLE}`);
      expect(await walk(path, 'gender=2')).toEqual(expectedWomen);
      const injected = await gatewayGet(app, `${path}?code=${encodeURIComponent("P0001' or '1'='1")}`, consumer);
      expect([injected.status, injected.body.data]).toEqual([200, []]);

      const slowSource = await mountedSource(entries[1]!, 'postgresql', liveServices.postgresUrl, [`public.${SLOW}`]);
      const slow = await serve(entries[1]!, slowSource, `public.${SLOW}`, 300);
      const timedOut = await gatewayGet(app, `${slow}?code=P0001`, consumer);
      expect([timedOut.status, timedOut.body.code]).toEqual([504, 'SOURCE_TIMEOUT']);

      await database.db
        .updateTable('data_source')
        .set({
          settings: JSON.stringify({ ...settingsFromUrl(liveServices.postgresUrl, 5432).settings, port: 1, schema: 'public' }),
          version: sql`version + 1`,
        })
        .where('id', '=', sourceId)
        .execute();
      await new Promise((r) => setTimeout(r, 2_100)); // the gateway re-reads a source after its 2 s cache
      const down = await gatewayGet(app, `${path}?code=P0001`, consumer);
      expect([down.status, down.body.code]).toEqual([502, 'SOURCE_UNAVAILABLE']);
    });
  });

  describe.skipIf(!!mariaSkipped)('MariaDB', () => {
    let conn: mysql.Connection;
    beforeAll(async () => {
      conn = await connectMaria();
      await conn.query(
        `create table ${PEOPLE} (code varchar(10) primary key, name varchar(50) not null, gender char(1) not null) default charset utf8mb4`,
      );
      await conn.query(`insert into ${PEOPLE} values ?`, [ROWS.map((r) => [...r])]);
    });
    afterAll(async () => {
      await conn?.query(`drop table if exists ${PEOPLE}`);
      await conn?.end();
    });

    it('reads pages live from MariaDB, filtered and masked, and binds every parameter', async () => {
      const sourceId = await mountedSource(entries[2]!, 'mysql', liveServices.mariadbUrl, [PEOPLE]);
      const path = await serve(entries[2]!, sourceId, PEOPLE);
      expect(await walk(path, 'gender=2')).toEqual(expectedWomen);
      for (const attack of ["P0001' or '1'='1", 'P0001\\', "P0001'; drop table x; --"]) {
        const res = await gatewayGet(app, `${path}?code=${encodeURIComponent(attack)}`, consumer);
        expect([res.status, res.body.data], attack).toEqual([200, []]);
      }
      const [[count]] = (await conn.query(`select count(*) as n from ${PEOPLE}`)) as unknown as [[{ n: number }]];
      expect(Number(count.n)).toBe(ROWS.length);
    });
  });
});
