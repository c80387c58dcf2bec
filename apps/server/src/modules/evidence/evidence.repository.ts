import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyValue } from '../../db/copy-text';
import type { DB } from '../../db/schema';
import type { TreeNode } from '../../platform/crypto/merkle';

type Q = Kysely<DB> | Transaction<DB>;

/** The entries that name a table-job run, or a file version, each as its partial index has it. */
const NAMED = {
  run: sql`kind in ('table_batch', 'return_flow') and (entry::jsonb) ->> 'run'`,
  file: sql`kind = 'file_transfer' and (entry::jsonb) ->> 'file'`,
} as const;

/** Bytes as hex, through a view of them (Buffer.from of a Uint8Array would copy them first). */
const hex = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex');

/**
 * Complete subtrees of fewer than 2^STORED_LEVEL leaves are not stored but computed from the leaves'
 * hashes when a proof needs them (at most 8 leaves each): that keeps the stored nodes to about one per
 * eight leaves, so appending writes little more than the leaves themselves.
 */
export const STORED_LEVEL = 4;

/** Leaves as COPY text lines per chunk. */
const COPY_CHUNK = 1_000;

/**
 * Leaves as COPY text, a chunk at a time with a yield after each: the database reads one chunk while the next
 * is written.
 */
async function* copyLines(leaves: readonly { index: number; kind: string; entry: string; leafHash: Uint8Array; queuedAt: Date }[]) {
  let at: Date | null = null;
  let iso = '';
  for (let i = 0; i < leaves.length; i += COPY_CHUNK) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    let text = '';
    for (const l of leaves.slice(i, i + COPY_CHUNK)) {
      if (l.queuedAt !== at) {
        at = l.queuedAt;
        iso = at.toISOString();
      }
      text += `${l.index}\t${copyValue(l.kind)}\t${copyValue(l.entry)}\t\\\\x${hex(l.leafHash)}\t${iso}\n`;
    }
    yield text;
  }
}

/** Rows per statement of a sequencing batch: one JSON parameter each. */
const CHUNK = 5_000;

