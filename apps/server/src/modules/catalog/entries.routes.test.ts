import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../../../test/databases';
import { buildDepartment, buildTestApp } from '../../../test/factories';
import { auditOf, signedIn, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import { searchIndexOf } from './search-index.keeper';

describeEachEngine('catalog entry lifecycle', (get) => {
  let app: FastifyInstance;
  let officer: Client;
  let otherOfficer: Client;
  let reviewer: Client;
  let reader: Client;
  let departmentId: string;

  beforeAll(async () => {
    app = (await buildTestApp(get())).app;
    const db = get().db;
    const own = await buildDepartment(db);
    const other = await buildDepartment(db);
    departmentId = own.id;
    officer = (await signedIn(app, db, { roles: ['data_officer'], departmentId: own.id })).api;
    otherOfficer = (await signedIn(app, db, { roles: ['data_officer'], departmentId: other.id })).api;
    reviewer = (await signedIn(app, db, { roles: ['bureau_reviewer'] })).api;
    reader = (await signedIn(app, db, { roles: ['department_user'], departmentId: other.id })).api;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('compiles, submits, returns, resubmits and publishes an entry, with its timeline and audit', async () => {
    const created = await officer.post('/api/v1/catalog/entries', entryContent());
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({ status: 'draft', departmentId, revision: 0, version: 1, itemCount: 4 });
    expect(entry.code).toMatch(/^101001\/\d{6}$/);
    expect(entry.actions).toEqual(expect.arrayContaining(['edit', 'submit', 'delete']));

    // A draft is the department's own business.
    expect((await reader.get(`/api/v1/catalog/entries/${entry.id}`)).statusCode).toBe(404);
    expect((await otherOfficer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 })).statusCode).toBe(404);

    const submitted = await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 2 });
    expect(submitted.json().reviewDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await officer.put(`/api/v1/catalog/entries/${entry.id}`, { content: entryContent(), version: 2 })).json().code).toBe(
      'INVALID_TRANSITION',
    );

    const queue = (await reviewer.get('/api/v1/catalog/entries?scope=review')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(entry.id);

    const noComment = await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'return', version: 2 });
    expect(noComment.statusCode).toBe(400);
    const returned = await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, {
      decision: 'return',
      comment: '摘要不完整',
      version: 2,
    });
    expect(returned.json()).toMatchObject({ status: 'returned', version: 3 });

    const fixed = await officer.put(`/api/v1/catalog/entries/${entry.id}`, {
      content: entryContent({ name: entry.name, summary: '全省户籍人口基本信息，按日更新。' }),
      version: 3,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 4 });
    const published = await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 5 });
    expect(published.json()).toMatchObject({ status: 'published', revision: 1, version: 6 });

    expect((await reader.get(`/api/v1/catalog/entries/${entry.id}`)).json().pending).toBeNull();
    const timeline = (await reader.get(`/api/v1/catalog/entries/${entry.id}/timeline`)).json().items;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'edit', 'submit', 'publish']);
    expect(timeline[2]).toMatchObject({ comment: '摘要不完整', fromStatus: 'submitted', toStatus: 'returned' });
    expect((await auditOf(get().db, entry.id)).map((a) => a.action)).toEqual([
      'catalog.entry.create',
      'catalog.entry.submit',
      'catalog.entry.return',
      'catalog.entry.edit',
      'catalog.entry.submit',
      'catalog.entry.publish',
    ]);
    const feed = (await reader.get('/api/v1/catalog/changes?since=0')).json();
    expect(feed.items).toContainEqual(expect.objectContaining({ entryId: entry.id, kind: 'published', revision: 1 }));
  });

  it('changes a published entry through change review into a new version, and shows the differences', async () => {
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 });
    const changed = entryContent({ name: entry.name, updateCycle: 'realtime' });
    changed.items = [
      ...changed.items.slice(0, 3),
      { name: '户籍地址', dataType: 'char', length: 200, primaryKey: false, timestamp: false, sensitive: true },
    ];
    const saved = await officer.put(`/api/v1/catalog/entries/${entry.id}`, { content: changed, version: 3 });
    expect(saved.json()).toMatchObject({ status: 'published', hasPendingChange: true, updateCycle: 'daily' });
    // Readers elsewhere see the published content only.
    expect((await reader.get(`/api/v1/catalog/entries/${entry.id}`)).json().pending).toBeNull();

    const diff = (await officer.get(`/api/v1/catalog/entries/${entry.id}/diff`)).json();
    expect(diff.changes.map((c: { field: string }) => c.field).sort()).toEqual(['items.户籍地址', 'items.更新时间', 'updateCycle']);

    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 4 });
    const applied = (await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 5 })).json();
    expect(applied).toMatchObject({ status: 'published', revision: 2, updateCycle: 'realtime', hasPendingChange: false });
    const versions = (await reader.get(`/api/v1/catalog/entries/${entry.id}/versions`)).json().items;
    expect(versions.map((v: { revision: number }) => v.revision)).toEqual([2, 1]);
    expect((await reader.get(`/api/v1/catalog/entries/${entry.id}/diff?from=1&to=2`)).json().changes).toHaveLength(3);
  });

  it('refuses to apply a change naming a system deleted since it was submitted, with 400 and nothing changed', async () => {
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 });
    const system = await get()
      .db.insertInto('info_system')
      .values({ department_id: departmentId, name: `临时系统${Date.now()}`, status: 'running' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const changed = { ...entryContent({ name: entry.name }), systemIds: [system.id] };
    expect((await officer.put(`/api/v1/catalog/entries/${entry.id}`, { content: changed, version: 3 })).statusCode).toBe(200);
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 4 });
    // Only the pending change names it, so nothing kept the system from being deleted.
    await get().db.deleteFrom('info_system').where('id', '=', system.id).execute();
    const refused = await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 5 });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().details.problems[0]).toMatchObject({ field: 'systemIds', code: 'system_unknown' });
    expect((await officer.get(`/api/v1/catalog/entries/${entry.id}`)).json()).toMatchObject({ status: 'change_review', revision: 1 });
  });

  it('retires a published entry through review', async () => {
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 });
    const asked = await officer.post(`/api/v1/catalog/entries/${entry.id}/retire`, { reason: '职责调整，数据不再采集', version: 3 });
    expect(asked.json().status).toBe('retire_review');
    const retired = await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 4 });
    expect(retired.json().status).toBe('retired');
    // The name is free again once the entry is retired.
    const again = await officer.post('/api/v1/catalog/entries', entryContent({ name: entry.name }));
    expect(again.statusCode).toBe(201);
  });

  it('refuses a duplicate name, also with other punctuation, width or spaces, with 409', async () => {
    const first = (await officer.post('/api/v1/catalog/entries', entryContent({ name: '婚姻登记信息（全省）' }))).json();
    for (const name of ['婚姻登记信息(全省)', '婚姻 登记信息（全省）。', '婚姻登记信息（全省）']) {
      const res = await otherOfficer.post('/api/v1/catalog/entries', entryContent({ name }));
      expect(res.statusCode, name).toBe(409);
      expect(res.json()).toMatchObject({ code: 'DUPLICATE', details: { field: 'name' } });
    }
    expect(first.name).toBe('婚姻登记信息（全省）');
  });

  it('refuses content that breaks the compilation rules, writing nothing', async () => {
    const before = await get()
      .db.selectFrom('catalog_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await officer.post(
      '/api/v1/catalog/entries',
      entryContent({ sharingType: 'conditional', sharingCondition: '', sharingMethods: [], updateCycle: 'other' }),
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .details.problems.map((p: { field: string }) => p.field)
        .sort(),
    ).toEqual(['sharingCondition', 'sharingMethods', 'updateCycleNote']);
    const after = await get()
      .db.selectFrom('catalog_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers a stale save with 409 and the current version', async () => {
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    const content = entryContent({ name: entry.name });
    expect((await officer.put(`/api/v1/catalog/entries/${entry.id}`, { content, version: 1 })).statusCode).toBe(200);
    const stale = await officer.put(`/api/v1/catalog/entries/${entry.id}`, { content, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { id: entry.id, version: 2 } } });
  });

  it('lets nobody review what they submitted themselves', async () => {
    const db = get().db;
    const admin = (await signedIn(app, db, { roles: ['platform_admin'], departmentId })).api;
    const entry = (await admin.post('/api/v1/catalog/entries', entryContent())).json();
    await admin.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    const own = await admin.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 });
    expect(own.statusCode).toBe(403);
    expect((await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 })).statusCode).toBe(200);
  });

  it('finds published entries by Chinese words, partial words and small typos, with facets and highlighting', async () => {
    const entry = (
      await officer.post(
        '/api/v1/catalog/entries',
        entryContent({ name: '社会保险参保缴费信息', summary: '职工养老保险参保登记与缴费记录。', domain: 'human_resources' }),
      )
    ).json();
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 });
    for (const q of ['参保', '社会保险', '养老', '缴费信', '社会保险参保交费信息']) {
      const res = (await reader.get(`/api/v1/catalog/entries?q=${encodeURIComponent(q)}`)).json();
      expect(
        res.items.map((i: { id: string }) => i.id),
        q,
      ).toContain(entry.id);
    }
    const res = (await reader.get(`/api/v1/catalog/entries?q=${encodeURIComponent('参保')}&domain=human_resources`)).json();
    const hit = res.items.find((i: { id: string }) => i.id === entry.id);
    expect(hit.highlight.name).toContainEqual({ text: '参保', match: true });
    expect(res.facets.domain).toContainEqual({ value: 'human_resources', label: '社保就业', count: expect.any(Number) });
    expect((await reader.get(`/api/v1/catalog/entries?q=${encodeURIComponent('参保')}&domain=health`)).json().items).toHaveLength(0);
    expect((await reader.get(`/api/v1/catalog/entries?q=${encodeURIComponent('完全无关的词语')}`)).json().total).toBe(0);
  });
  it('searches the shared catalog in memory, fresh at once after a publication and a retirement, as the SQL path does', async () => {
    await searchIndexOf(get().db).ready();
    const name = `不动产抵押登记信息${Date.now()}`;
    const ids = async (query: string) =>
      (await reader.get(`/api/v1/catalog/entries?${query}`)).json().items.map((i: { id: string }) => i.id) as string[];
    const content = entryContent({ name, summary: '抵押权登记与注销记录。' });
    content.items[0] = { ...content.items[0]!, nameEn: 'mortgage_registration_no' };
    const entry = (await officer.post('/api/v1/catalog/entries', content)).json();
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    expect(await ids(`q=${encodeURIComponent('抵押')}`)).not.toContain(entry.id);
    await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 });
    expect(await ids(`q=${encodeURIComponent('抵押')}`)).toContain(entry.id);
    expect(await ids(`q=${encodeURIComponent('抵押登')}&sharingType=conditional`)).toContain(entry.id);
    expect(await ids(`q=${encodeURIComponent('mortgage_reg')}`)).toContain(entry.id);
    // The same search with the statuses in force spelled out runs in SQL: the same answer.
    const inForce = 'status=published,change_review,retire_review';
    for (const query of [
      `q=${encodeURIComponent('抵押')}&sort=updated`,
      // An English item name with underscores: PostgreSQL's parser splits it, and so must the index.
      `q=${encodeURIComponent('mortgage_reg')}&sort=updated`,
      'sort=name&limit=100',
      'sort=updated&facets=false&limit=5&offset=2',
    ]) {
      const indexed = (await reader.get(`/api/v1/catalog/entries?${query}`)).json();
      const bySql = (await reader.get(`/api/v1/catalog/entries?${query}&${inForce}`)).json();
      expect(indexed.items, query).toEqual(bySql.items);
      expect(indexed.total, query).toBe(bySql.total);
    }
    await officer.post(`/api/v1/catalog/entries/${entry.id}/retire`, { reason: '不再采集', version: 3 });
    expect(await ids(`q=${encodeURIComponent('抵押')}`)).toContain(entry.id); // retirement in review: still in force
    await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 4 });
    expect(await ids(`q=${encodeURIComponent('抵押')}`)).not.toContain(entry.id);
    expect(await ids(`q=${encodeURIComponent('抵押')}&status=retired`)).toContain(entry.id);
  });

  it('flags reviews and update requests that miss their working-day deadlines, and counts them', async () => {
    const entry = (await officer.post('/api/v1/catalog/entries', entryContent())).json();
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 1 });
    expect((await reviewer.get(`/api/v1/catalog/entries/${entry.id}`)).json()).toMatchObject({ reviewOverdue: false });
    // Submitted a month ago: more than 5 working days whatever the holidays.
    const monthAgo = new Date(Date.now() - 30 * 86400_000);
    await get().db.updateTable('catalog_entry').set({ review_started_at: monthAgo }).where('id', '=', entry.id).execute();
    const queue = (await reviewer.get('/api/v1/catalog/entries?scope=review&facets=false&limit=100')).json().items;
    expect(queue.find((i: { id: string }) => i.id === entry.id)).toMatchObject({ reviewOverdue: true });
    const before = (await officer.get('/api/v1/catalog/stats?scope=mine')).json();
    expect(before.reviewOverdue).toBeGreaterThanOrEqual(1);

    await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 2 });
    const requested = await reviewer.post(`/api/v1/catalog/entries/${entry.id}/request-update`, {
      reason: '部门职责调整，请更新信息项',
      version: 3,
    });
    expect(requested.statusCode, requested.body).toBe(200);
    expect(requested.json().updateDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await officer.get(`/api/v1/catalog/entries/${entry.id}`)).json().updateRequestReason).toBe('部门职责调整，请更新信息项');
    await get().db.updateTable('catalog_entry').set({ update_requested_at: monthAgo }).where('id', '=', entry.id).execute();
    const stats = (await officer.get('/api/v1/catalog/stats?scope=mine')).json();
    expect(stats.updateOverdue).toBeGreaterThanOrEqual(1);

    // Submitting a change meets the request.
    await officer.put(`/api/v1/catalog/entries/${entry.id}`, {
      content: entryContent({ name: entry.name, updateCycle: 'weekly' }),
      version: 4,
    });
    const submitted = (await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 5 })).json();
    expect(submitted).toMatchObject({ status: 'change_review', updateDue: null, updateOverdue: false });
    // Withdrawing the change does not make the request go away: it is overdue again, with its first date.
    const withdrawn = (await officer.post(`/api/v1/catalog/entries/${entry.id}/withdraw`, { version: 6 })).json();
    expect(withdrawn).toMatchObject({ status: 'published', updateOverdue: true, updateRequestReason: '部门职责调整，请更新信息项' });
    expect((await officer.get('/api/v1/catalog/stats?scope=mine')).json().updateOverdue).toBe(stats.updateOverdue);
    await officer.post(`/api/v1/catalog/entries/${entry.id}/submit`, { version: 7 });
    // Approving the change answers the request for good.
    const approved = (await reviewer.post(`/api/v1/catalog/entries/${entry.id}/review`, { decision: 'approve', version: 8 })).json();
    expect(approved).toMatchObject({ status: 'published', updateDue: null, updateOverdue: false, updateRequestReason: null });
    // Only reviewers ask for updates.
    expect((await officer.post(`/api/v1/catalog/entries/${entry.id}/request-update`, { reason: 'x', version: 9 })).statusCode).toBe(403);
  });
});
