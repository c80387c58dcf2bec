import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistencyProof, inclusionProof, rootOf } from '../../../test/merkle-reference';
import {
  consistencyRanges,
  inclusionRanges,
  leafHash,
  leafHashText,
  perfectNodes,
  rangeHash,
  TreeFrontier,
  verifyConsistency,
  verifyInclusion,
  type MerkleHash,
  type TreeNode,
} from './merkle';

const unhex = (h: string) => Buffer.from(h, 'hex');
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

// RFC 6962 test vectors (as published with Certificate Transparency and transparency-dev/merkle), SHA-256.
const CT_ENTRIES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(unhex);
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const CT_LEAVES = CT_ENTRIES.map((e) => leafHash(e, 'sha256'));

/** The tree straight from RFC 6962 §2.1, over the entries themselves, with no code shared with merkle.ts. */
function referenceRoot(entries: readonly Buffer[], h: MerkleHash): Buffer {
  const H = (...parts: Buffer[]) => createHash(h).update(Buffer.concat(parts)).digest();
  if (entries.length === 0) return H();
  if (entries.length === 1) return H(Buffer.of(0), entries[0]!);
  let k = 1;
  while (k << 1 < entries.length) k <<= 1;
  return H(Buffer.of(1), referenceRoot(entries.slice(0, k), h), referenceRoot(entries.slice(k), h));
}

/** Copies of a proof, each broken in one way: a flipped bit, an element dropped, added or swapped. */
function broken(proof: readonly Buffer[]): Buffer[][] {
  const out: Buffer[][] = [];
  proof.forEach((p, i) => {
    const flipped = Buffer.from(p);
    flipped[i % flipped.length]! ^= 1;
    out.push(proof.map((q, j) => (j === i ? flipped : q)));
  });
  if (proof.length > 0) out.push(proof.slice(1), proof.slice(0, -1));
  if (proof.length > 1) out.push([proof[1]!, proof[0]!, ...proof.slice(2)]);
  out.push([...proof, proof[0] ?? Buffer.alloc(32)]);
  return out;
}

