import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyMerkleInclusion } from '@shuyuan/contracts';
import { SealedBox } from '../../platform/crypto/provider';
import { nodeHash } from '../../platform/crypto/merkle';
import { EvidenceLog, verifyExport } from '../evidence';
import { describeEachEngine } from '../../../test/databases';
import fc from 'fast-check';
import { canonicalJson } from '../../platform/evidence/evidence-log';
import { CallLog, callEntryText } from './call-log';

const WRITER = fileURLToPath(new URL('../../../test/fixtures/call-log-writer.ts', import.meta.url));

/** Runs a process that writes `count` calls ahead and is killed before it commits any. */
function crashAfterWriting(dir: string, count: number) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', WRITER, dir, String(count)], { encoding: 'utf8' });
  expect(child.stdout).toBe('written\n');
  expect(child.signal).toBe('SIGKILL');
}

it('serialises a call exactly as canonicalJson does (its evidence leaf)', () => {
  const text = fc.option(fc.string(), { nil: null });
  const uuid = fc.option(fc.uuid(), { nil: null });
  fc.assert(
    fc.property(
      fc.record({
        id: fc.uuid(),
        calledAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        appId: uuid,
        appKey: text,
        consumerDepartmentId: uuid,
        grantId: uuid,
        apiId: uuid,
        providerDepartmentId: uuid,
        resourceCode: text,
        fields: fc.array(fc.string()),
        rowCount: fc.nat(),
        requestDigest: fc.string(),
        responseDigest: text,
        status: fc.integer({ min: 100, max: 599 }),
        code: text,
        latencyMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
      }),
      (call) => {
        expect(callEntryText(call)).toBe(canonicalJson({ kind: 'api_call', ...call }));
      },
    ),
  );
});

