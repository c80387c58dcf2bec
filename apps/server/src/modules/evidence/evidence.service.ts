import type { Kysely, RawBuilder, Transaction } from 'kysely';
import type pg from 'pg';
import { singleConnection } from '../../db/database';
import type { DB } from '../../db/schema';
import {
  consistencyRanges,
  inclusionRanges,
  leafHashText,
  perfectNodes,
  rangeHash,
  TreeFrontier,
  type TreeNode,
} from '../../platform/crypto/merkle';
import { sm2GenerateKeyPair, sm2Sign, sm3, type SealedBox } from '../../platform/crypto/provider';
import { canonicalJson, type EvidenceKind } from '../../platform/evidence/evidence-log';
import { evidenceRepository as repo, STORED_LEVEL } from './evidence.repository';

/** An entry ready for the tree: its kind, its canonical text and that text's leaf hash. */
export interface PreparedEntry {
  kind: EvidenceKind;
  entry: string;
  queuedAt: Date;
  leafHash: Buffer;
}

/** Entries serialised and hashed per slice of this many, yielding in between. */
const PREPARE_SLICE = 500;

/**
 * Serialises and hashes entries for `append` or `appendWithin`, a slice at a time with a yield to the event
 * loop after each: the work of a batch then runs between the database round trips of one committing before
 * it (two cores: this process hashes while the database writes), instead of holding them up.
 */
export async function prepareEntries<T>(
  items: readonly T[],
  text: (item: T) => { kind: EvidenceKind; text: string },
): Promise<PreparedEntry[]> {
  const now = new Date();
  const out: PreparedEntry[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % PREPARE_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const { kind, text: entry } = text(items[i]!);
    out.push({ kind, entry, queuedAt: now, leafHash: leafHashText(entry) });
  }
  return out;
}

/** The first line of a checkpoint's signed text and of an export: what format it is. */
export const CHECKPOINT_FORMAT = 'shuyuan-evidence/v1';
export const EXPORT_FORMAT = 'shuyuan-evidence-export/v1';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/** A signed checkpoint: the tree's size and root at a moment, signed with the node's SM2 key. */
export interface Checkpoint {
  treeSize: number;
  root: string;
  signedAt: Date;
  keyId: string;
  body: string;
  signature: string;
}

/** The text a checkpoint signs, one field a line. */
export function checkpointBody(c: { keyId: string; treeSize: number; root: string; signedAt: Date }): string {
  return [CHECKPOINT_FORMAT, `key ${c.keyId}`, `size ${c.treeSize}`, `root ${c.root}`, `time ${c.signedAt.toISOString()}`, ''].join('\n');
}

/** A segment of the log with what an auditor needs to check it offline (see `verifyExport`). */
export interface EvidenceExport {
  format: typeof EXPORT_FORMAT;
  hash: 'sm3';
  from: number;
  to: number;
  keys: { id: string; publicKey: string }[];
  /** Hashes of the complete subtrees of the leaves before `from` (`perfectNodes(0, from)`). */
  frontier: string[];
  checkpoints: Checkpoint[];
  leaves: { index: number; kind: string; entry: string }[];
}

type CheckpointRow = NonNullable<Awaited<ReturnType<typeof repo.latestCheckpoint>>>;

function toCheckpoint(r: CheckpointRow): Checkpoint {
  return { treeSize: Number(r.tree_size), root: hex(r.root), signedAt: r.signed_at, keyId: r.key_id, body: r.body, signature: r.signature };
}

/**
 * The evidence log of one database (contracts §4): sequences queued entries into the Merkle tree,
 * signs checkpoints and answers proofs. Any number of processes may run it; the tree row's lock lets
 * one sequence at a time.
 */
export class EvidenceLog {
  private key: Promise<{ id: string; publicKey: string; privateKey: string }> | null = null;

  /**
   * `pool`, on a PostgreSQL server, lets appends write their leaves by COPY: each append's transaction
   * then runs on a connection checked out of it.
   */
  constructor(
    private readonly db: Kysely<DB>,
    private readonly box: SealedBox,
    private readonly pool?: pg.Pool,
  ) {}

  /** Runs `work` in a transaction; on a server, on a connection of its own that `work` may COPY on. */
  private async transaction<T>(work: (trx: Transaction<DB>, client: pg.ClientBase | null) => Promise<T>): Promise<T> {
    if (!this.pool) return this.db.transaction().execute((trx) => work(trx, null));
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      return await singleConnection(client)
        .transaction()
        .execute((trx) => work(trx, client));
    } catch (error) {
      // A connection whose COPY or commit failed half-way is not handed to the next caller.
      broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
  }

