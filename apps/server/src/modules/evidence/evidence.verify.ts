import { leafHashText, perfectNodes, rangeHash, TreeFrontier } from '../../platform/crypto/merkle';
import { sm2Verify } from '../../platform/crypto/provider';
import { checkpointBody, EXPORT_FORMAT, type EvidenceExport } from './evidence.service';

/** What checking an export found: whether it holds, what was checked, and each problem found. */
export interface VerifyReport {
  ok: boolean;
  from: number;
  to: number;
  leaves: number;
  checkpoints: number;
  keys: { id: string; publicKey: string }[];
  problems: string[];
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Checks an exported segment of the evidence log offline, trusting nothing in it but the public keys
 * (which the auditor compares with the node's published key): every checkpoint's text and SM2
 * signature, then the tree rebuilt from the frontier and the entries as stored, whose root must equal
 * every checkpoint's root at its size. A changed field, a deleted or reordered leaf, a forged
 * checkpoint: each shows as a problem.
 */
export function verifyExport(data: unknown): VerifyReport {
  const problems: string[] = [];
  const e = data as Partial<EvidenceExport>;
  const report = (): VerifyReport => ({
    ok: problems.length === 0,
    from: Number(e.from ?? 0),
    to: Number(e.to ?? 0),
    leaves: Array.isArray(e.leaves) ? e.leaves.length : 0,
    checkpoints: Array.isArray(e.checkpoints) ? e.checkpoints.length : 0,
    keys: Array.isArray(e.keys) ? e.keys : [],
    problems,
  });
  if (!e || e.format !== EXPORT_FORMAT || e.hash !== 'sm3') {
    problems.push(`not an evidence export (format ${EXPORT_FORMAT}, hash sm3)`);
    return report();
  }
  const { from, to } = e as EvidenceExport;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from) {
    problems.push(`a segment [${from}, ${to}) that cannot be`);
    return report();
  }
  const keys = new Map((e.keys ?? []).map((k) => [k.id, k.publicKey]));

  // Checkpoints: the signed text says what the fields say, and the signature holds.
  const bySize = new Map<number, string>();
  for (const c of e.checkpoints ?? []) {
    const signedAt = new Date(c.signedAt);
    const at = `checkpoint at size ${c.treeSize}`;
    const publicKey = keys.get(c.keyId);
    if (!publicKey) problems.push(`${at}: signed with key ${c.keyId}, which the export does not hold`);
    else if (!sm2Verify(publicKey, c.body, c.signature)) problems.push(`${at}: the SM2 signature does not verify`);
    if (Number.isNaN(signedAt.getTime()) || c.body !== checkpointBody({ keyId: c.keyId, treeSize: c.treeSize, root: c.root, signedAt }))
      problems.push(`${at}: its fields differ from the text that was signed`);
    if (c.treeSize < from || c.treeSize > to) problems.push(`${at}: outside the segment [${from}, ${to}]`);
    else if (bySize.has(c.treeSize) && bySize.get(c.treeSize) !== c.root) problems.push(`${at}: two different roots for one size`);
    else bySize.set(c.treeSize, c.root);
  }
  if (![...bySize.keys()].some((size) => size > from || (size === from && from === to)))
    problems.push(`no checkpoint at a size in (${from}, ${to}]: nothing vouches for the entries`);

  // The tree: from the frontier before the segment, through every entry as it is stored.
  const frontierHashes = (e.frontier ?? []).filter((h) => HEX64.test(h));
  if (frontierHashes.length !== perfectNodes(0, from).length || frontierHashes.length !== (e.frontier ?? []).length) {
    problems.push(`the frontier before ${from} must be ${perfectNodes(0, from).length} SM3 hashes`);
    return report();
  }
  const tree = new TreeFrontier(
    from,
    frontierHashes.map((h) => Buffer.from(h, 'hex')),
  );
  const check = (size: number) => {
    const expected = bySize.get(size);
    if (expected !== undefined && tree.root().toString('hex') !== expected)
      problems.push(
        `checkpoint at size ${size}: the root of the entries differs (an entry before it was changed, removed, added or moved)`,
      );
  };
  if (from === 0 && bySize.has(0) && bySize.get(0) !== rangeHash([]).toString('hex'))
    problems.push('checkpoint at size 0: not the empty root');
  if (from > 0) check(from);
  let expectedIndex = from;
  for (const leaf of e.leaves ?? []) {
    if (leaf.index !== expectedIndex) {
      problems.push(`entry ${expectedIndex}: found entry ${leaf.index} in its place (an entry removed, added or moved)`);
      expectedIndex = leaf.index;
    }
    tree.push(leafHashText(String(leaf.entry)));
    expectedIndex++;
    check(tree.size);
  }
  if (tree.size !== to) problems.push(`the segment should hold ${to - from} entries and holds ${(e.leaves ?? []).length}`);
  return report();
}
