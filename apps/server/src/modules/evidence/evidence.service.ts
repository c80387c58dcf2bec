import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import {
  consistencyRanges,
  inclusionRanges,
  leafHash,
  nodeHash,
  perfectNodes,
  rangeHash,
  TreeFrontier,
  type TreeNode,
} from '../../platform/crypto/merkle';
import { sm2GenerateKeyPair, sm2Sign, sm3, type SealedBox } from '../../platform/crypto/provider';
import { canonicalJson, type EvidenceKind } from '../../platform/evidence/evidence-log';
import { evidenceRepository as repo } from './evidence.repository';

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
  /** The tree's right edge after the last batch this process appended or planned; null when unknown. */
  private tail: TreeFrontier | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly box: SealedBox,
  ) {}

  /** Gives up to `max` queued entries their places in the tree, in one transaction; returns how many. */
  async sequence(max = 10_000): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const tree = await repo.lockTree(trx);
      const queued = await repo.queued(trx, max);
      if (queued.length === 0) return 0;
      await this.appendLocked(
        trx,
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
   */
  async append(entries: readonly { kind: EvidenceKind; entry: Record<string, unknown> }[]): Promise<number> {
    if (entries.length === 0) return Number((await repo.tree(this.db)).size);
    // Serialised, hashed and placed (on the right edge this process last saw) before the transaction, so
    // that the tree stays locked only for the writes and a batcher can prepare a batch while another is written.
    const now = new Date();
    const items = entries.map((e) => {
      const entry = canonicalJson({ kind: e.kind, ...e.entry });
      return { kind: e.kind, entry, queuedAt: now, leafHash: leafHash(Buffer.from(entry, 'utf8')) };
    });
    let planned: { start: number; frontier: TreeFrontier; nodes: (TreeNode & { hash: Buffer })[] } | null = null;
    if (this.tail) {
      const frontier = this.tail.clone();
      const start = frontier.size;
      const nodes = items.flatMap((item) => frontier.push(item.leafHash));
      planned = { start, frontier, nodes };
      this.tail = frontier;
    }
    try {
      return await this.db.transaction().execute(async (trx) => {
        const size = Number((await repo.lockTree(trx)).size);
        // Another writer came first, or an earlier batch failed: place the entries on the tree as stored.
        if (!planned || planned.start !== size) return this.appendLocked(trx, size, items, true);
        await this.writeLocked(trx, items, planned.start, planned.nodes, planned.frontier);
        return planned.frontier.size;
      });
    } catch (error) {
      this.tail = null;
      throw error;
    }
  }

  /** Hashes the entries into leaves after `size`, writes leaves and complete subtrees, and moves the tree on. */
  private async appendLocked(
    trx: Transaction<DB>,
    size: number,
    items: readonly { kind: string; entry: string; queuedAt: Date; leafHash?: Buffer }[],
    keepTail = false,
  ) {
    const frontier = new TreeFrontier(size, await repo.nodes(trx, perfectNodes(0, size), nodeHash));
    const hashed = items.map((q) => ({ ...q, leafHash: q.leafHash ?? leafHash(Buffer.from(q.entry, 'utf8')) }));
    const nodes = hashed.flatMap((q) => frontier.push(q.leafHash));
    await this.writeLocked(trx, hashed, size, nodes, frontier);
    // The next batch of this process may plan on this edge (checked against the stored size under the lock).
    this.tail = keepTail ? frontier.clone() : null;
    return frontier.size;
  }

  private async writeLocked(
    trx: Transaction<DB>,
    items: readonly { kind: string; entry: string; queuedAt: Date; leafHash: Buffer }[],
    start: number,
    nodes: readonly (TreeNode & { hash: Buffer })[],
    frontier: TreeFrontier,
  ) {
    await repo.insertLeaves(
      trx,
      items.map((q, i) => ({ index: start + i, kind: q.kind, entry: q.entry, leafHash: q.leafHash, queuedAt: q.queuedAt })),
    );
    await repo.insertNodes(trx, nodes);
    await repo.setTree(trx, frontier.size, frontier.root());
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
    const hashes = await repo.nodes(this.db, list, nodeHash);
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
    const frontier = await repo.nodes(this.db, perfectNodes(0, from), nodeHash);
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
