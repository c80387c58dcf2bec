import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { createTestDatabase } from '../../../test/databases';
import { buildDepartment, buildTestApp, randomUscc } from '../../../test/factories';
import { client, signedIn, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import { SealedBox } from '../../platform/crypto/provider';
import { signatureHeaders } from '../../platform/signing';
import { CascadePusher } from '../catalog';
import type { AppServices } from '../../app';
import { RETURN_PATH } from './returns.protocol';
import { storeSchemaOf } from './store';

const LINK = { key: 'return-link-01', secret: 'a-long-enough-return-secret-01' };
const ID_NUMBERS = [
  '320102199001011234', // 南京市玄武区
  '320105198502023456', // 南京市建邺区
  '320113197003035678', // 南京市栖霞区
  '320205199912127890', // 无锡市锡山区
  '321002200101011111', // 扬州市广陵区
  '320106196612120000', // 南京市鼓楼区
];

/**
 * Return flow (回流) between two nodes in one process: the province (upper) pushes the rows of an aggregated
 * resource whose ID numbers fall in 南京市 (3201) to the city (lower) through the signed cascade channel.
 */
describe('return flow from the province to a city', () => {
  type Node = { db: Kysely<DB>; app: FastifyInstance; services: AppServices; admin: Client; drop: () => Promise<void>; url: string };
  let province: Node;
  let city: Node;
  let entryId: string;
  let nodeId: string;
  let storeTable: string;

  async function node(): Promise<Node> {
    const database = await createTestDatabase('pglite');
    const { app, services } = await buildTestApp(database);
    const admin = (await signedIn(app, database.db, { roles: ['platform_admin'] })).api;
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    return { db: database.db, app, services, admin, drop: database.drop, url };
  }

  beforeAll(async () => {
    [province, city] = await Promise.all([node(), node()]);
    // Each end registers the other with the same link.
    const down = await province.admin.post('/api/v1/cascade/nodes', {
      name: '南京市',
      role: 'lower',
      baseUrl: city.url,
      regionCode: '320100',
      agencyCode: randomUscc('320100'),
      ...LINK,
    });
    expect(down.statusCode, down.body).toBe(201);
    nodeId = down.json().id;
    const up = await city.admin.post('/api/v1/cascade/nodes', {
      name: '江苏省',
      role: 'upper',
      baseUrl: province.url,
      regionCode: '320000',
      agencyCode: randomUscc('320000'),
      ...LINK,
    });
    expect(up.statusCode, up.body).toBe(201);

    // The province publishes 人口基本信息 and its catalog reaches the city.
    const department = await buildDepartment(province.db, { name: `江苏省公安厅-${randomUUID().slice(0, 4)}` });
    const officer = (await signedIn(province.app, province.db, { roles: ['data_officer'], departmentId: department.id })).api;
    const reviewer = (await signedIn(province.app, province.db, { roles: ['bureau_reviewer'] })).api;
    const created = await officer.post('/api/v1/catalog/entries', entryContent({ name: '人口基本信息（回流测试）' }));
    entryId = created.json().id;
    await officer.post(`/api/v1/catalog/entries/${entryId}/submit`, { version: 1 });
    expect((await reviewer.post(`/api/v1/catalog/entries/${entryId}/review`, { decision: 'approve', version: 2 })).json()).toMatchObject({
      status: 'published',
    });
    await new CascadePusher(province.db, new SealedBox(Buffer.alloc(32, 7))).tick();
    const mirrored = await city.db.selectFrom('catalog_entry').select('id').where('origin_entry_id', '=', entryId).executeTakeFirst();
    expect(mirrored).toBeDefined();

    // Its aggregation filled the store (here written directly; table-jobs.live.test.ts covers aggregating).
    const { agency_code } = await province.db
      .selectFrom('department')
      .select('agency_code')
      .where('id', '=', department.id)
      .executeTakeFirstOrThrow();
    storeTable = `${storeSchemaOf(agency_code)}.people`;
    await sql.raw(`create schema if not exists ${storeSchemaOf(agency_code)}`).execute(province.db);
    await sql
      .raw(
        `create table ${storeTable} (id_number text collate "C" primary key, name text, birth_date date, _sy_seq bigint not null default nextval('public.exchange_store_seq'))`,
      )
      .execute(province.db);
    for (const [i, id] of ID_NUMBERS.entries())
      await sql`insert into ${sql.raw(storeTable)} (id_number, name, birth_date) values (${id}, ${`居民${i}`}, ${'1990-01-01'})`.execute(
        province.db,
      );
    const source = await province.db
      .insertInto('data_source')
      .values({
        department_id: department.id,
        name: 'src',
        kind: 'postgresql',
        settings: '{}',
        credentials_sealed: null,
        test_status: null,
        test_step: null,
        test_code: null,
        test_message: null,
        test_elapsed_ms: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mount = await province.db
      .insertInto('catalog_mount')
      .values({
        entry_id: entryId,
        kind: 'table',
        source_id: source.id,
        resource_name: 'public.people',
        column_map: '{}',
        diff: '{}',
        status: 'mounted',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await province.db
      .insertInto('exchange_job')
      .values({
        kind: 'aggregate',
        name: '人口归集',
        department_id: department.id,
        entry_id: entryId,
        mount_id: mount.id,
        source_id: source.id,
        remote_table: 'public.people',
        store_schema: storeSchemaOf(agency_code),
        store_table: 'people',
        key_column: 'id_number',
        columns: JSON.stringify([
          { name: 'id_number', type: 'char', dataType: 'character varying' },
          { name: 'name', type: 'char', dataType: 'character varying' },
          { name: 'birth_date', type: 'date', dataType: 'date' },
        ]),
        mode: 'full',
      })
      .execute();
  }, 120_000);
  afterAll(async () => {
    for (const n of [province, city]) {
      await n?.app.close();
      await n?.drop();
    }
  });

  /** The city's copy: its returned table's rows, by key. */
  async function cityRows() {
    const [table] = (await city.admin.get('/api/v1/exchange/returns')).json().items as { storeTable: string; rows: number }[];
    if (!table) return { table, rows: [] };
    const rows = (
      await sql
        .raw<{ id_number: string; name: string }>(`select id_number, name from ${table.storeTable} order by id_number`)
        .execute(city.db)
    ).rows;
    return { table, rows };
  }

  async function run(jobId: string) {
    expect((await province.admin.post(`/api/v1/exchange/jobs/${jobId}/run`)).statusCode).toBe(202);
    while (await province.services.jobWorker.runOnce());
    return (await province.admin.get(`/api/v1/exchange/jobs/${jobId}/runs?limit=1`)).json().items[0];
  }

  it("pushes the region's rows to the city, which keeps them as a local resource; changes and deletes follow", async () => {
    const created = await province.admin.post('/api/v1/exchange/jobs', {
      kind: 'return',
      entryId,
      nodeId,
      regionColumn: 'id_number',
      batchSize: 100,
    });
    expect(created.statusCode, created.body).toBe(201);
    const job = created.json();
    expect(job).toMatchObject({ kind: 'return', regionPrefix: '3201', nodeName: '南京市', sourceId: null });

    const first = await run(job.id);
    const nanjing = ID_NUMBERS.filter((id) => id.startsWith('3201')).sort();
    expect(first).toMatchObject({ status: 'done', rowsRead: nanjing.length, rowsWritten: nanjing.length, rowsDeleted: 0 });
    let copy = await cityRows();
    expect(copy.table).toMatchObject({ rows: nanjing.length, regionPrefix: '3201', fromNode: '江苏省' });
    expect(copy.rows.map((r) => r.id_number)).toEqual(nanjing);

    await sql`update ${sql.raw(storeTable)} set name = '改名' where id_number = ${nanjing[0]}`.execute(province.db);
    await sql`delete from ${sql.raw(storeTable)} where id_number = ${nanjing[1]}`.execute(province.db);
    const second = await run(job.id);
    expect(second).toMatchObject({ status: 'done', rowsRead: nanjing.length - 1, rowsDeleted: 1 });
    copy = await cityRows();
    expect(copy.rows).toEqual(
      nanjing.filter((id) => id !== nanjing[1]).map((id) => ({ id_number: id, name: id === nanjing[0] ? '改名' : expect.any(String) })),
    );

    // Both ends keep evidence of every batch; the city audits each complete run.
    const sent = await province.db.selectFrom('evidence_queue').select('entry').where('kind', '=', 'table_batch').execute();
    expect(sent.map((l) => JSON.parse(l.entry)).filter((e) => e.job === job.id && e.op === 'return')).toHaveLength(2);
    const received = await city.db.selectFrom('evidence_queue').select('entry').where('kind', '=', 'return_flow').execute();
    expect(received.length).toBeGreaterThanOrEqual(4);
    const audit = await city.db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', '=', 'exchange.return.receive')
      .execute();
    expect(audit).toHaveLength(2);

    // The bureau's overview reports the volumes per target node.
    const overview = (await province.admin.get('/api/v1/exchange/overview')).json();
    expect(overview.returns).toEqual([expect.objectContaining({ nodeId, nodeName: '南京市', runs: 2 })]);
  });

  it('refuses bad return flows and unsigned or misdirected batches', async () => {
    const refuse = async (body: Record<string, unknown>, status: number, field?: string) => {
      const res = await province.admin.post('/api/v1/exchange/jobs', {
        kind: 'return',
        entryId,
        nodeId,
        regionColumn: 'id_number',
        ...body,
      });
      expect(res.statusCode, res.body).toBe(status);
      if (field) expect(res.json().details.field).toBe(field);
    };
    await refuse({}, 409, 'nodeId');
    await refuse({ regionColumn: 'birth_date', regionPrefix: '3202' }, 400, 'regionColumn');
    await refuse({ regionColumn: 'no_such', regionPrefix: '3202' }, 400, 'regionColumn');
    await refuse({ regionPrefix: '32a' }, 400);
    await refuse({ nodeId: randomUUID(), regionPrefix: '3202' }, 400, 'nodeId');

    const body = JSON.stringify({ flowId: randomUUID() });
    const unsigned = await city.app.inject({
      method: 'POST',
      url: RETURN_PATH,
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    const signed = await city.app.inject({
      method: 'POST',
      url: RETURN_PATH,
      headers: { ...signatureHeaders({ method: 'POST', url: RETURN_PATH, body }, LINK), 'content-type': 'application/json' },
      payload: body,
    });
    expect(signed.statusCode).toBe(400);
    expect(signed.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    // The province does not take returns: its link to the city is a lower node's.
    const batch = JSON.stringify({
      flowId: randomUUID(),
      flowName: 'x',
      runId: randomUUID(),
      seq: 1,
      entry: { id: randomUUID(), code: '101001/000001' },
      regionPrefix: '3201',
      key: 'id',
      columns: [{ name: 'id', type: 'text', dataType: 'text' }],
      rows: [['1']],
      final: false,
    });
    const wrongWay = await province.app.inject({
      method: 'POST',
      url: RETURN_PATH,
      headers: { ...signatureHeaders({ method: 'POST', url: RETURN_PATH, body: batch }, LINK), 'content-type': 'application/json' },
      payload: batch,
    });
    expect(wrongWay.statusCode).toBe(409);
    // An entry the city has not received yet: the province tries again later.
    const early = await city.app.inject({
      method: 'POST',
      url: RETURN_PATH,
      headers: { ...signatureHeaders({ method: 'POST', url: RETURN_PATH, body: batch }, LINK), 'content-type': 'application/json' },
      payload: batch,
    });
    expect(early.statusCode).toBe(409);
    expect((await client(city.app).get('/api/v1/exchange/returns')).statusCode).toBe(401);
  });
});
