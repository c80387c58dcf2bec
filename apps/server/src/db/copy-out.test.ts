import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { liveServices, postgresUnavailable } from '../modules/sources/testing/live-services';
import { BufferPool, copyOutBuffer } from './copy-out';

const pgSkipped = await postgresUnavailable();

/** The same COPY read through pg-copy-streams, the reader this one replaces. */
async function throughStreams(client: pg.Client, text: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of client.query(copyTo(text)) as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe.skipIf(!!pgSkipped)('copyOutBuffer against a PostgreSQL server', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: liveServices.postgresUrl });
    await client.connect();
  });
  afterAll(() => client?.end());

  it('reads what pg-copy-streams reads, across many socket chunks, counting the rows, from a buffer grown many times', async () => {
    // Rows of every length up to ~2 kB, escapes and nulls: messages and their 5-byte headers split across chunks.
    const text = `copy (select i, repeat('值', i % 700), case when i % 7 = 0 then null else E'a\\tb\\\\c\\nd' end
                  from generate_series(1, 30000) i) to stdout`;
    const expected = await throughStreams(client, text);
    const got = await copyOutBuffer(client, text, Buffer.alloc(1));
    expect(got.rows).toBe(30000);
    expect(got.data.length).toBeGreaterThan(10_000_000);
    expect(got.data.equals(expected)).toBe(true);
    // The connection is node-pg's again.
    expect((await client.query('select 41 + 1 as n')).rows[0].n).toBe(42);
  });

  it('answers an empty result with no bytes and no rows', async () => {
    const got = await copyOutBuffer(client, 'copy (select 1 where false) to stdout');
    expect(got).toEqual({ data: Buffer.alloc(0), rows: 0 });
  });

  it('keeps notices raised during the copy out of the data', async () => {
    await client.query(`create or replace function pg_temp.noisy(i int) returns int language plpgsql as
      $$ begin if i % 1000 = 0 then raise notice 'row %', i; end if; return i; end $$`);
    const notices: string[] = [];
    client.on('notice', (n) => notices.push(n.message ?? ''));
    const got = await copyOutBuffer(client, 'copy (select pg_temp.noisy(i) from generate_series(1, 5000) i) to stdout');
    expect(got.rows).toBe(5000);
    expect(got.data.toString().split('\n').slice(0, 3)).toEqual(['1', '2', '3']);
    expect(got.data.toString()).not.toContain('row');
  });

  it('rejects with the server error when the copy fails midway, and the connection serves the next query', async () => {
    const failing = copyOutBuffer(client, 'copy (select 10 / (5000 - i) from generate_series(1, 9000) i) to stdout');
    await expect(failing).rejects.toThrow(/division by zero/);
    expect((await client.query('select 1 as n')).rows[0].n).toBe(1);
    // A statement the server refuses before any row.
    await expect(copyOutBuffer(client, 'copy (select * from no_such_table_here) to stdout')).rejects.toThrow(/does not exist/);
    const after = await copyOutBuffer(client, 'copy (select 7) to stdout');
    expect(after.data.toString()).toBe('7\n');
  });

  it("ends node-pg's query_timeout timer with the copy, failed or not (a pending one kept a command-line process alive)", async () => {
    const timed = new pg.Client({ connectionString: liveServices.postgresUrl, query_timeout: 60_000 });
    await timed.connect();
    try {
      const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const before = timers();
      await copyOutBuffer(timed, 'copy (select i from generate_series(1, 1000) i) to stdout');
      await expect(copyOutBuffer(timed, 'copy (select 1 / 0) to stdout')).rejects.toThrow(/division by zero/);
      expect(timers()).toBe(before);
    } finally {
      await timed.end();
    }
  });

  it('runs inside a transaction and queues behind other queries like any node-pg query', async () => {
    await client.query('begin');
    await client.query('create temp table t_copy_out (v text) on commit drop');
    await client.query(`insert into t_copy_out values ('x'), (null)`);
    const [a, b] = await Promise.all([
      copyOutBuffer(client, 'copy t_copy_out to stdout'),
      client.query('select count(*)::int as n from t_copy_out'),
    ]);
    await client.query('commit');
    expect(a.data.toString()).toBe('x\n\\N\n');
    expect(b.rows[0].n).toBe(2);
  });
});

describe('BufferPool', () => {
  it('hands a buffer given back out again, whole and once, and sizes new ones to the largest given back', () => {
    const pool = new BufferPool();
    expect(pool.take().length).toBe(1 << 20);
    const grown = Buffer.allocUnsafe(3 << 20); // a page that outgrew the buffer it was read into
    pool.give(grown.subarray(0, 10));
    pool.give(grown.subarray(5, 20)); // the same buffer again: kept once
    const again = pool.take();
    expect(again.buffer).toBe(grown.buffer);
    expect(again.length).toBe(3 << 20);
    const fresh = pool.take();
    expect(fresh.buffer).not.toBe(grown.buffer);
    expect(fresh.length).toBe(3 << 20);
  });

  it("never keeps a small buffer, which may share Node's pool slab with others", () => {
    const pool = new BufferPool();
    const small = Buffer.from('abc');
    pool.give(small);
    expect(pool.take().buffer).not.toBe(small.buffer); // not the 8 kB slab behind 'abc'
  });
});
