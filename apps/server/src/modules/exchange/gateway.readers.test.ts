import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { liveServices, settingsFromUrl, mariadbUnavailable, postgresUnavailable } from '../sources/testing/live-services';
import { sourceReader, type RowQuery } from './gateway.readers';

const pgSkipped = await postgresUnavailable();
const mariadbSkipped = await mariadbUnavailable();

const TABLE = `gr_people_${randomBytes(4).toString('hex')}`;

/** Lookups on a table of 300 rows (C0001…C0300): by kind (eq), from a number (gte), after a key, a page of `limit`. */
const manyOf =
  (table: string) =>
  (kind: string, from: number, after: string | null, limit: number): RowQuery => ({
    table,
    columns: ['code', 'kind', 'n'],
    conditions: [
      { column: 'kind', op: 'eq', value: kind },
      { column: 'n', op: 'gte', value: from },
    ],
    keyColumn: 'code',
    after,
    limit,
    timeoutMs: 5_000,
  });
/** What one such lookup alone answers, computed here from the same rows. */
const expected = (kind: string, from: number, after: string | null, limit: number) =>
  Array.from({ length: 300 }, (_, k) => k + 1)
    .map((i) => ({ code: `C${String(i).padStart(4, '0')}`, kind: ['a', 'b', 'c'][i % 3]!, n: i }))
    .filter((r) => r.kind === kind && r.n >= from && (after === null || r.code > after))
    .slice(0, limit);

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
    await admin.query(`create table ${TABLE}_many (code text primary key, kind text not null, n int not null)`);
    await admin.query(
      `insert into ${TABLE}_many select 'C' || lpad(i::text, 4, '0'), (array['a', 'b', 'c'])[i % 3 + 1], i from generate_series(1, 300) i`,
    );
  });
  afterAll(async () => {
    await admin?.query(`drop table if exists ${TABLE}, ${TABLE}_many`);
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

  const many = manyOf(`public.${TABLE}_many`);

  it('sends the lookups that wait for a connection together, each answered with exactly its own page', async () => {
    const calls = vi.spyOn(pg.Pool.prototype, 'query');
    const reader = sourceReader({ kind: 'postgresql', settings, password }, 5_000);
    try {
      const asked = Array.from({ length: 60 }, (_, i) => {
        const kind = ['a', 'b', 'c'][i % 3]!;
        const after = i % 4 === 0 ? null : `C${String(i * 4).padStart(4, '0')}`;
        return [kind, i % 7, after, 1 + (i % 5)] as const;
      });
      const pages = await Promise.all(asked.map((a) => reader.read(many(...a))));
      pages.forEach((page, i) => expect(page, `lookup ${i}`).toEqual(expected(...asked[i]!)));
      // Eight connections: the first eight lookups go alone, the rest wait and share statements.
      expect(calls.mock.calls.length).toBeLessThan(asked.length);
      const batched = calls.mock.calls.filter(([config]) => /union all/.test((config as unknown as { text: string }).text));
      expect(batched.length).toBeGreaterThan(0);
    } finally {
      await reader.close();
    }
  });

  it('a value its column refuses fails only its own lookup, not the others sent with it', async () => {
    const calls = vi.spyOn(pg.Pool.prototype, 'query');
    const reader = sourceReader({ kind: 'postgresql', settings, password }, 5_000);
    try {
      const good = Array.from({ length: 30 }, (_, i) => reader.read(many('a', i, null, 2)));
      // The same statement as the 'a' lookups around it, but 'x' is no integer: the server refuses the batch that carries it.
      const bad = reader.read({
        ...many('a', 0, null, 2),
        conditions: [
          { column: 'kind', op: 'eq', value: 'a' },
          { column: 'n', op: 'gte', value: 'x' },
        ],
      });
      const more = Array.from({ length: 30 }, (_, i) => reader.read(many('b', i, null, 3)));
      await expect(bad).rejects.toMatchObject({ kind: 'unavailable' });
      const answered = await Promise.all([...good, ...more]);
      answered.forEach((page, i) => expect(page).toEqual(i < 30 ? expected('a', i, null, 2) : expected('b', i - 30, null, 3)));
      // It was sent in a batch: that batch failed, and its lookups were asked again one by one.
      const texts = calls.mock.calls.map(([config]) => config as unknown as { text: string; values: unknown[] });
      expect(texts.some((c) => /union all/.test(c.text) && c.values.includes('x'))).toBe(true);
    } finally {
      await reader.close();
    }
  });

  it('a lookup that cannot be bound safely stays data: quotes and SQL in values find nothing, in a batch too', async () => {
    const reader = sourceReader({ kind: 'postgresql', settings, password }, 5_000);
    try {
      const tries = ["a' or '1'='1", 'a); drop table x; --', "b' union all select 'C0001', 'a', 1 --", 'c'];
      const pages = await Promise.all(Array.from({ length: 40 }, (_, i) => reader.read(many(tries[i % 4]!, 0, null, 2))));
      pages.forEach((page, i) => expect(page).toEqual(i % 4 === 3 ? expected('c', 0, null, 2) : []));
    } finally {
      await reader.close();
    }
  });

  it('answers batches of a table whose columns are named like the batch columns (sy_place, c0)', async () => {
    await admin.query(`create table ${TABLE}_odd (code text primary key, sy_place text not null, c0 text not null)`);
    await admin.query(`insert into ${TABLE}_odd select 'K' || i, 'place ' || i, 'first ' || i from generate_series(1, 50) i`);
    const calls = vi.spyOn(pg.Pool.prototype, 'query');
    const reader = sourceReader({ kind: 'postgresql', settings, password }, 5_000);
    try {
      const odd = (i: number): RowQuery => ({
        table: `public.${TABLE}_odd`,
        columns: ['sy_place', 'c0'],
        conditions: [{ column: 'code', op: 'eq', value: `K${i}` }],
        keyColumn: 'code',
        after: null,
        limit: 2,
        timeoutMs: 5_000,
      });
      const pages = await Promise.all(Array.from({ length: 50 }, (_, i) => reader.read(odd(i + 1))));
      pages.forEach((page, i) => expect(page).toEqual([{ sy_place: `place ${i + 1}`, c0: `first ${i + 1}`, code: `K${i + 1}` }]));
      const batches = calls.mock.calls.filter(([config]) => /union all/.test((config as unknown as { text: string }).text));
      expect(batches.length).toBeGreaterThan(0);
    } finally {
      await reader.close();
      await admin.query(`drop table if exists ${TABLE}_odd`);
    }
  });

  it('keeps a heavy lookup alone: a batch never takes more than a quarter of the time limit by what lookups cost', async () => {
    // Each lookup of this view costs the source 150 ms; with a limit of 1 s, two together would already take more than 250 ms.
    await admin.query(
      `create or replace view ${TABLE}_slow as select p.code, p.name from ${TABLE} p cross join lateral (select pg_sleep(0.15)) s`,
    );
    const calls = vi.spyOn(pg.Pool.prototype, 'query');
    const reader = sourceReader({ kind: 'postgresql', settings, password }, 1_000);
    try {
      const slow = (code: string): RowQuery => ({ ...query(code), table: `public.${TABLE}_slow`, timeoutMs: 1_000 });
      const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => reader.read(slow(i % 2 ? 'P1' : 'P2'))));
      pages.forEach((page, i) => expect(page).toEqual([i % 2 ? { code: 'P1', name: '张三' } : { code: 'P2', name: '李四' }]));
      expect(calls.mock.calls.some(([config]) => /union all/.test((config as unknown as { text: string }).text))).toBe(false);
      expect(calls.mock.calls).toHaveLength(20);
    } finally {
      await reader.close();
      await admin.query(`drop view if exists ${TABLE}_slow`);
    }
  });

  it('with a batch of one (SHUYUAN_GATEWAY_LOOKUP_BATCH=1) sends every lookup alone', async () => {
    const calls = vi.spyOn(pg.Pool.prototype, 'query');
    const reader = sourceReader({ kind: 'postgresql', settings, password }, 5_000, 1);
    try {
      const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => reader.read(many('a', i, null, 2))));
      pages.forEach((page, i) => expect(page).toEqual(expected('a', i, null, 2)));
      expect(calls.mock.calls).toHaveLength(20);
      expect(calls.mock.calls.some(([config]) => /union all/.test((config as unknown as { text: string }).text))).toBe(false);
    } finally {
      await reader.close();
    }
  });
});