/** Every SQL statement of the evidence log. */
export const evidenceRepository = {
  /** The tree's size and root, locked until the transaction ends: one sequencer at a time, across processes. */
  lockTree(trx: Transaction<DB>) {
    return trx.selectFrom('evidence_tree').select(['size', 'root']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
  },
  tree(db: Q) {
    return db.selectFrom('evidence_tree').select(['size', 'root', 'updated_at']).where('id', '=', 1).executeTakeFirstOrThrow();
  },
  queued(trx: Transaction<DB>, limit: number) {
    return trx.selectFrom('evidence_queue').select(['id', 'kind', 'entry', 'queued_at']).orderBy('id').limit(limit).execute();
  },
  queueLength(db: Q) {
    return db
      .selectFrom('evidence_queue')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
  /** Whether any entry waits for the sequencer (no lock taken). */
  async hasQueued(db: Q): Promise<boolean> {
    return !!(await db.selectFrom('evidence_queue').select('id').limit(1).executeTakeFirst());
  },
  /** Stored complete subtrees among those asked for, by `level/index`. */
  async storedNodes(db: Q, wanted: readonly TreeNode[]): Promise<Map<string, Buffer>> {
    if (wanted.length === 0) return new Map();
    const rows = await sql<{ level: number; index: number; hash: string }>`
      select n.level, n.index, encode(n.hash, 'hex') as hash from evidence_node n
      join jsonb_to_recordset(${JSON.stringify(wanted)}::jsonb) as w(level smallint, index bigint) on n.level = w.level and n.index = w.index`.execute(
      db,
    );
    return new Map(rows.rows.map((r) => [`${r.level}/${Number(r.index)}`, Buffer.from(r.hash, 'hex')]));
  },
  /**
   * Leaf hashes of the leaves in the ranges [from, to), by index: small ranges (the subtrees below STORED_LEVEL),
   * asked for as a list of indexes. A join on the ranges made the planner expect a tenth of the table per range,
   * and past a million leaves that estimate switched on JIT compilation: some 70 ms on every append.
   */
  async leafHashes(db: Q, ranges: readonly (readonly [number, number])[]): Promise<Map<number, Buffer>> {
    const indexes: number[] = [];
    for (const [from, to] of ranges) for (let i = from; i < to; i++) indexes.push(i);
    if (indexes.length === 0) return new Map();
    const rows = await sql<{ index: number; leaf_hash: string }>`
      select l.index, encode(l.leaf_hash, 'hex') as leaf_hash from evidence_leaf l where l.index = any(${`{${indexes.join(',')}}`}::bigint[])`.execute(
      db,
    );
    return new Map(rows.rows.map((r) => [Number(r.index), Buffer.from(r.leaf_hash, 'hex')]));
  },
  /**
   * Writes leaves: by COPY on `client` when the transaction runs on a PostgreSQL server connection
   * (`client` is that connection), else as JSON records (PGlite).
   */
  async insertLeaves(
    trx: Transaction<DB>,
    leaves: readonly { index: number; kind: string; entry: string; leafHash: Uint8Array; queuedAt: Date }[],
    client?: pg.ClientBase | null,
  ): Promise<void> {
    if (client) {
      await pipeline(
        Readable.from(copyLines(leaves)),
        client.query(copyFrom('copy evidence_leaf (index, kind, entry, leaf_hash, queued_at) from stdin')),
      );
      return;
    }
    for (let i = 0; i < leaves.length; i += CHUNK) {
      const chunk = JSON.stringify(
        leaves.slice(i, i + CHUNK).map((l) => ({ i: l.index, k: l.kind, e: l.entry, h: hex(l.leafHash), q: l.queuedAt.toISOString() })),
      );
      await sql`
        insert into evidence_leaf (index, kind, entry, leaf_hash, queued_at)
        select r.i, r.k, r.e, decode(r.h, 'hex'), r.q from jsonb_to_recordset(${chunk}::jsonb) as r(i bigint, k text, e text, h text, q timestamptz)`.execute(
        trx,
      );
    }
  },
  async insertNodes(trx: Transaction<DB>, all: readonly (TreeNode & { hash: Uint8Array })[]): Promise<void> {
    const nodes = all.filter((n) => n.level >= STORED_LEVEL);
    for (let i = 0; i < nodes.length; i += CHUNK) {
      const chunk = JSON.stringify(nodes.slice(i, i + CHUNK).map((n) => ({ l: n.level, i: n.index, h: hex(n.hash) })));
      await sql`
        insert into evidence_node (level, index, hash)
        select r.l, r.i, decode(r.h, 'hex') from jsonb_to_recordset(${chunk}::jsonb) as r(l smallint, i bigint, h text)`.execute(trx);
    }
  },
  async dequeue(trx: Transaction<DB>, ids: readonly number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += CHUNK)
      await sql`delete from evidence_queue where id in (select jsonb_array_elements_text(${JSON.stringify(ids.slice(i, i + CHUNK))}::jsonb)::bigint)`.execute(
        trx,
      );
  },
  setTree(trx: Transaction<DB>, size: number, root: Uint8Array) {
    return trx
      .updateTable('evidence_tree')
      .set({ size, root: Buffer.from(root), updated_at: new Date() })
      .where('id', '=', 1)
      .execute();
  },
  /** The leaves at the given positions (in no particular order). */
  leavesAt(db: Q, indexes: readonly number[]) {
    if (indexes.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('evidence_leaf')
      .select(['index', 'kind', 'entry', 'leaf_hash', 'queued_at', 'sequenced_at'])
      .where('index', 'in', [...indexes])
      .execute();
  },
  /**
   * The log positions of the leaves whose entry names `value` as its run or file (and pass `also`), at most `limit`,
   * and how many such entries wait in the queue: one statement, one snapshot, so an entry sequenced meanwhile is
   * counted once. Written as the partial indexes evidence_leaf_run and evidence_leaf_file are, so that they are used.
   */
  async named(db: Q, q: { by: keyof typeof NAMED; value: string; also?: RawBuilder<boolean>; limit: number }) {
    const named = sql`${NAMED[q.by]} = ${q.value} and ${q.also ?? sql<boolean>`true`}`;
    const { rows } = await sql<{ indexes: (string | number)[]; queued: string }>`
      select array(select index from evidence_leaf where ${named} order by index limit ${q.limit}) as indexes,
        (select count(*) from evidence_queue where ${named}) as queued`.execute(db);
    return { indexes: rows[0]!.indexes.map(Number), queued: Number(rows[0]!.queued) };
  },
  leaf(db: Q, index: number) {
    return db
      .selectFrom('evidence_leaf')
      .select(['index', 'kind', 'entry', 'leaf_hash', 'queued_at', 'sequenced_at'])
      .where('index', '=', index)
      .executeTakeFirst();
  },
  /** Leaves [from, to) in order: the stored entries, to be hashed again by whoever checks them. */
  leaves(db: Q, from: number, to: number) {
    return db
      .selectFrom('evidence_leaf')
      .select(['index', 'kind', 'entry'])
      .where('index', '>=', from)
      .where('index', '<', to)
      .orderBy('index')
      .execute();
  },
  activeKey(db: Q) {
    return db
      .selectFrom('node_signing_key')
      .select(['id', 'public_key', 'private_key_sealed'])
      .where('retired_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .executeTakeFirst();
  },
  insertKey(db: Q, key: { id: string; public_key: string; private_key_sealed: string }) {
    return db
      .insertInto('node_signing_key')
      .values(key)
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  },
  publicKeys(db: Q, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('node_signing_key')
      .select(['id', 'public_key'])
      .where('id', 'in', [...ids])
      .execute();
  },
  insertCheckpoint(
    db: Q,
    checkpoint: { tree_size: number; root: Uint8Array; signed_at: Date; key_id: string; body: string; signature: string },
  ) {
    return db
      .insertInto('evidence_checkpoint')
      .values({ ...checkpoint, root: Buffer.from(checkpoint.root) })
      .onConflict((oc) => oc.column('tree_size').doNothing())
      .execute();
  },
  latestCheckpoint(db: Q) {
    return db.selectFrom('evidence_checkpoint').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
  },
  checkpoint(db: Q, size: number) {
    return db.selectFrom('evidence_checkpoint').selectAll().where('tree_size', '=', size).executeTakeFirst();
  },
  checkpoints(db: Q, options: { from?: number; to?: number; limit: number }) {
    let qb = db.selectFrom('evidence_checkpoint').selectAll().orderBy('tree_size', 'desc').limit(options.limit);
    if (options.from !== undefined) qb = qb.where('tree_size', '>=', options.from);
    if (options.to !== undefined) qb = qb.where('tree_size', '<=', options.to);
    return qb.execute();
  },
};