  /** Gives up to `max` queued entries their places in the tree, in one transaction; returns how many. */
  async sequence(max = 10_000): Promise<number> {
    // A plain look first: an idle log costs one small read per tick, not a locking transaction.
    if (!(await repo.hasQueued(this.db))) return 0;
    return this.transaction(async (trx, client) => {
      const tree = await repo.lockTree(trx);
      const queued = await repo.queued(trx, max);
      if (queued.length === 0) return 0;
      await this.appendLocked(
        trx,
        client,
        Number(tree.size),
        queued.map((q) => ({ kind: q.kind, entry: q.entry, queuedAt: q.queued_at })),
      );
      await repo.dequeue(
        trx,
        queued.map((q) => Number(q.id)),
      );
      return queued.length;
    });
  }

  /**
   * Appends entries straight to the tree (no queue), in one transaction: for writers that batch outside
   * a business transaction, such as the gateway's call log after its write-ahead file. Returns the tree size.
   * A writer may hand over its next batch before the last one commits: the next is serialised and hashed
   * between the other's round trips to the database (`prepareEntries`), and waits for the tree's lock after it.
   */
  async append(entries: readonly { kind: EvidenceKind; entry: Record<string, unknown> }[]): Promise<number> {
    // Serialised and hashed before the transaction, so that the tree stays locked only for the writes.
    const items = await prepareEntries(entries, (e) => ({ kind: e.kind, text: canonicalJson({ kind: e.kind, ...e.entry }) }));
    return this.transaction(async (trx, client) => this.appendLocked(trx, client, Number((await repo.lockTree(trx)).size), items));
  }

  /**
   * Runs `work` with the tree locked at `size` and appends the entries it returns, all in one
   * transaction: the writer's rows can name their leaf (`size + i`) and commit with it. Entries prepared
   * beforehand (`prepareEntries`) keep the hashing out of the lock.
   */
  async appendWithin(
    work: (
      trx: Transaction<DB>,
      size: number,
    ) => Promise<
      readonly ({ kind: EvidenceKind; entry: Record<string, unknown> } | { kind: EvidenceKind; text: string } | PreparedEntry)[]
    >,
  ): Promise<number> {
    return this.transaction(async (trx, client) => {
      const size = Number((await repo.lockTree(trx)).size);
      const entries = await work(trx, size);
      if (entries.length === 0) return size;
      const now = new Date();
      return this.appendLocked(
        trx,
        client,
        size,
        // `text` is an entry its writer already serialised canonically (with its kind); tests hold it to canonicalJson.
        entries.map((e) =>
          'leafHash' in e ? e : { kind: e.kind, entry: 'text' in e ? e.text : canonicalJson({ kind: e.kind, ...e.entry }), queuedAt: now },
        ),
      );
    });
  }

  /** Hashes the entries into leaves after `size`, writes leaves and complete subtrees, and moves the tree on. */
  private async appendLocked(
    trx: Transaction<DB>,
    client: pg.ClientBase | null,
    size: number,
    items: readonly { kind: string; entry: string; queuedAt: Date; leafHash?: Buffer }[],
  ): Promise<number> {
    const frontier = new TreeFrontier(size, await this.nodes(trx, perfectNodes(0, size)));
    const leaves = items.map((q, i) => ({
      index: size + i,
      kind: q.kind,
      entry: q.entry,
      leafHash: q.leafHash ?? leafHashText(q.entry),
      queuedAt: q.queuedAt,
    }));
    const nodes = leaves.flatMap((l) => frontier.push(l.leafHash));
    await repo.insertLeaves(trx, leaves, client);
    await repo.insertNodes(trx, nodes);
    await repo.setTree(trx, frontier.size, frontier.root());
    return frontier.size;
  }

  /**
   * Hashes of complete subtrees, in the order asked for: the stored ones, and the small ones (below
   * STORED_LEVEL, never stored) rebuilt from their leaves' hashes.
   */
  private async nodes(db: Kysely<DB> | Transaction<DB>, wanted: readonly TreeNode[]): Promise<Buffer[]> {
    const small = wanted.filter((n) => n.level < STORED_LEVEL);
    const [stored, leaves] = await Promise.all([
      repo.storedNodes(
        db,
        wanted.filter((n) => n.level >= STORED_LEVEL),
      ),
      repo.leafHashes(
        db,
        small.map((n) => [n.index * 2 ** n.level, (n.index + 1) * 2 ** n.level] as const),
      ),
    ]);
    for (const n of small) {
      const subtree = new TreeFrontier(0, []);
      for (let at = n.index * 2 ** n.level; at < (n.index + 1) * 2 ** n.level; at++) {
        const leaf = leaves.get(at);
        if (leaf) subtree.push(leaf);
      }
      if (subtree.size === 2 ** n.level) stored.set(`${n.level}/${n.index}`, subtree.root());
    }
    return wanted.map((n) => {
      const found = stored.get(`${n.level}/${n.index}`);
      if (found === undefined) throw new Error(`evidence log: the tree node ${n.level}/${n.index} is missing`);
      return found;
    });
  }

