/**
 * Verification of RFC 9162 Merkle proofs, with the node hash given by the caller, so that the server
 * (node:crypto) and the browser (sm-crypto-v2) check proofs with the same code.
 */

/** H(0x01 ‖ left ‖ right) of the log's hash function. */
export type MerkleNodeHash = (left: Uint8Array, right: Uint8Array) => Uint8Array;

const odd = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && n % 2 === 0) n /= 2;
  return n === 1;
}

/** Whether `proof` shows the leaf at `index` in the tree of `size` leaves with root `root` (RFC 9162 §2.1.3.2). */
export function verifyMerkleInclusion(
  nodeHash: MerkleNodeHash,
  leaf: Uint8Array,
  index: number,
  size: number,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      if (!odd(fn)) while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else r = nodeHash(r, p);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && sameBytes(r, root);
}

/** Whether `proof` shows the tree of `size2` leaves (root2) extends the tree of `size1` (root1) (RFC 9162 §2.1.4.2). */
export function verifyMerkleConsistency(
  nodeHash: MerkleNodeHash,
  size1: number,
  size2: number,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
  root2: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(size1) || !Number.isSafeInteger(size2) || size1 < 1 || size1 > size2) return false;
  if (size1 === size2) return proof.length === 0 && sameBytes(root1, root2);
  // A first tree that is a complete subtree is its own first node of the path.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : [...proof];
  if (path.length === 0) return false;
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (odd(fn)) [fn, sn] = [half(fn), half(sn)];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!odd(fn)) while (!odd(fn) && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else sr = nodeHash(sr, c);
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && sameBytes(fr, root1) && sameBytes(sr, root2);
}