describeEachEngine('the gateway call log', (get) => {
  let dir: string;
  let evidence: EvidenceLog;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'shuyuan-wal-'));
    evidence = new EvidenceLog(get().db, new SealedBox(Buffer.alloc(32, 7)));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loses no acknowledged call when the process is killed: the next start replays it, once, with its leaf', async () => {
    crashAfterWriting(dir, 25);
    // The kill may tear the last line of a segment; a torn line was never acknowledged.
    const [segment] = readdirSync(dir);
    appendFileSync(join(dir, segment!), '{"id":"torn');
    const log = new CallLog(get().db, evidence, dir);
    expect(await log.recover()).toBe(25);
    expect(readdirSync(dir)).toEqual([]);
    const rows = await get()
      .db.selectFrom('gateway_call')
      .select(['id', 'app_key', 'leaf_index'])
      .where('app_key', 'like', 'crash-test-%')
      .execute();
    expect(rows).toHaveLength(25);
    const size = (await evidence.status()).treeSize;
    for (const row of rows.slice(0, 5)) {
      const proof = await evidence.inclusion(Number(row.leaf_index), size);
      expect(JSON.parse(proof!.entry)).toMatchObject({ id: row.id, kind: 'api_call' });
      const ok = verifyMerkleInclusion(
        (l, r) => nodeHash(l, r),
        Buffer.from(proof!.leafHash, 'hex'),
        Number(row.leaf_index),
        size,
        proof!.proof.map((h) => Buffer.from(h, 'hex')),
        Buffer.from(proof!.root, 'hex'),
      );
      expect(ok).toBe(true);
    }
    // Nothing is left to replay, and a second start inserts nothing twice.
    expect(await new CallLog(get().db, evidence, dir).recover()).toBe(0);
    expect(await get().db.selectFrom('gateway_call').select('id').where('app_key', 'like', 'crash-test-%').execute()).toHaveLength(25);
  });

  it('commits what it writes on flush, in order, and never twice', async () => {
    const log = new CallLog(get().db, evidence, dir);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = crypto.randomUUID();
      ids.push(id);
      const written = log.record({
        id,
        calledAt: new Date().toISOString(),
        appId: null,
        appKey: 'flush-test',
        consumerDepartmentId: null,
        grantId: null,
        apiId: null,
        providerDepartmentId: null,
        resourceCode: null,
        fields: [],
        rowCount: 0,
        requestDigest: 'ef'.repeat(32),
        responseDigest: null,
        status: 401,
        code: 'UNSIGNED',
        latencyMs: 0.2,
      });
      await Promise.all([log.flush(), log.flush(), written]);
    }
    const rows = await get()
      .db.selectFrom('gateway_call')
      .select(['id', 'leaf_index'])
      .where('app_key', '=', 'flush-test')
      .orderBy('leaf_index')
      .execute();
    expect(rows.map((r) => r.id)).toEqual(ids);
    expect(log.backlog).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('commits a flush of several batches (two in flight, leaves by COPY on a server) with every call at its own leaf', async () => {
    const pooled = new EvidenceLog(get().db, new SealedBox(Buffer.alloc(32, 7)), get().pool);
    const log = new CallLog(get().db, pooled, dir);
    const ids = Array.from({ length: 4_500 }, () => crypto.randomUUID());
    await Promise.all(
      ids.map((id, i) =>
        log.record({
          id,
          calledAt: new Date(Date.UTC(2026, 10, 26, 0, 0, 0, i)).toISOString(),
          appId: null,
          appKey: 'batches-test',
          consumerDepartmentId: null,
          grantId: null,
          apiId: null,
          providerDepartmentId: null,
          resourceCode: '3201/000001',
          fields: ['xm'],
          rowCount: i % 3,
          requestDigest: 'cd'.repeat(32),
          responseDigest: null,
          status: 200,
          code: null,
          latencyMs: 1,
        }),
      ),
    );
    expect(await log.flush()).toBe(4_500);
    const rows = await get()
      .db.selectFrom('gateway_call')
      .select(['id', 'leaf_index'])
      .where('app_key', '=', 'batches-test')
      .orderBy('leaf_index')
      .execute();
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(ids));
    const leaves = await get()
      .db.selectFrom('evidence_leaf')
      .select(['index', 'entry'])
      .where(
        'index',
        'in',
        rows.map((r) => Number(r.leaf_index)),
      )
      .execute();
    const byIndex = new Map(leaves.map((l) => [Number(l.index), JSON.parse(l.entry) as { id: string }]));
    for (const row of rows) expect(byIndex.get(Number(row.leaf_index))?.id).toBe(row.id);
    // The tree over every leaf checks against a signed checkpoint.
    await pooled.checkpoint();
    const report = verifyExport(await pooled.exportSegment({ from: 0 }));
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.checkpoints).toBeGreaterThan(0);
  });

  it('inserts no call twice when a flush fails after its commit (the answer lost): the retry looks the calls up', async () => {
    let loseAnswer = true;
    // Commits, then throws once, as a connection lost between COMMIT and its answer would.
    const flaky = {
      appendWithin: async (...args: Parameters<EvidenceLog['appendWithin']>) => {
        const size = await evidence.appendWithin(...args);
        if (loseAnswer) {
          loseAnswer = false;
          throw new Error('connection lost after commit');
        }
        return size;
      },
    } as unknown as EvidenceLog;
    const log = new CallLog(get().db, flaky, dir);
    const ids = Array.from({ length: 3 }, () => crypto.randomUUID());
    await Promise.all(
      ids.map((id) =>
        log.record({
          id,
          calledAt: new Date().toISOString(),
          appId: null,
          appKey: 'lost-commit-test',
          consumerDepartmentId: null,
          grantId: null,
          apiId: null,
          providerDepartmentId: null,
          resourceCode: null,
          fields: [],
          rowCount: 0,
          requestDigest: 'ab'.repeat(32),
          responseDigest: null,
          status: 401,
          code: 'UNSIGNED',
          latencyMs: 0.1,
        }),
      ),
    );
    await expect(log.flush()).rejects.toThrow('connection lost after commit');
    expect(log.backlog).toBe(3);
    await log.flush();
    expect(log.backlog).toBe(0);
    const rows = await get().db.selectFrom('gateway_call').select('id').where('app_key', '=', 'lost-commit-test').execute();
    expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  });
});