  /** Sequences until the queue is empty (tests, the CLI, on demand). */
  async drain(): Promise<number> {
    let total = 0;
    for (let n = await this.sequence(); n > 0; n = await this.sequence()) total += n;
    return total;
  }

  /** The node's SM2 signing key: the oldest active one, made (and sealed under the master key) on first use. */
  signingKey(): Promise<{ id: string; publicKey: string; privateKey: string }> {
    this.key ??= (async () => {
      let row = await repo.activeKey(this.db);
      if (!row) {
        const pair = sm2GenerateKeyPair();
        const id = `sm2-${sm3(pair.publicKey).toString('hex').slice(0, 16)}`;
        await repo.insertKey(this.db, { id, public_key: pair.publicKey, private_key_sealed: this.box.seal(pair.privateKey) });
        row = (await repo.activeKey(this.db))!;
      }
      return { id: row.id, publicKey: row.public_key, privateKey: this.box.open(row.private_key_sealed) };
    })().catch((error: unknown) => {
      this.key = null;
      throw error;
    });
    return this.key;
  }

  /** Signs a checkpoint of the tree as it stands, unless one of that size exists; returns the checkpoint of that size. */
  async checkpoint(): Promise<Checkpoint> {
    const key = await this.signingKey();
    const tree = await repo.tree(this.db);
    const treeSize = Number(tree.size);
    const existing = await repo.checkpoint(this.db, treeSize);
    if (existing) return toCheckpoint(existing);
    const signedAt = new Date();
    const root = hex(tree.root);
    const body = checkpointBody({ keyId: key.id, treeSize, root, signedAt });
    const signature = sm2Sign(key.privateKey, body);
    await repo.insertCheckpoint(this.db, { tree_size: treeSize, root: tree.root, signed_at: signedAt, key_id: key.id, body, signature });
    return toCheckpoint((await repo.checkpoint(this.db, treeSize))!);
  }

  /** A checkpoint when the tree has grown since the last one (the minute's timer). */
  async checkpointIfGrown(): Promise<Checkpoint | null> {
    const [tree, latest] = await Promise.all([repo.tree(this.db), repo.latestCheckpoint(this.db)]);
    if (latest && Number(latest.tree_size) >= Number(tree.size)) return null;
    return this.checkpoint();
  }

  async latestCheckpoint(): Promise<Checkpoint | null> {
    const row = await repo.latestCheckpoint(this.db);
    return row ? toCheckpoint(row) : null;
  }

  async checkpoints(options: { from?: number; to?: number; limit: number }): Promise<Checkpoint[]> {
    return (await repo.checkpoints(this.db, options)).map(toCheckpoint);
  }

  /** Size and root of the tree, and how many entries wait for the sequencer. */
  async status() {
    const [tree, queued, latest] = await Promise.all([repo.tree(this.db), repo.queueLength(this.db), repo.latestCheckpoint(this.db)]);
    return {
      treeSize: Number(tree.size),
      root: hex(tree.root),
      updatedAt: tree.updated_at,
      queued,
      latestCheckpoint: latest ? toCheckpoint(latest) : null,
    };
  }

  /** The MTH of leaf ranges, from the stored complete subtrees (one query for all of them). */
  private async rangeHashes(ranges: readonly [number, number][]): Promise<Buffer[]> {
    const plans = ranges.map(([a, b]) => perfectNodes(a, b));
    const wanted = new Map<string, TreeNode>();
    for (const plan of plans) for (const n of plan) wanted.set(`${n.level}/${n.index}`, n);
    const list = [...wanted.values()];
    const hashes = await this.nodes(this.db, list);
    const byKey = new Map(list.map((n, i) => [`${n.level}/${n.index}`, hashes[i]!]));
    return plans.map((plan) => rangeHash(plan.map((n) => byKey.get(`${n.level}/${n.index}`)!)));
  }

  /** A leaf with its inclusion proof in the tree of `treeSize` leaves; null when there is no such leaf in that tree. */
  async inclusion(index: number, treeSize: number) {
    const tree = await repo.tree(this.db);
    if (treeSize > Number(tree.size) || index >= treeSize) return null;
    const leaf = await repo.leaf(this.db, index);
    if (!leaf) return null;
    const [root, ...proof] = await this.rangeHashes([[0, treeSize], ...inclusionRanges(index, treeSize)]);
    return {
      index,
      kind: leaf.kind,
      entry: leaf.entry,
      leafHash: hex(leaf.leaf_hash),
      sequencedAt: leaf.sequenced_at,
      treeSize,
      root: hex(root!),
      proof: proof.map(hex),
    };
  }

