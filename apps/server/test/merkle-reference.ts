import { createHash } from 'node:crypto';
import { nodeHash, type MerkleHash } from '../src/platform/crypto/merkle';

/**
 * The Merkle tree hash and proofs of RFC 6962 §2.1 over all the leaf hashes, straight from their
 * definitions: the reference the stored-subtree code of merkle.ts is tested against.
 */

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
