import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { CatalogEntryContent, catalogCodes, contentProblems, resourceCodePattern, type EntryStatus } from '@shuyuan/contracts';
import type { DB } from '../../db/schema';
import { DEFAULT_SEED, loadDemo } from '../../demo/demo';
import { SealedBox } from '../../platform/crypto/provider';
import { DEMO_PASSWORD } from '../identity/identity.demo';
import { createTestDatabase, describeEachEngine } from '../../../test/databases';
import { buildTestApp, loginAs } from '../../../test/factories';
import { client, type Client } from '../../../test/client';
import { entryContent } from '../../../test/catalog-fixtures';
import { LIFE_EVENT_TAGS } from './catalog.demo-data';

const box = new SealedBox(Buffer.alloc(32, 7));
const STATUSES: EntryStatus[] = ['draft', 'submitted', 'returned', 'published', 'change_review', 'retire_review', 'retired'];

/** What two loads with one seed must agree on: every entry's code, name, state and content but its system ids. */
async function snapshot(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('catalog_entry as e')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select(['e.code', 'e.status', 'e.revision', 'e.version', 'e.content', 'd.name as department'])
    .orderBy('e.code')
    .execute();
  return rows.map(({ content: { systemIds, ...content }, ...row }) => ({ ...row, content, systems: systemIds.length }));
}