describe('Merkle tree (RFC 6962, RFC 9162)', () => {
  it('gives the published roots for every size 0..8 (SHA-256)', () => {
    const frontier = new TreeFrontier(0, [], 'sha256');
    expect(hex(frontier.root())).toBe(CT_ROOTS[0]);
    for (let n = 1; n <= 8; n++) {
      frontier.push(CT_LEAVES[n - 1]!);
      expect(hex(frontier.root()), `size ${n}`).toBe(CT_ROOTS[n]);
      expect(hex(rootOf(CT_LEAVES.slice(0, n), 'sha256')), `reference, size ${n}`).toBe(CT_ROOTS[n]);
    }
  });

  it('gives the published inclusion and consistency proofs, and verifies them', () => {
    const root = unhex(CT_ROOTS[8]!);
    const at0 = [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ];
    const at5 = [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ];
    expect(inclusionProof(CT_LEAVES, 0, 'sha256').map(hex)).toEqual(at0);
    expect(inclusionProof(CT_LEAVES, 5, 'sha256').map(hex)).toEqual(at5);
    expect(verifyInclusion(CT_LEAVES[0]!, 0, 8, at0.map(unhex), root, 'sha256')).toBe(true);
    expect(verifyInclusion(CT_LEAVES[5]!, 5, 8, at5.map(unhex), root, 'sha256')).toBe(true);
    const from2 = [at0[1]!, at0[2]!];
    expect(consistencyProof(CT_LEAVES, 2, 'sha256').map(hex)).toEqual(from2);
    expect(verifyConsistency(2, 8, from2.map(unhex), unhex(CT_ROOTS[2]!), root, 'sha256')).toBe(true);
  });

  it('agrees with a tree written straight from the RFC, in SM3 and SHA-256', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 40 }),
        fc.constantFrom<MerkleHash>('sm3', 'sha256'),
        (entries, h) => {
          const buffers = entries.map((e) => Buffer.from(e));
          // The appending frontier of the stored log against the RFC's recursion.
          const frontier = new TreeFrontier(0, [], h);
          for (const e of buffers) frontier.push(leafHash(e, h));
          expect(hex(frontier.root())).toBe(hex(referenceRoot(buffers, h)));
          expect(
            hex(
              rootOf(
                buffers.map((e) => leafHash(e, h)),
                h,
              ),
            ),
          ).toBe(hex(referenceRoot(buffers, h)));
        },
      ),
    );
  });

  it('verifies every inclusion proof of every tree up to 33 leaves, and refuses each mutation of the proof, the index or the leaf', () => {
    const leaves = Array.from({ length: 33 }, (_, i) => leafHash(Buffer.from(`调用日志 ${i}`)));
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const root = rootOf(tree);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(tree, i);
        expect(verifyInclusion(tree[i]!, i, n, proof, root), `${i} of ${n}`).toBe(true);
        for (const bad of broken(proof)) expect(verifyInclusion(tree[i]!, i, n, bad, root)).toBe(false);
        expect(verifyInclusion(tree[i]!, i + 1, n, proof, root)).toBe(false);
        if (i > 0) expect(verifyInclusion(tree[i]!, i - 1, n, proof, root)).toBe(false);
        // (A wrong size can still fit a proof's shape: the signed checkpoint, not the proof, fixes the size.)
        expect(verifyInclusion(leafHash(Buffer.from('别的')), i, n, proof, root)).toBe(false);
      }
    }
  });

  it('verifies every consistency proof between trees up to 33 leaves, and refuses each mutation and swapped roots', () => {
    const leaves = Array.from({ length: 33 }, (_, i) => leafHash(Buffer.from(`批次 ${i}`)));
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      const root2 = rootOf(tree);
      for (let m = 1; m <= n; m++) {
        const root1 = rootOf(tree.slice(0, m));
        const proof = consistencyProof(tree, m);
        expect(verifyConsistency(m, n, proof, root1, root2), `${m} to ${n}`).toBe(true);
        for (const bad of broken(proof)) expect(verifyConsistency(m, n, bad, root1, root2)).toBe(false);
        if (m < n) {
          expect(verifyConsistency(m, n, proof, root2, root1)).toBe(false);
        }
        if (m > 1) expect(verifyConsistency(m - 1, n, proof, root1, root2)).toBe(false);
      }
    }
    expect(verifyConsistency(0, 3, [], rootOf([]), rootOf(leaves.slice(0, 3)))).toBe(false);
    expect(verifyConsistency(4, 3, [], rootOf(leaves.slice(0, 4)), rootOf(leaves.slice(0, 3)))).toBe(false);
  });

  it('builds roots and proofs from stored complete subtrees exactly as from all the leaves', () => {
    const leaves = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from(`交换批次 ${i}`)));
    // What a stored log keeps: every complete subtree, written as a frontier appends the leaves.
    const stored = new Map<string, Buffer>();
    const key = (n: TreeNode) => `${n.level}/${n.index}`;
    const frontier = new TreeFrontier(0, []);
    const roots: Buffer[] = [rootOf([])];
    for (const leaf of leaves) {
      for (const node of frontier.push(leaf)) stored.set(key(node), node.hash);
      roots.push(frontier.root());
    }
    const range = ([a, b]: [number, number]) => rangeHash(perfectNodes(a, b).map((n) => stored.get(key(n))!));
    for (let n = 1; n <= leaves.length; n++) {
      const tree = leaves.slice(0, n);
      expect(hex(roots[n]!), `root of ${n}`).toBe(hex(rootOf(tree)));
      expect(hex(range([0, n]))).toBe(hex(rootOf(tree)));
      for (let i = 0; i < n; i += 3) expect(inclusionRanges(i, n).map(range).map(hex)).toEqual(inclusionProof(tree, i).map(hex));
      for (let m = 1; m <= n; m += 2) expect(consistencyRanges(m, n).map(range).map(hex)).toEqual(consistencyProof(tree, m).map(hex));
    }
    // A frontier resumed from the stored edge of a tree goes on as if it had never stopped.
    const resumed = new TreeFrontier(
      37,
      perfectNodes(0, 37).map((n) => stored.get(key(n))!),
    );
    for (const leaf of leaves.slice(37)) resumed.push(leaf);
    expect(hex(resumed.root())).toBe(hex(rootOf(leaves)));
  });
});

describe('leafHashText', () => {
  it("equals leafHash of the text's UTF-8 bytes, for any text, with either hash", () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.constantFrom('sm3', 'sha256') as fc.Arbitrary<'sm3' | 'sha256'>, (text, hash) => {
        expect(leafHashText(text, hash).equals(leafHash(Buffer.from(text, 'utf8'), hash))).toBe(true);
      }),
    );
    // The leaf prefix is there: not the bare hash of the text.
    expect(leafHashText('a').equals(createHash('sm3').update('a').digest())).toBe(false);
  });
});
