import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildTestApp } from '../../../test/factories';
import { signedIn, type Client } from '../../../test/client';
import { verifyConsistency, verifyInclusion } from '../../platform/crypto/merkle';
import { sm2Verify } from '../../platform/crypto/provider';
import type { AppServices } from '../../app';
import { verifyExport } from './evidence.verify';

const bytes = (hex: string) => Buffer.from(hex, 'hex');

describeEachEngine('evidence routes', (get) => {
  let app: FastifyInstance;
  let services: AppServices;
  let auditor: Client;
  let officer: Client;

  beforeAll(async () => {
    ({ app, services } = await buildTestApp(get()));
    auditor = (await signedIn(app, get().db, { roles: ['auditor'] })).api;
    officer = (await signedIn(app, get().db, { roles: ['data_officer'] })).api;
    // Creating users and signing in audited several changes: they are queued as evidence.
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs a checkpoint on demand after sequencing the queue, and shows the tree with the signing key', async () => {
    const res = await auditor.post('/api/v1/evidence/checkpoints', {});
    expect(res.statusCode, res.body).toBe(201);
    const checkpoint = res.json();
    const status = (await auditor.get('/api/v1/evidence/status')).json();
    expect(status).toMatchObject({ hash: 'sm3', queued: expect.any(Number), keyId: checkpoint.keyId });
    expect(status.treeSize).toBeGreaterThanOrEqual(checkpoint.treeSize);
    expect(checkpoint.treeSize).toBeGreaterThan(0);
    expect(sm2Verify(status.publicKey, checkpoint.body, checkpoint.signature)).toBe(true);
    // Signing was audited, and so becomes evidence itself.
    await services.evidence.drain();
    expect((await auditor.get('/api/v1/evidence/status')).json().treeSize).toBeGreaterThan(checkpoint.treeSize);
  });

  it('answers an entry with its inclusion proof against the latest checkpoint, and a consistency proof between checkpoints', async () => {
    const first = (await auditor.post('/api/v1/evidence/checkpoints', {})).json();
    const second = (await auditor.post('/api/v1/evidence/checkpoints', {})).json();
    expect(second.treeSize).toBeGreaterThan(first.treeSize);
    const leaf = (await auditor.get('/api/v1/evidence/leaves/0')).json();
    expect(leaf).toMatchObject({
      index: 0,
      kind: 'audit',
      treeSize: second.treeSize,
      root: second.root,
      checkpoint: { signature: second.signature },
    });
    expect(verifyInclusion(bytes(leaf.leafHash), 0, leaf.treeSize, leaf.proof.map(bytes), bytes(second.root))).toBe(true);
    const old = (await auditor.get(`/api/v1/evidence/leaves/${first.treeSize - 1}?treeSize=${first.treeSize}`)).json();
    expect(old.root).toBe(first.root);
    const c = (await auditor.get(`/api/v1/evidence/consistency?from=${first.treeSize}&to=${second.treeSize}`)).json();
    expect(verifyConsistency(first.treeSize, second.treeSize, c.proof.map(bytes), bytes(first.root), bytes(second.root))).toBe(true);
  });

  it('exports a segment that verifies offline', async () => {
    const res = await auditor.get('/api/v1/evidence/export');
    expect(res.statusCode).toBe(200);
    expect(verifyExport(res.json())).toMatchObject({ ok: true, problems: [] });
  });

  it('answers 404 beyond the tree, 400 for bad sizes, and 403 to a user without the audit permissions', async () => {
    const size = (await auditor.get('/api/v1/evidence/status')).json().treeSize;
    expect((await auditor.get(`/api/v1/evidence/leaves/${size}?treeSize=${size}`)).json().code).toBe('NOT_FOUND');
    expect((await auditor.get(`/api/v1/evidence/leaves/0?treeSize=${size + 1}`)).statusCode).toBe(404);
    expect((await auditor.get(`/api/v1/evidence/consistency?from=0&to=${size}`)).statusCode).toBe(404);
    expect((await auditor.get('/api/v1/evidence/leaves/-1')).statusCode).toBe(400);
    expect((await auditor.get('/api/v1/evidence/consistency?from=a&to=2')).json().code).toBe('VALIDATION_FAILED');
    expect((await auditor.get(`/api/v1/evidence/export?from=${size}&to=${size + 5}`)).statusCode).toBe(400);
    for (const path of ['/api/v1/evidence/status', '/api/v1/evidence/leaves/0', '/api/v1/evidence/export'])
      expect((await officer.get(path)).statusCode, path).toBe(403);
    expect((await officer.post('/api/v1/evidence/checkpoints', {})).statusCode).toBe(403);
  });
});
