import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import { liveServices, settingsFromUrl, unavailable } from '../sources/testing/live-services';
import { sourceReader, type RowQuery } from './gateway.readers';

const pgSkipped = await unavailable('PostgreSQL', liveServices.postgresUrl, async () => {
  const c = new pg.Client({ connectionString: liveServices.postgresUrl, connectionTimeoutMillis: 3000 });
  await c.connect();
  await c.end();
});

const TABLE = `gr_people_${randomBytes(4).toString('hex')}`;

/**
 * The live reader of a PostgreSQL source runs its lookups as named prepared statements; behind a pooler in
 * transaction mode (PgBouncer before 1.21) a statement prepared on one server connection is missing on the next,
 * and the reader goes on unnamed. No pooler runs here: the server's "prepared statement does not exist" is
 * made to happen once, on the driver's call, and everything else is the real server.
 */
describe.skipIf(!!pgSkipped)('the gateway reader of a PostgreSQL source', () => {
  let admin: pg.Client;
  const { settings, password } = settingsFromUrl(liveServices.postgresUrl, 5432);
  const query = (code: string): RowQuery => ({
    table: `public.${TABLE}`,
    columns: ['code', 'name'],
    conditions: [{ column: 'code', op: 'eq', value: code }],
    keyColumn: 'code',
    after: null,
    limit: 2,
    timeoutMs: 5_000,
  });

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: liveServices.postgresUrl });
    await admin.connect();
    await admin.query(`create table ${TABLE} (code text primary key, name text not null)`);
    await admin.query(`insert into ${TABLE} values ('P1', '张三'), ('P2', '李四')`);
  });
  afterAll(async () => {
    await admin?.query(`drop table if exists ${TABLE}`);
    await admin?.end();
  });
  afterEach(() => vi.restoreAllMocks());

  it('looks up by a prepared statement, the same one each time, with the values bound', async () => {
    const calls = vi.spyOn(pg.Pool.prototype, 'query');
    const reader = sourceReader({ kind: 'postgresql', settings, password }, 5_000);
    try {
      expect(await reader.read(query('P1'))).toEqual([{ code: 'P1', name: '张三' }]);
      expect(await reader.read(query('P2'))).toEqual([{ code: 'P2', name: '李四' }]);
      expect(await reader.read(query("P1' or '1'='1"))).toEqual([]);
      const names = calls.mock.calls.map(([config]) => (config as { name?: string }).name);
      expect(names).toHaveLength(3);
      expect(new Set(names).size).toBe(1);
      expect(names[0]).toMatch(/^sy_lookup_\d+$/);
    } finally {
      await reader.close();
    }
  });

  it('goes on unnamed once the source says a prepared statement is missing, answering that lookup too', async () => {
    const real = pg.Pool.prototype.query;
    let refused = 0;
    const calls = vi.spyOn(pg.Pool.prototype, 'query').mockImplementation(function (this: pg.Pool, ...args: unknown[]) {
      const config = args[0] as { name?: string };
      if (config.name && refused === 0) {
        refused++;
        return Promise.reject(Object.assign(new Error('prepared statement "sy_lookup_0" does not exist'), { code: '26000' }));
      }
      return (real as (...a: unknown[]) => unknown).apply(this, args);
    } as never);
    const reader = sourceReader({ kind: 'postgresql', settings, password }, 5_000);
    try {
      expect(await reader.read(query('P1'))).toEqual([{ code: 'P1', name: '张三' }]);
      expect(await reader.read(query('P2'))).toEqual([{ code: 'P2', name: '李四' }]);
      const names = calls.mock.calls.map(([config]) => (config as { name?: string }).name);
      expect(names).toEqual(['sy_lookup_0', undefined, undefined]);
    } finally {
      await reader.close();
    }
  });
});
