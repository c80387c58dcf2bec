import { createHash, hash as oneShot } from 'node:crypto';

/**
 * The Merkle tree of an append-only log as RFC 6962 / RFC 9162 define it (`../shared/contracts.md` §4):
 * leaf hash H(0x00 ‖ entry), node hash H(0x01 ‖ left ‖ right), the tree of n leaves split at the
 * largest power of two below n. H is SM3 by default, SHA-256 selectable (for interoperable tooling and
 * the published test vectors).
 *
 * Proofs here are computed from all the leaf hashes of the tree (the definitions of the RFC, for tests
 * and small exports); verification follows RFC 9162 §2.1.3.2 and §2.1.4.2, which is what auditors run.
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

/** MTH(D[n]): the root of the tree over the leaf hashes; the hash of nothing for an empty tree. */
export function rootOf(leaves: readonly Uint8Array[], hash: MerkleHash = 'sm3'): Buffer {
  if (leaves.length === 0) return createHash(hash).digest();
  if (leaves.length === 1) return Buffer.from(leaves[0]!);
  const k = split(leaves.length);
  return nodeHash(rootOf(leaves.slice(0, k), hash), rootOf(leaves.slice(k), hash), hash);
}

/** PATH(m, D[n]): the inclusion proof of leaf `index`, from the leaf up. */
export function inclusionProof(leaves: readonly Uint8Array[], index: number, hash: MerkleHash = 'sm3'): Buffer[] {
  if (!Number.isInteger(index) || index < 0 || index >= leaves.length)
    throw new RangeError(`no leaf ${index} in a tree of ${leaves.length}`);
  if (leaves.length === 1) return [];
  const k = split(leaves.length);
  return index < k
    ? [...inclusionProof(leaves.slice(0, k), index, hash), rootOf(leaves.slice(k), hash)]
    : [...inclusionProof(leaves.slice(k), index - k, hash), rootOf(leaves.slice(0, k), hash)];
}

/** PROOF(m, D[n]): the consistency proof between the tree of the first `size` leaves and the whole tree. */
export function consistencyProof(leaves: readonly Uint8Array[], size: number, hash: MerkleHash = 'sm3'): Buffer[] {
  if (!Number.isInteger(size) || size < 1 || size > leaves.length)
    throw new RangeError(`no consistency proof from ${size} to ${leaves.length}`);
  const sub = (m: number, d: readonly Uint8Array[], complete: boolean): Buffer[] => {
    if (m === d.length) return complete ? [] : [rootOf(d, hash)];
    const k = split(d.length);
    return m <= k
      ? [...sub(m, d.slice(0, k), complete), rootOf(d.slice(k), hash)]
      : [...sub(m - k, d.slice(k), false), rootOf(d.slice(0, k), hash)];
  };
  return sub(size, leaves, true);
}

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** Whether `proof` shows the leaf at `index` in the tree of `size` leaves with root `root` (RFC 9162 §2.1.3.2). */
export function verifyInclusion(
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
  hash: MerkleHash = 'sm3',
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = Buffer.from(leaf);
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r, hash);
      if (!odd(fn)) while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p, hash);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && r.equals(root);
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
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 1 || size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && Buffer.from(root1).equals(root2);
  // A first tree that is a complete subtree is its own first node of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr: Buffer = Buffer.from(path[0]!);
  let sr: Buffer = Buffer.from(path[0]!);
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr, hash);
      sr = nodeHash(c, sr, hash);
      if (!odd(fn)) while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c, hash);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && fr.equals(root1) && sr.equals(root2);
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
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

  /** An independent copy, to plan appends on without touching this one. */
  clone(): TreeFrontier {
    const copy = Object.create(TreeFrontier.prototype) as TreeFrontier;
    Object.assign(copy, { stack: this.stack.map((n) => ({ ...n })), size: this.size, hash: this.hash });
    return copy;
  }

  /** The root of the leaves so far. */
  root(): Buffer {
    return rangeHash(
      this.stack.map((n) => n.hash),
      this.hash,
    );
  }
}
