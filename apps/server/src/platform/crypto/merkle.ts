import { createHash, hash as oneShot } from 'node:crypto';
import { verifyMerkleConsistency, verifyMerkleInclusion } from '@shuyuan/contracts';

/**
 * The Merkle tree of an append-only log as RFC 6962 / RFC 9162 define it (`../shared/contracts.md` §4):
 * leaf hash H(0x00 ‖ entry), node hash H(0x01 ‖ left ‖ right), the tree of n leaves split at the
 * largest power of two below n. H is SM3 by default, SHA-256 selectable (for interoperable tooling and
 * the published test vectors).
 *
 * Roots and proofs are computed from the hashes of complete subtrees (`perfectNodes`, `inclusionRanges`,
 * `consistencyRanges`, `TreeFrontier`); the definitions over all the leaves are in test/merkle-reference.ts.
 * Verification (RFC 9162 §2.1.3.2, §2.1.4.2) is shared with the browser in @shuyuan/contracts.
 */
export type MerkleHash = 'sm3' | 'sha256';

const LEAF = Buffer.of(0x00);
const NODE = Buffer.of(0x01);

/** The hash of a log entry as a leaf. */
export function leafHash(entry: Uint8Array, hash: MerkleHash = 'sm3'): Buffer {
  // node's one-shot hash is about a quarter faster than a Hash object for inputs this small.
  const input = Buffer.allocUnsafe(entry.length + 1);
  input[0] = LEAF[0]!;
  input.set(entry, 1);
  return oneShot(hash, input, 'buffer');
}

const pair = Buffer.alloc(65);

/** leafHash of a text's UTF-8 bytes, hashed straight from the string (no buffers made on the way). */
export function leafHashText(text: string, hash: MerkleHash = 'sm3'): Buffer {
  return oneShot(hash, `\u0000${text}`, 'buffer');
}

/** The hash of an interior node (32-byte children, as SM3 and SHA-256 make them). */
export function nodeHash(left: Uint8Array, right: Uint8Array, hash: MerkleHash = 'sm3'): Buffer {
  if (left.length !== 32 || right.length !== 32) return createHash(hash).update(NODE).update(left).update(right).digest();
  pair[0] = NODE[0]!;
  pair.set(left, 1);
  pair.set(right, 33);
  return oneShot(hash, pair, 'buffer');
}

/** The largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether `proof` shows the leaf at `index` in the tree of `size` leaves with root `root` (RFC 9162 §2.1.3.2). */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hash: MerkleHash = 'sm3',
): boolean {
  return verifyMerkleInclusion((l, r) => nodeHash(l, r, hash), leaf, index, size, proof, root);
}

/** Whether `proof` shows the tree of `size2` leaves (root2) extends the tree of `size1` (root1) (RFC 9162 §2.1.4.2). */
export function verifyConsistency(
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
  hash: MerkleHash = 'sm3',
): boolean {
  return verifyMerkleConsistency((l, r) => nodeHash(l, r, hash), size1, size2, proof, root1, root2);
}

/**
 * A complete subtree of a log's tree: the 2^level leaves from `index`·2^level on. A stored log keeps
 * the hash of every complete subtree, so that the root of any size and every proof come from O(log² n)
 * stored hashes, never from all the leaves.
 */
export interface TreeNode {
  level: number;
  index: number;
}

/** The complete subtrees that make up the leaves [from, to), largest first (from must be aligned, as in every RFC range). */
export function perfectNodes(from: number, to: number): TreeNode[] {
  const nodes: TreeNode[] = [];
  let at = from;
  while (at < to) {
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= to) size *= 2;
    nodes.push({ level: Math.log2(size), index: at / size });
    at += size;
  }
  return nodes;
}

/** MTH of a range from the hashes of its complete subtrees (as `perfectNodes` lists them): a fold from the right. */
export function rangeHash(nodeHashes: readonly Uint8Array[], hash: MerkleHash = 'sm3'): Buffer {
  if (nodeHashes.length === 0) return createHash(hash).digest();
  let root: Buffer = Buffer.from(nodeHashes[nodeHashes.length - 1]!);
  for (let i = nodeHashes.length - 2; i >= 0; i--) root = nodeHash(nodeHashes[i]!, root, hash);
  return root;
}

/** The leaf ranges whose MTH make up PATH(index, D[size]), in proof order. */
export function inclusionRanges(index: number, size: number): [number, number][] {
  const path = (m: number, a: number, b: number): [number, number][] => {
    if (b - a === 1) return [];
    const k = split(b - a);
    return m < k ? [...path(m, a, a + k), [a + k, b]] : [...path(m - k, a + k, b), [a, a + k]];
  };
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  return path(index, 0, size);
}

/** The leaf ranges whose MTH make up PROOF(size1, D[size2]), in proof order. */
export function consistencyRanges(size1: number, size2: number): [number, number][] {
  const sub = (m: number, a: number, b: number, complete: boolean): [number, number][] => {
    if (m === b - a) return complete ? [] : [[a, b]];
    const k = split(b - a);
    return m <= k ? [...sub(m, a, a + k, complete), [a + k, b]] : [...sub(m - k, a + k, b, false), [a, a + k]];
  };
  if (!Number.isSafeInteger(size1) || size1 < 1 || size1 > size2) throw new RangeError(`no consistency proof from ${size1} to ${size2}`);
  return sub(size1, 0, size2, true);
}

/**
 * The complete subtrees on the right edge of a tree being appended to: push leaf hashes, get the
 * complete subtrees each push finishes, and the root of the tree so far. Starts from the stored
 * complete subtrees of the first `size` leaves (`perfectNodes(0, size)`).
 */
export class TreeFrontier {
  private readonly stack: { level: number; hash: Buffer }[];
  size: number;

  constructor(
    size: number,
    hashes: readonly Uint8Array[],
    private readonly hash: MerkleHash = 'sm3',
  ) {
    const nodes = perfectNodes(0, size);
    if (nodes.length !== hashes.length)
      throw new Error(`a tree of ${size} has ${nodes.length} complete subtrees on its edge, not ${hashes.length}`);
    this.stack = nodes.map((n, i) => ({ level: n.level, hash: Buffer.from(hashes[i]!) }));
    this.size = size;
  }

  /** Appends a leaf hash; returns every complete subtree it finishes, the leaf itself first. */
  push(leaf: Uint8Array): (TreeNode & { hash: Buffer })[] {
    const index = this.size++;
    const made: (TreeNode & { hash: Buffer })[] = [{ level: 0, index, hash: Buffer.from(leaf) }];
    this.stack.push({ level: 0, hash: made[0]!.hash });
    while (this.stack.length >= 2 && this.stack[this.stack.length - 1]!.level === this.stack[this.stack.length - 2]!.level) {
      const right = this.stack.pop()!;
      const left = this.stack.pop()!;
      const level = left.level + 1;
      const node = { level, index: Math.floor(index / 2 ** level), hash: nodeHash(left.hash, right.hash, this.hash) };
      this.stack.push({ level, hash: node.hash });
      made.push(node);
    }
    return made;
  }

  /** The root of the leaves so far. */
  root(): Buffer {
    return rangeHash(
      this.stack.map((n) => n.hash),
      this.hash,
    );
  }
}
