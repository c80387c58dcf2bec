import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CatalogSearchIndex, type FacetName, type IndexQuery, type IndexedEntry } from './search-index';
import { parseVector, trigramsOf } from './search-index.tokens';
import { selectTop } from './search-index.top';
import { facetNames } from './catalog.schemas';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** An entry with `tokens` as its vector (`token` or `token:1A,2B`), and facet values `v0` unless given. */
function entry(
  n: number,
  tokens: string[],
  over: Partial<Omit<IndexedEntry, 'facets'>> & { facets?: Partial<Record<FacetName, string>> } = {},
) {
  const facets = { ...(Object.fromEntries(facetNames.map((f) => [f, 'v0'])) as Record<FacetName, string>), ...over.facets };
  return {
    id: uuid(n),
    departmentName: `部门${facets.department}`,
    name: `条目${n}`,
    applyCount: 0,
    updatedUs: n,
    summary: summary(n, facets.department),
    ...over,
    facets,
    vector: tokens.map((t) => (t.includes(':') ? `'${t.replace(':', "':")}` : `'${t}':1`)).join(' '),
  } satisfies IndexedEntry;
}

/** The summary columns of entry `n`, told apart by its code. */
function summary(n: number, departmentId: string): IndexedEntry['summary'] {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, n));
  return {
    id: uuid(n),
    code: `code-${n}`,
    name: `条目${n}`,
    department_id: departmentId,
    status: 'published',
    mount_status: 'mounted',
    item_count: 1,
    apply_count: 0,
    revision: 1,
    version: 1,
    region_code: null,
    origin_node_id: null,
    updated_at: at,
    published_at: at,
    submitted_at: at,
    review_started_at: null,
    update_requested_at: null,
    pending: null,
    content: {
      summary: `摘要${n}`,
      resourceAttribute: 'department',
      domain: 'health',
      sharingType: 'unconditional',
      sharingMethods: ['api'],
      openType: 'none',
      updateCycle: 'daily',
      formatClass: 'database',
      tags: [],
    },
  };
}

const query = (over: Partial<IndexQuery> = {}): IndexQuery => ({
  text: '',
  hasText: false,
  words: [],
  fuzzy: false,
  filters: {},
  sort: 'updated',
  offset: 0,
  limit: 20,
  facets: true,
  ...over,
});
const words = (...w: string[]) => query({ text: w.join(' '), hasText: true, words: w, sort: 'relevance' });

describe('parseVector', () => {
  it('reads tokens with the weights of their positions (A 1, B 0.4, C 0.2, D 0.1), quotes and backslashes', () => {
    const parsed = parseVector(`'参保':1A,5C 'it''s':2B 'a\\\\b':3 '信息':4`);
    expect([...parsed.keys()]).toEqual(['参保', "it's", 'a\\b', '信息']);
    expect(parsed.get('参保')).toBeCloseTo(1.2);
    expect(parsed.get("it's")).toBeCloseTo(0.4);
    expect(parsed.get('信息')).toBeCloseTo(0.1);
  });
});

describe('trigramsOf', () => {
  it('pads each word of letters and digits like pg_trgm, lower-cased', () => {
    expect(trigramsOf('Ab').sort()).toEqual(['  a', ' ab', 'ab '].sort());
    expect(trigramsOf('社保（全省）')).toEqual(['  社', ' 社保', '社保 ', '  全', ' 全省', '全省 ']);
  });
});