async function withDataDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'shuyuan-catalog-demo-'));
  try {
    return await work(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describeEachEngine('catalog demo data', (get, engine) => {
  let app: FastifyInstance;
  let counts: Record<string, number>;
  let officer: Client;
  let reader: Client;
  let loaded: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    counts = await withDataDir((dataDir) => loadDemo(get().db, { box, dataDir }));
    loaded = await snapshot(get().db);
    app = (await buildTestApp(get())).app;
    officer = client(app, await loginAs(app, 'officer', DEMO_PASSWORD));
    reader = client(app, await loginAs(app, 'user', DEMO_PASSWORD));
  });
  afterAll(async () => {
    await app?.close();
  });

  it('loads a few hundred entries, mostly published, some in every other state', async () => {
    const rows = await get().db.selectFrom('catalog_entry').select(['status', 'department_id']).execute();
    expect(rows.length).toBe(counts.catalogEntries);
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(rows.length).toBeLessThanOrEqual(400);
    const byStatus = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((r) => r.status === s).length]));
    for (const status of STATUSES) expect(byStatus[status], status).toBeGreaterThan(0);
    expect(byStatus.published! / rows.length).toBeGreaterThan(0.6);
    // Every department of the demo compiles some of the catalog, except the province's root and the city governments.
    expect(new Set(rows.map((r) => r.department_id)).size).toBeGreaterThanOrEqual(70);
  });

  it('shows the demo login officer (江苏省公安厅) an entry in every state, one of them overdue', async () => {
    const mine = (await officer.get('/api/v1/catalog/entries?scope=mine&limit=100&facets=false')).json();
    const statuses = new Set(mine.items.map((i: { status: string }) => i.status));
    expect([...statuses].sort()).toEqual([...STATUSES].sort());
    const submitted = mine.items.filter((i: { status: string }) => i.status === 'submitted');
    const details = await Promise.all(
      submitted.map(async (i: { id: string }) => (await officer.get(`/api/v1/catalog/entries/${i.id}`)).json()),
    );
    expect(details.some((d) => d.reviewOverdue)).toBe(true);
    expect(details.some((d) => !d.reviewOverdue)).toBe(true);
    const twice = mine.items.find((i: { revision: number }) => i.revision === 2);
    expect((await officer.get(`/api/v1/catalog/entries/${twice.id}/versions`)).json().items).toHaveLength(2);
  });

  it('gives every entry, pending change and version a content that passes the compilation rules', async () => {
    const entries = await get().db.selectFrom('catalog_entry').select(['content', 'pending', 'item_count', 'tags']).execute();
    const versions = await get().db.selectFrom('catalog_entry_version').select('content').execute();
    const contents = [...entries.flatMap((e) => [e.content, ...(e.pending ? [e.pending] : [])]), ...versions.map((v) => v.content)];
    for (const content of contents) {
      expect(CatalogEntryContent.safeParse(content).success, content.name).toBe(true);
      expect(contentProblems(content), content.name).toEqual([]);
      for (const tag of content.tags) expect(LIFE_EVENT_TAGS, content.name).toContain(tag);
    }
    for (const entry of entries) expect(entry.item_count).toBe(entry.content.items.length);
  });

  it('gives unique, well-formed codes of the content classification, and leaves the sequences ahead of them', async () => {
    const rows = await get().db.selectFrom('catalog_entry').select(['code', 'content']).execute();
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const { code, content } of rows) {
      expect(code).toMatch(resourceCodePattern);
      expect(code.split('/')[0]).toBe(
        `${catalogCodes.resourceAttribute[content.resourceAttribute][0]}${content.classItem}${content.classTopic}`,
      );
    }
    const created = await officer.post('/api/v1/catalog/entries', entryContent({ classItem: '01', classTopic: '007' }));
    expect(created.statusCode, created.body).toBe(201);
    const taken = rows.filter((r) => r.code.startsWith('101007/')).map((r) => Number(r.code.split('/')[1]));
    expect(Number(created.json().code.split('/')[1])).toBe(Math.max(...taken) + 1);
  });

  it('records each story on the timeline, in versions and in the change feed, by the officers and the reviewer', async () => {
    const db = get().db;
    const entries = await db.selectFrom('catalog_entry').select(['id', 'status', 'revision', 'version', 'content']).execute();
    const events = await db.selectFrom('catalog_event').select(['entry_id', 'action', 'actor_name']).orderBy('id').execute();
    const versions = await db.selectFrom('catalog_entry_version').select(['entry_id', 'revision']).execute();
    const reviewer = await db.selectFrom('app_user').select('display_name').where('login', '=', 'reviewer').executeTakeFirstOrThrow();
    for (const entry of entries) {
      const timeline = events.filter((e) => e.entry_id === entry.id);
      expect(timeline[0]?.action).toBe('create');
      expect(timeline).toHaveLength(entry.version);
      expect(versions.filter((v) => v.entry_id === entry.id)).toHaveLength(entry.revision);
      if (entry.status === 'published' && entry.revision === 1) {
        expect(timeline.map((e) => e.action)).toEqual(['create', 'submit', 'publish']);
        expect(timeline[2]!.actor_name).toBe(reviewer.display_name);
      }
    }
    expect(entries.filter((e) => e.revision === 2).length).toBeGreaterThan(1);
    const changes = await db.selectFrom('catalog_change').select(['kind', 'at']).orderBy('id').execute();
    expect(changes).toHaveLength(versions.length + entries.filter((e) => e.status === 'retired').length);
    for (let i = 1; i < changes.length; i++) expect(changes[i]!.at.getTime()).toBeGreaterThanOrEqual(changes[i - 1]!.at.getTime());
  });

  it('links entries to their departments’ information systems', async () => {
    const db = get().db;
    const links = await db
      .selectFrom('catalog_entry_system as l')
      .innerJoin('catalog_entry as e', 'e.id', 'l.entry_id')
      .innerJoin('info_system as s', 's.id', 'l.system_id')
      .select(['e.content', 'e.department_id', 's.department_id as system_department', 's.id as system_id', 's.name'])
      .execute();
    expect(links.length).toBeGreaterThan(200);
    for (const link of links) {
      expect(link.content.systemIds).toContain(link.system_id);
      expect(link.system_department).toBe(link.department_id);
    }
    expect(links.map((l) => l.name)).toContain('江苏省人口信息管理系统');
    const systems = (await reader.get('/api/v1/catalog/systems?q=社会保险')).json();
    expect(systems.items.map((s: { name: string }) => s.name)).toContain('江苏省社会保险信息系统');
  });

  it('finds demo entries by Chinese words, with facets', async () => {
    for (const [q, name] of [
      ['人口', '人口基本信息'],
      ['婚姻', '婚姻登记信息'],
      ['企业登记', '企业登记信息'],
      ['不动产', '不动产登记信息'],
      ['参保', '社保参保信息'],
    ]) {
      const res = (await reader.get(`/api/v1/catalog/entries?q=${encodeURIComponent(q!)}&limit=50`)).json();
      expect(
        res.items.map((i: { name: string }) => i.name),
        q,
      ).toContain(name);
    }
    const filtered = (await reader.get(`/api/v1/catalog/entries?q=${encodeURIComponent('医疗机构')}&domain=health`)).json();
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.facets.domain).toContainEqual({ value: 'health', label: '医疗卫生', count: filtered.total });
  });

  it('loads the same catalog for the same seed, and --catalog N adds N published entries', async () => {
    const second = await createTestDatabase(engine);
    try {
      const more = await withDataDir((dataDir) => loadDemo(second.db, { box, dataDir, seed: DEFAULT_SEED, catalogEntries: 2000 }));
      expect(more.catalogEntries).toBe(counts.catalogEntries! + 2000);
      const b = await snapshot(second.db);
      const regular = new Set(loaded.map((r) => r.code));
      expect(b.filter((r) => regular.has(r.code))).toEqual(loaded);
      const added = b.filter((r) => !regular.has(r.code));
      expect(added).toHaveLength(2000);
      for (const row of added) {
        expect(row.status).toBe('published');
        expect(contentProblems({ ...row.content, systemIds: [] } as CatalogEntryContent)).toEqual([]);
      }
      expect(new Set(b.map((r) => r.content.name)).size).toBe(b.length);
    } finally {
      await second.drop();
    }
  });
});