/** The same batching on a MySQL or MariaDB source: `?` placeholders, rows as arrays, the same answers. */
describe.skipIf(!!mariadbSkipped)('the gateway reader of a MariaDB source', () => {
  let admin: mysql.Connection;
  const { settings, password } = settingsFromUrl(liveServices.mariadbUrl, 3306);
  const table = `${TABLE}_my`;
  const many = manyOf(table);

  beforeAll(async () => {
    admin = await mysql.createConnection({ uri: liveServices.mariadbUrl });
    await admin.query(`create table ${table} (code varchar(10) primary key, kind varchar(1) not null, n int not null)`);
    const rows = Array.from({ length: 300 }, (_, k) => [`C${String(k + 1).padStart(4, '0')}`, ['a', 'b', 'c'][(k + 1) % 3], k + 1]);
    await admin.query(`insert into ${table} values ?`, [rows]);
  });
  afterAll(async () => {
    await admin?.query(`drop table if exists ${table}`);
    await admin?.end();
  });
  afterEach(() => vi.restoreAllMocks());

  /** The statements the reader's pool is sent, through a wrapped mysql2 pool. */
  const sentStatements = () => {
    const sent: { sql: string; values: unknown[] }[] = [];
    const real = mysql.createPool.bind(mysql);
    vi.spyOn(mysql, 'createPool').mockImplementation(((config: mysql.PoolOptions) => {
      const pool = real(config);
      const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
      (pool as unknown as { query: unknown }).query = (options: { sql: string; values: unknown[] }, ...rest: unknown[]) => {
        sent.push(options);
        return query(options, ...rest);
      };
      return pool;
    }) as never);
    return sent;
  };

  it('sends the lookups of a turn together, each answered with exactly its own page', async () => {
    const sent = sentStatements();
    const reader = sourceReader({ kind: 'mysql', settings, password }, 5_000);
    try {
      const asked = Array.from({ length: 60 }, (_, i) => {
        const kind = ['a', 'b', 'c'][i % 3]!;
        const after = i % 4 === 0 ? null : `C${String(i * 4).padStart(4, '0')}`;
        return [kind, i % 7, after, 1 + (i % 5)] as const;
      });
      const pages = await Promise.all(asked.map((a) => reader.read(many(...a))));
      pages.forEach((page, i) => expect(page, `lookup ${i}`).toEqual(expected(...asked[i]!)));
      expect(sent.length).toBeLessThan(asked.length);
      expect(sent.some((s) => /union all/.test(s.sql))).toBe(true);
    } finally {
      await reader.close();
    }
  });

  it('batches a table with a column named like the batch tag (MariaDB refuses duplicate names in a derived table)', async () => {
    await admin.query(`create table ${table}_odd (code varchar(10) primary key, sy_place varchar(20) not null, C0 varchar(20) not null)`);
    await admin.query(`insert into ${table}_odd values ?`, [Array.from({ length: 40 }, (_, i) => [`K${i}`, `place ${i}`, `first ${i}`])]);
    const sent = sentStatements();
    const reader = sourceReader({ kind: 'mysql', settings, password }, 5_000);
    try {
      const odd = (i: number): RowQuery => ({
        table: `${table}_odd`,
        columns: ['sy_place', 'C0'],
        conditions: [{ column: 'code', op: 'eq', value: `K${i}` }],
        keyColumn: 'code',
        after: null,
        limit: 2,
        timeoutMs: 5_000,
      });
      const pages = await Promise.all(Array.from({ length: 40 }, (_, i) => reader.read(odd(i))));
      pages.forEach((page, i) => expect(page).toEqual([{ sy_place: `place ${i}`, C0: `first ${i}`, code: `K${i}` }]));
      // The batches were answered, not refused and asked again one by one.
      expect(sent.filter((s) => /union all/.test(s.sql)).length).toBeGreaterThan(0);
      expect(sent.length).toBeLessThan(40);
    } finally {
      await reader.close();
      await admin.query(`drop table if exists ${table}_odd`);
    }
  });

  it('keeps quotes and SQL in values as data, in a batch too', async () => {
    const reader = sourceReader({ kind: 'mysql', settings, password }, 5_000);
    try {
      const tries = ["a' or '1'='1", 'a); drop table x; --', "b' union all select 'C0001', 'a', 1 -- ", 'c'];
      const pages = await Promise.all(Array.from({ length: 40 }, (_, i) => reader.read(many(tries[i % 4]!, 0, null, 2))));
      pages.forEach((page, i) => expect(page).toEqual(i % 4 === 3 ? expected('c', 0, null, 2) : []));
    } finally {
      await reader.close();
    }
  });

  it('with a batch of one sends every lookup alone', async () => {
    const sent = sentStatements();
    const reader = sourceReader({ kind: 'mysql', settings, password }, 5_000, 1);
    try {
      const pages = await Promise.all(Array.from({ length: 20 }, (_, i) => reader.read(many('b', i, null, 3))));
      pages.forEach((page, i) => expect(page).toEqual(expected('b', i, null, 3)));
      expect(sent).toHaveLength(20);
    } finally {
      await reader.close();
    }
  });
});