  /**
   * Leaves with their inclusion proofs in the latest signed checkpoint, or, for a leaf no checkpoint covers yet, in
   * the current tree (with `checkpoint` null), in the order asked. Leaves not in the log are left out. A few queries
   * whatever the number of leaves: the tree, the leaves, and the nodes of every proof at once.
   */
  async proofsInLatest(indexes: readonly number[]) {
    if (indexes.length === 0) return [];
    const [latest, tree, leaves] = await Promise.all([this.latestCheckpoint(), repo.tree(this.db), repo.leavesAt(this.db, indexes)]);
    const current = Number(tree.size);
    const byIndex = new Map(leaves.map((l) => [Number(l.index), l]));
    const asked = indexes
      .map((index) => ({ index, leaf: byIndex.get(index), checkpoint: latest && latest.treeSize > index ? latest : null }))
      .filter((a) => a.leaf && a.index < current);
    // Every proof's ranges, and each tree size's root, in one read of the stored nodes.
    const sizes = [...new Set(asked.map((a) => (a.checkpoint ? a.checkpoint.treeSize : current)))];
    const ranges: [number, number][] = sizes.map((size) => [0, size]);
    const plans = asked.map((a) => {
      const size = a.checkpoint ? a.checkpoint.treeSize : current;
      const own = inclusionRanges(a.index, size);
      const first = ranges.length;
      ranges.push(...own);
      return { size, first, count: own.length };
    });
    const hashes = await this.rangeHashes(ranges);
    return asked.map((a, k) => {
      const plan = plans[k]!;
      const leaf = a.leaf!;
      return {
        index: a.index,
        kind: leaf.kind,
        entry: leaf.entry,
        leafHash: hex(leaf.leaf_hash),
        sequencedAt: leaf.sequenced_at,
        treeSize: plan.size,
        root: hex(hashes[sizes.indexOf(plan.size)]!),
        proof: hashes.slice(plan.first, plan.first + plan.count).map(hex),
        checkpoint: a.checkpoint,
      };
    });
  }

  /** The leaves naming a run or a file version (at most `limit + 1`, to tell whether there are more), proven. */
  async provenNamed(q: { by: 'run' | 'file'; value: string; also?: RawBuilder<boolean>; limit: number }) {
    const { indexes, queued } = await repo.named(this.db, { ...q, limit: q.limit + 1 });
    const items = await this.proofsInLatest(indexes.slice(0, q.limit));
    return { items, queued, more: indexes.length > q.limit };
  }

  /** The consistency proof between the trees of `from` and `to` leaves; null when the tree is not that large. */
  async consistency(from: number, to: number) {
    const tree = await repo.tree(this.db);
    if (to > Number(tree.size) || from < 1 || from > to) return null;
    const [root1, root2, ...proof] = await this.rangeHashes([[0, from], [0, to], ...consistencyRanges(from, to)]);
    return { from, to, fromRoot: hex(root1!), toRoot: hex(root2!), proof: proof.map(hex) };
  }

  /**
   * The leaves [from, to) with the checkpoints between, the frontier before `from` and the public keys:
   * everything `verifyExport` needs. `to` defaults to the latest checkpoint's size.
   */
  async exportSegment(options: { from?: number; to?: number } = {}): Promise<EvidenceExport> {
    const latest = await repo.latestCheckpoint(this.db);
    const to = options.to ?? Number(latest?.tree_size ?? 0);
    const from = options.from ?? 0;
    const tree = await repo.tree(this.db);
    if (from < 0 || from > to || to > Number(tree.size))
      throw new RangeError(`no segment [${from}, ${to}) in a tree of ${Number(tree.size)}`);
    const checkpoints = (await repo.checkpoints(this.db, { from, to, limit: 100_000 })).map(toCheckpoint).reverse();
    const keys = await repo.publicKeys(this.db, [...new Set(checkpoints.map((c) => c.keyId))]);
    const frontier = await this.nodes(this.db, perfectNodes(0, from));
    const leaves = (await repo.leaves(this.db, from, to)).map((l) => ({ index: Number(l.index), kind: l.kind, entry: l.entry }));
    return {
      format: EXPORT_FORMAT,
      hash: 'sm3',
      from,
      to,
      keys: keys.map((k) => ({ id: k.id, publicKey: k.public_key })),
      frontier: frontier.map(hex),
      checkpoints,
      leaves,
    };
  }
}