describe('CatalogSearchIndex', () => {
  it('matches every word as a prefix of some token (AND), and ranks by the weights of the matches', () => {
    const index = new CatalogSearchIndex();
    index.upsert(entry(1, ['参保信息:1A', '参保:2A', '缴费:3C']));
    index.upsert(entry(2, ['参保:1D', '养老:2B']));
    index.upsert(entry(3, ['养老:1A']));
    index.compact();
    index.upsert(entry(4, ['参保人:1B', '养老金:2B'])); // pending, not compacted
    const ids = (q: IndexQuery) => index.search(q).ids;
    expect(ids(words('参保'))).toEqual([uuid(1), uuid(4), uuid(2)]);
    expect(ids(words('参保', '养老'))).toEqual([uuid(4), uuid(2)]);
    expect(ids(words('缴'))).toEqual([uuid(1)]);
    expect(ids(words('参保', '不在'))).toEqual([]);
    expect(index.search(words('养')).total).toBe(3);
  });

  it('finds a similar name (trigrams at 0.3 or more) only when fuzzy, and adds the similarity to the rank', () => {
    const index = new CatalogSearchIndex();
    index.upsert(entry(1, ['社会:1A'], { name: '社会保险参保缴费信息' }));
    index.upsert(entry(2, ['社会:1A'], { name: '社会组织' }));
    const typo = '社会保险参保交费信息';
    expect(index.search({ ...words(), text: typo, words: ['社会保险'], fuzzy: true }).ids).toEqual([uuid(1)]);
    expect(index.search({ ...words(), text: typo, words: ['社会保险'], fuzzy: false }).ids).toEqual([]);
    // Both match the word; the more similar name ranks first although it is older.
    expect(index.search({ ...words('社会'), text: '社会保险参保' }).ids).toEqual([uuid(1), uuid(2)]);
  });

  it('counts each facet with every other filter applied, so a filter never hides its own alternatives', () => {
    const index = new CatalogSearchIndex();
    index.upsert(entry(1, ['x'], { facets: { domain: 'health', openType: 'none' } }));
    index.upsert(entry(2, ['x'], { facets: { domain: 'health', openType: 'unconditional' } }));
    index.upsert(entry(3, ['x'], { facets: { domain: 'ecology', openType: 'none' } }));
    index.upsert(entry(4, ['y'], { facets: { domain: 'ecology', openType: 'none' } }));
    const found = index.search({ ...words('x'), filters: { domain: ['health'], openType: ['none'] } });
    expect(found.total).toBe(1);
    expect(found.ids).toEqual([uuid(1)]);
    expect(found.facets.domain).toEqual([
      { value: 'health', count: 1 },
      { value: 'ecology', count: 1 },
    ]);
    expect(found.facets.openType).toEqual([
      { value: 'none', count: 1 },
      { value: 'unconditional', count: 1 },
    ]);
    expect(found.facets.department).toEqual([{ value: 'v0', count: 1, label: '部门v0' }]);
    expect(index.search(query({ filters: { domain: ['unknown'] } })).total).toBe(0);
  });

  it('replaces an entry on upsert and drops it on removal, before and after compaction', () => {
    const index = new CatalogSearchIndex();
    for (let n = 1; n <= 5; n++) index.upsert(entry(n, ['旧词']));
    index.compact();
    index.upsert(entry(2, ['新词'], { updatedUs: 100 }));
    expect(index.remove(uuid(3))).toBe(true);
    expect(index.remove(uuid(3))).toBe(false);
    const check = () => {
      expect(index.search(words('旧')).ids).toEqual([uuid(5), uuid(4), uuid(1)]);
      expect(index.search(words('新')).ids).toEqual([uuid(2)]);
      expect(index.search(query()).total).toBe(4);
      expect(index.size).toBe(4);
    };
    check();
    index.compact();
    check();
    // Freed slots are reused without ghosts of their former entries.
    index.upsert(entry(6, ['别的']));
    index.upsert(entry(7, ['别的']));
    expect(index.search(words('旧')).total).toBe(3);
    expect(index.search(words('别')).total).toBe(2);
    expect(index.updatedOf(uuid(2))).toBe(100);
    expect(index.updatedOf(uuid(3))).toBeUndefined();
  });

  it('answers a page with the summaries of its entries: the latest upsert, the current department name, no ghost of a freed slot', () => {
    const index = new CatalogSearchIndex();
    for (let n = 1; n <= 3; n++) index.upsert(entry(n, ['参保'], { facets: { department: 'd1' } }));
    index.compact();
    index.upsert(entry(2, ['参保'], { updatedUs: 10, summary: { ...summary(2, 'd1'), code: 'code-2-changed' } }));
    index.remove(uuid(1));
    index.compact();
    index.upsert(entry(4, ['参保'], { facets: { department: 'd1' } })); // takes the slot entry 1 left
    index.setDepartmentName('d1', '省人力资源和社会保障厅');
    const page = index.search(words('参保'));
    expect(page.rows.map((r) => r.id)).toEqual(page.ids);
    expect(page.rows.map((r) => [r.code, r.department_name])).toEqual([
      ['code-2-changed', '省人力资源和社会保障厅'],
      ['code-4', '省人力资源和社会保障厅'],
      ['code-3', '省人力资源和社会保障厅'],
    ]);
  });

  it('pages and sorts (updated, applied, name) exactly as a full sort of the matches, on random catalogs, after any earlier search', () => {
    const doc = fc.record({
      tokens: fc.subarray(['甲', '甲乙', '乙', '丙丁', '丁'], { minLength: 1 }),
      domain: fc.constantFrom('a', 'b', 'c'),
      openType: fc.constantFrom('x', 'y'),
      name: fc.constantFrom('阿', '波', '次', '德'),
      applyCount: fc.integer({ min: 0, max: 3 }),
      updatedUs: fc.integer({ min: 0, max: 5 }),
      removed: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(doc, { maxLength: 60 }),
        fc.constantFrom('updated', 'applied', 'name') as fc.Arbitrary<IndexQuery['sort']>,
        fc.option(fc.constantFrom('甲', '乙', '丁', '丙丁'), { nil: undefined }),
        fc.subarray(['a', 'b', 'c']),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 25 }),
        fc.boolean(),
        fc.constantFrom('甲', '乙', '丁', '丙丁', '波次德'),
        (docs, sort, word, domains, offset, limit, compactHalfway, earlier) => {
          const index = new CatalogSearchIndex();
          docs.forEach((d, n) => {
            index.upsert(entry(n, d.tokens, { name: d.name, applyCount: d.applyCount, updatedUs: d.updatedUs, facets: d }));
            if (compactHalfway && n === docs.length >> 1) index.compact();
          });
          docs.forEach((d, n) => d.removed && index.remove(uuid(n)));
          const q = query({
            sort,
            offset,
            limit,
            filters: { domain: domains },
            ...(word ? { text: word, hasText: true, words: [word] } : {}),
          });
          const expected = docs
            .map((d, n) => ({ ...d, id: uuid(n) }))
            .filter((d) => !d.removed && (!word || d.tokens.some((t) => t.startsWith(word))))
            .filter((d) => domains.length === 0 || domains.includes(d.domain))
            .sort(
              (a, b) =>
                (sort === 'applied' ? b.applyCount - a.applyCount : 0) ||
                (sort === 'name' ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : 0) ||
                b.updatedUs - a.updatedUs ||
                (a.id < b.id ? -1 : 1),
            );
          // An earlier search (its counters are scratch the index reuses) must leave nothing behind.
          index.search({ ...words(earlier), fuzzy: true });
          const found = index.search(q);
          expect(found.total).toBe(expected.length);
          expect(found.ids).toEqual(expected.slice(offset, offset + limit).map((d) => d.id));
          const byOpenType = new Map<string, number>();
          for (const d of expected) byOpenType.set(d.openType, (byOpenType.get(d.openType) ?? 0) + 1);
          const openTypes = [...byOpenType].map(([value, count]) => ({ value, count }));
          expect(found.facets.openType!.sort((a, b) => a.value.localeCompare(b.value))).toEqual(
            openTypes.sort((a, b) => a.value.localeCompare(b.value)),
          );
        },
      ),
    );
  });
});

describe('selectTop', () => {
  it('returns the first k of a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 })), fc.integer({ min: 0, max: 40 }), (keys, k) => {
        const slots = Int32Array.from(keys.keys());
        const before = (a: number, b: number) => (keys[a] !== keys[b] ? keys[a]! > keys[b]! : a < b);
        const full = [...slots].sort((a, b) => (before(a, b) ? -1 : 1));
        expect(selectTop(slots, k, before)).toEqual(full.slice(0, k));
      }),
    );
  });
});
