import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildTestApp, randomUscc } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import { signatureHeaders } from '../../platform/signing';

const LINK = { key: 'link-test-01', secret: 'a-long-enough-link-secret-0001' };

describeEachEngine('cascade: nodes and the signed receiving endpoint', (get) => {
  let app: FastifyInstance;
  let admin: Client;
  let nodeId: string;
  const departmentCode = randomUscc('320100');

  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    admin = (await signedIn(app, get().db, { roles: ['platform_admin'] })).api;
    const res = await admin.post('/api/v1/cascade/nodes', {
      name: `南京市-${randomUUID().slice(0, 6)}`,
      role: 'lower',
      baseUrl: 'http://127.0.0.1:9/',
      regionCode: '320100',
      agencyCode: randomUscc('320100'),
      ...LINK,
    });
    expect(res.statusCode, res.body).toBe(201);
    nodeId = res.json().id;
  });
  afterAll(async () => {
    await app?.close();
  });

  const change = (changeId: number, entryId: string, overrides: Record<string, unknown> = {}) => ({
    changeId,
    kind: 'published',
    revision: 1,
    at: new Date().toISOString(),
    entry: {
      id: entryId,
      code: '101001/000001',
      content: entryContent({ name: '人口基本信息' }),
      mountStatus: 'mounted',
      publishedAt: new Date().toISOString(),
      department: { name: '南京市公安局', agencyCode: departmentCode, divisionCode: '320100', level: 'city' },
    },
    ...overrides,
  });
  const send = (body: string, headers = signatureHeaders({ method: 'POST', url: '/api/v1/cascade/changes', body }, LINK)) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/cascade/changes',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: body,
    });

  it('applies a signed batch once, as read-only entries tagged with the node region under a mirrored department', async () => {
    const remoteId = randomUUID();
    const body = JSON.stringify({ changes: [change(1, remoteId)] });
    const headers = signatureHeaders({ method: 'POST', url: '/api/v1/cascade/changes', body }, LINK);
    const first = await send(body, headers);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ applied: 1, skipped: 0 });
    // The same request again is a replay; the same change newly signed is skipped.
    expect((await send(body, headers)).json()).toMatchObject({ code: 'UNAUTHENTICATED', details: { signature: 'REPLAYED' } });
    expect((await send(body)).json()).toEqual({ applied: 0, skipped: 1 });

    const found = (await admin.get(`/api/v1/catalog/entries?q=${encodeURIComponent('人口基本信息')}&facets=false`)).json();
    const mirrored = found.items.find((i: { mirrored: boolean }) => i.mirrored);
    expect(mirrored).toMatchObject({ name: '人口基本信息', regionCode: '320100', departmentName: '南京市公安局', status: 'published' });
    const detail = (await admin.get(`/api/v1/catalog/entries/${mirrored.id}`)).json();
    expect(detail.actions).toEqual([]);
    const edit = await admin.put(`/api/v1/catalog/entries/${mirrored.id}`, { content: entryContent({ name: '人口基本信息' }), version: 1 });
    expect(edit.statusCode).toBe(403);
    // Nor is it mounted here: mounts belong to the node that owns the entry.
    const mount = await admin.post(`/api/v1/catalog/entries/${mirrored.id}/mounts`, {
      sourceId: randomUUID(),
      resourceName: 'person',
      columnMap: {},
    });
    expect(mount.statusCode, mount.body).toBe(403);
    expect(mount.json().details.reason).toMatch(/mirrored/);
    const department = await get()
      .db.selectFrom('department')
      .select('parent_id')
      .where('agency_code', '=', departmentCode)
      .executeTakeFirstOrThrow();
    const node = await get().db.selectFrom('cascade_node').select('root_department_id').where('id', '=', nodeId).executeTakeFirstOrThrow();
    expect(department.parent_id).toBe(node.root_department_id);

    // A later revision replaces it; a retirement retires it; an older revision arriving late changes nothing.
    const changed = change(2, remoteId, { kind: 'changed', revision: 2 });
    (changed.entry.content as { summary: string }).summary = '第二版摘要';
    expect((await send(JSON.stringify({ changes: [changed, change(3, remoteId, { revision: 1 })] }))).json()).toEqual({
      applied: 2,
      skipped: 0,
    });
    expect((await admin.get(`/api/v1/catalog/entries/${mirrored.id}`)).json()).toMatchObject({ revision: 2, summary: '第二版摘要' });
    await send(JSON.stringify({ changes: [change(4, remoteId, { kind: 'retired', revision: 2 })] }));
    expect((await admin.get(`/api/v1/catalog/entries/${mirrored.id}`)).json().status).toBe('retired');
    expect((await auditOf(get().db, nodeId)).map((a) => a.action)).toEqual([
      'catalog.cascade.node.create',
      'catalog.cascade.receive',
      'catalog.cascade.receive',
      'catalog.cascade.receive',
    ]);
  });

  it('refuses unsigned, badly signed and unknown-key requests, and malformed batches, writing nothing', async () => {
    const body = JSON.stringify({ changes: [change(10, randomUUID())] });
    const unsigned = await app.inject({
      method: 'POST',
      url: '/api/v1/cascade/changes',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    expect(unsigned.statusCode).toBe(401);
    expect(unsigned.json().details.signature).toBe('UNSIGNED');
    const bad = await send(
      body,
      signatureHeaders({ method: 'POST', url: '/api/v1/cascade/changes', body }, { key: LINK.key, secret: 'wrong-secret-wrong-secret' }),
    );
    expect(bad.json().details.signature).toBe('BAD_SIGNATURE');
    const unknown = await send(
      body,
      signatureHeaders({ method: 'POST', url: '/api/v1/cascade/changes', body }, { key: 'nobody', secret: LINK.secret }),
    );
    expect(unknown.json().details.signature).toBe('UNKNOWN_KEY');
    expect((await send('{"changes": [')).json().code).toBe('MALFORMED_JSON');
    expect((await send(JSON.stringify({ changes: [{ changeId: 11 }] }))).statusCode).toBe(400);
    const inbox = await get().db.selectFrom('cascade_inbox').select('remote_change_id').where('remote_change_id', '>=', 10).execute();
    expect(inbox).toEqual([]);
  });

  it('shows the node with its queue, and queues this node’s published changes for it', async () => {
    const officer = (await signedIn(app, get().db, { roles: ['data_officer'] })).api;
    const reviewer = (await signedIn(app, get().db, { roles: ['bureau_reviewer'] })).api;
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 });
    const node = (await admin.get(`/api/v1/cascade/nodes/${nodeId}`)).json();
    expect(node.queueLength).toBeGreaterThanOrEqual(1);
    expect(node.receivedChanges).toBe(4);
    expect(node).not.toHaveProperty('secret');
    // Only cascade managers see nodes.
    expect((await officer.get('/api/v1/cascade/nodes')).statusCode).toBe(403);
  });
});
