import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test/databases';
import { consistencyProof, inclusionProof, rootOf } from '../../../test/merkle-reference';
import { leafHash, verifyConsistency, verifyInclusion } from '../../platform/crypto/merkle';
import { SealedBox, sm2Verify } from '../../platform/crypto/provider';
import { appendAudit, systemActor } from '../../platform/audit/audit-log';
import { canonicalJson, enqueueEvidence } from '../../platform/evidence/evidence-log';
import { EvidenceLog, type EvidenceExport } from './evidence.service';
import { verifyExport } from './evidence.verify';

describeEachEngine('evidence log (Merkle tree in the database)', (get) => {
  let log: EvidenceLog;
  const entries: string[] = [];

  beforeAll(async () => {
    // On a server the log writes its leaves by COPY on a connection of the pool; on PGlite as JSON records.
    log = new EvidenceLog(get().db, new SealedBox(randomBytes(32)), get().pool);
    // Entries queue in their own transactions, the way the services write them.
    for (let i = 0; i < 45; i++) {
      const entry = {
        caller: `app-${i % 4}`,
        resource: '3101/000123',
        fields: ['姓名', '身份证号'],
        rows: i,
        status: i % 9 === 0 ? 'QUOTA_EXCEEDED' : 'ok',
      };
      await get()
        .db.transaction()
        .execute((trx) => enqueueEvidence(trx, 'api_call', entry));
      entries.push(canonicalJson({ kind: 'api_call', ...entry }));
    }
    await log.sequence(17);
    await log.checkpoint(); // size 17
    await log.drain();
    await log.checkpoint(); // size 45
  });

  it('sequences queued entries in order into leaves whose tree is the RFC 6962 tree of the entries (SM3)', async () => {
    const status = await log.status();
    expect(status).toMatchObject({ treeSize: 45, queued: 0 });
    expect(status.root).toBe(rootOf(entries.map((e) => leafHash(Buffer.from(e)))).toString('hex'));
  });

  it('signs checkpoints with the node SM2 key, once per size', async () => {
    const latest = (await log.latestCheckpoint())!;
    const key = await log.signingKey();
    expect(latest).toMatchObject({ treeSize: 45, keyId: key.id });
    expect(sm2Verify(key.publicKey, latest.body, latest.signature)).toBe(true);
    expect(latest.body).toContain(`root ${latest.root}`);
    expect((await log.checkpoint()).signature).toBe(latest.signature); // no new checkpoint for the same size
    expect(await log.checkpointIfGrown()).toBeNull();
    expect((await log.checkpoints({ limit: 10 })).map((c) => c.treeSize)).toEqual([45, 17]);
  });

  it('proves inclusion and consistency from stored subtrees, exactly as from the leaves', async () => {
    const leaves = entries.map((e) => leafHash(Buffer.from(e)));
    for (const [index, size] of [
      [0, 45],
      [16, 17],
      [44, 45],
      [31, 40],
    ] as const) {
      const found = (await log.inclusion(index, size))!;
      expect(found.entry).toBe(entries[index]);
      expect(found.proof).toEqual(inclusionProof(leaves.slice(0, size), index).map((b) => b.toString('hex')));
      const root = Buffer.from(found.root, 'hex');
      expect(
        verifyInclusion(
          Buffer.from(found.leafHash, 'hex'),
          index,
          size,
          found.proof.map((p) => Buffer.from(p, 'hex')),
          root,
        ),
      ).toBe(true);
    }
    const c = (await log.consistency(17, 45))!;
    expect(c.proof).toEqual(consistencyProof(leaves, 17).map((b) => b.toString('hex')));
    expect(
      verifyConsistency(
        17,
        45,
        c.proof.map((p) => Buffer.from(p, 'hex')),
        Buffer.from(c.fromRoot, 'hex'),
        Buffer.from(c.toRoot, 'hex'),
      ),
    ).toBe(true);
    expect(await log.inclusion(45, 45)).toBeNull();
    expect(await log.inclusion(0, 46)).toBeNull();
    expect(await log.consistency(0, 45)).toBeNull();
  });

  it('makes an audited change a leaf in the same transaction, and none when the transaction rolls back', async () => {
    const before = (await log.status()).queued;
    await get()
      .db.transaction()
      .execute((trx) => appendAudit(trx, systemActor('test'), { action: 'evidence.test', details: { n: 1 } }));
    await expect(
      get()
        .db.transaction()
        .execute(async (trx) => {
          await appendAudit(trx, systemActor('test'), { action: 'evidence.rolled_back' });
          throw new Error('roll back');
        }),
    ).rejects.toThrow('roll back');
    expect((await log.status()).queued).toBe(before + 1);
    await log.drain();
    const leaf = (await log.inclusion(45, 46))!;
    expect(JSON.parse(leaf.entry)).toMatchObject({ kind: 'audit', action: 'evidence.test', actor_login: 'test', details: { n: 1 } });
    await log.checkpoint();
  });

  it('exports a segment that verifies offline, and finds a changed field, a removed entry, reordered entries and a forged checkpoint', async () => {
    const whole = await log.exportSegment();
    expect(verifyExport(whole)).toMatchObject({ ok: true, from: 0, to: 46, leaves: 46, checkpoints: 3, problems: [] });
    const part = await log.exportSegment({ from: 17, to: 45 });
    expect(verifyExport(JSON.parse(JSON.stringify(part)))).toMatchObject({ ok: true, leaves: 28, checkpoints: 2 });

    const copy = () => JSON.parse(JSON.stringify(whole)) as EvidenceExport;
    const changed = copy();
    changed.leaves[20]!.entry = changed.leaves[20]!.entry.replace('"rows":20', '"rows":21');
    expect(verifyExport(changed).problems.join('\n')).toMatch(/checkpoint at size 45: the root of the entries differs/);
    const removed = copy();
    removed.leaves.splice(30, 1);
    expect(verifyExport(removed).ok).toBe(false);
    const reordered = copy();
    [reordered.leaves[3]!.entry, reordered.leaves[4]!.entry] = [reordered.leaves[4]!.entry, reordered.leaves[3]!.entry];
    expect(verifyExport(reordered).problems.join('\n')).toMatch(/checkpoint at size 17/);
    const forged = copy();
    forged.checkpoints[1]!.root = forged.checkpoints[0]!.root;
    expect(verifyExport(forged).problems.join('\n')).toMatch(/differ from the text that was signed/);
    const unsigned = copy();
    unsigned.checkpoints = [];
    expect(verifyExport(unsigned).problems.join('\n')).toMatch(/nothing vouches/);
  });

  it('finds a row tampered in the database itself when the log is exported again', async () => {
    await sql`update evidence_leaf set entry = replace(entry, '"rows":7', '"rows":8') where index = 7`.execute(get().db);
    const report = verifyExport(await log.exportSegment());
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/checkpoint at size 17/);
    await sql`update evidence_leaf set entry = replace(entry, '"rows":8', '"rows":7') where index = 7`.execute(get().db);
    expect(verifyExport(await log.exportSegment()).ok).toBe(true);
  });

  it('appends batches straight to the tree; proofs in a larger tree mix stored subtrees and ones recomputed from leaves', async () => {
    const before = (await log.status()).treeSize;
    const batch = Array.from({ length: 300 }, (_, i) => ({ kind: 'table_batch' as const, entry: { job: 'sync-1', batch: i, rows: 1000 } }));
    expect(await log.append(batch.slice(0, 123))).toBe(before + 123);
    expect(await log.append(batch.slice(123))).toBe(before + 300);
    // Another writer moves the tree between two appends of this process: the next append sees it under the lock.
    const other = new EvidenceLog(get().db, new SealedBox(randomBytes(32)));
    // Values COPY's text format must escape (tab, line ends, backslash, a literal \N) come back byte for byte.
    await other.append([{ kind: 'file_transfer', entry: { file: 'a\tb\nc\r\\d\\N.csv', 名称: '文件' } }]);
    expect(await log.append([{ kind: 'file_transfer', entry: { file: 'b.csv' } }])).toBe(before + 302);
    expect(await log.append([{ kind: 'file_transfer', entry: { file: 'c.csv' } }])).toBe(before + 303);
    const stored = await log.exportSegment({ from: 0, to: before + 303 });
    const leaves = stored.leaves.map((l) => leafHash(Buffer.from(l.entry)));
    expect((await log.status()).root).toBe(rootOf(leaves).toString('hex'));
    expect(stored.leaves[before + 300]!.entry).toBe(canonicalJson({ kind: 'file_transfer', file: 'a\tb\nc\r\\d\\N.csv', 名称: '文件' }));
    for (const [index, size] of [
      [0, before + 303],
      [before + 150, before + 300],
      [before + 302, before + 303],
      [77, 200],
    ] as const) {
      const found = (await log.inclusion(index, size))!;
      expect(found.proof, `${index} of ${size}`).toEqual(inclusionProof(leaves.slice(0, size), index).map((b) => b.toString('hex')));
    }
    const c = (await log.consistency(before, before + 303))!;
    expect(c.proof).toEqual(consistencyProof(leaves, before).map((b) => b.toString('hex')));
    await log.checkpoint();
    expect(verifyExport(await log.exportSegment({ from: 100 })).ok).toBe(true);
  });

  it('takes batches handed over before the last one committed, each whole and in one tree', async () => {
    const before = (await log.status()).treeSize;
    const batches = Array.from({ length: 4 }, (_, b) =>
      Array.from({ length: 1_200 }, (_, i) => ({ kind: 'api_call' as const, entry: { batch: b, i } })),
    );
    const sizes = await Promise.all(batches.map((batch) => log.append(batch)));
    expect([...sizes].sort((a, b) => a - b)).toEqual([1, 2, 3, 4].map((n) => before + n * 1_200));
    const stored = await log.exportSegment({ from: 0, to: before + 4_800 });
    // Each batch's entries are contiguous leaves, in their order.
    const tail = stored.leaves.slice(before).map((l) => JSON.parse(l.entry) as { batch: number; i: number });
    for (let at = 0; at < tail.length; at += 1_200)
      expect(tail.slice(at, at + 1_200).map((e) => e.i)).toEqual(Array.from({ length: 1_200 }, (_, i) => i));
    expect((await log.status()).root).toBe(rootOf(stored.leaves.map((l) => leafHash(Buffer.from(l.entry)))).toString('hex'));
  });

  it('rolls a failed append back whole and goes on on a sound connection', async () => {
    const before = await log.status();
    // A leaf at an index already taken fails the batch inside its transaction: nothing of it stays.
    await get()
      .db.insertInto('evidence_leaf')
      .values({ index: before.treeSize + 1, kind: 'audit', entry: '{}', leaf_hash: Buffer.alloc(32), queued_at: new Date() })
      .execute();
    const batch = Array.from({ length: 3 }, (_, i) => ({ kind: 'audit' as const, entry: { n: i } }));
    await expect(log.append(batch)).rejects.toThrow();
    expect(await log.status()).toEqual(before);
    await get()
      .db.deleteFrom('evidence_leaf')
      .where('index', '=', before.treeSize + 1)
      .execute();
    expect(await log.append(batch)).toBe(before.treeSize + 3);
    const stored = await log.exportSegment({ from: 0, to: before.treeSize + 3 });
    expect((await log.status()).root).toBe(rootOf(stored.leaves.map((l) => leafHash(Buffer.from(l.entry)))).toString('hex'));
  });
});
