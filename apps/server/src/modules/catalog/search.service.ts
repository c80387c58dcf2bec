import { ErrorCode, Permission, catalogCodes } from '@shuyuan/contracts';
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { CatalogEntryTable, DB, DepartmentTable } from '../../db/schema';
import { forbidden } from '../../platform/errors';
import type { RequestContext } from '../identity';
import { facetNames, type EntryQuery } from './catalog.schemas';
import { catalogAccess, summaryOf, type CatalogAccess } from './entries.service';
import { visibleTo, type SummaryRow } from './entries.repository';
import type { CatalogSearchIndex } from './search-index';
import { searchIndexOf } from './search-index.keeper';
import { highlight, queryWords, toTsQuery } from './search-text';

type FacetName = (typeof facetNames)[number];
type Base = SelectQueryBuilder<DB & { e: CatalogEntryTable; d: DepartmentTable }, 'e' | 'd', object>;

/** The column behind each facet and each filter. */
const facetColumn = {
  department: 'e.department_id',
  resourceAttribute: 'e.resource_attribute',
  domain: 'e.domain',
  sharingType: 'e.sharing_type',
  openType: 'e.open_type',
  updateCycle: 'e.update_cycle',
  formatClass: 'e.format_class',
  mountStatus: 'e.mount_status',
  status: 'e.status',
} as const satisfies Record<FacetName, string>;

const filterOf: Record<FacetName, keyof EntryQuery & keyof EntryFilter> = {
  department: 'departmentId',
  resourceAttribute: 'resourceAttribute',
  domain: 'domain',
  sharingType: 'sharingType',
  openType: 'openType',
  updateCycle: 'updateCycle',
  formatClass: 'formatClass',
  mountStatus: 'mountStatus',
  status: 'status',
};

const codeList: Partial<Record<FacetName, keyof typeof catalogCodes>> = {
  resourceAttribute: 'resourceAttribute',
  domain: 'dataDomain',
  sharingType: 'sharingType',
  openType: 'openType',
  updateCycle: 'updateCycle',
  formatClass: 'formatClass',
  mountStatus: 'mountStatus',
  status: 'entryStatus',
};

/** Words shorter than this never match by similarity alone (too many false friends). */
const MIN_FUZZY_LENGTH = 3;

type Facets = Record<FacetName, { value: string; label?: string; count: number }[]>;

/**
 * Searches the catalog the caller may see: Chinese full text (segmented words as prefixes) or, for
 * small typos, trigram word similarity on the name; filters, facets (counted with every other filter
 * applied, so a facet never hides its own alternatives), sorting and highlighting.
 *
 * Over a province-scale catalog the work is in passing over the matches, so each is passed over as
 * few times as possible: the page is sorted on ids and sort keys only (wide rows never go through a
 * sort or a window), and the total and the counts of every facet without a filter of its own come
 * from one pass with GROUPING SETS; only a facet the query filters on needs a pass of its own.
 */
export async function searchEntries(ctx: RequestContext, query: EntryQuery) {
  // The shared catalog (entries in force, which every reader sees) is searched in memory once indexed.
  if (query.scope === 'all' && (query.status ?? []).length === 0) {
    const index = await searchIndexOf(ctx.db).current();
    if (index) return searchIndexed(ctx, index, query);
  }
  const access = await catalogAccess(ctx);
  if (query.scope === 'review' && !access.canReview) throw forbidden(ErrorCode.Forbidden, { permission: Permission.CatalogReview });
  const { text } = textMatch(query.q);
  const base = (skip?: FacetName): Base => matchingEntries(ctx.db, access, query, skip);

  const page = await orderMatches(base().select('e.id'), query).limit(query.limit).offset(query.offset).execute();
  const rows = await pageRows(
    ctx.db,
    page.map((r) => r.id),
  );

  let total: number;
  const facets = {} as Facets;
  if (query.facets === 'true') total = await countFacets(base, query, facets);
  else if (rows.length < query.limit && (rows.length > 0 || query.offset === 0)) total = query.offset + rows.length;
  else
    total = Number(
      (
        await base()
          .select(sql<number>`count(*)`.as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  return { items: toItems(rows, text), total, facets };
}

/** The search over the in-memory index: the same matches, filters, facets and orders as the SQL below. */
async function searchIndexed(ctx: RequestContext, index: CatalogSearchIndex, query: EntryQuery) {
  const { text, tsQuery, fuzzy, hasText } = textMatch(query.q);
  const found = index.search({
    text,
    hasText,
    words: tsQuery ? [...new Set(queryWords(text))] : [],
    fuzzy,
    filters: Object.fromEntries(facetNames.map((f) => [f, query[filterOf[f]] as string[] | undefined])),
    sort: query.sort,
    offset: query.offset,
    limit: query.limit,
    facets: query.facets === 'true',
  });
  const facets = {} as Facets;
  for (const [facet, counted] of Object.entries(found.facets)) facets[facet as FacetName] = toBuckets(facet as FacetName, counted);
  return { items: toItems(found.rows, text), total: found.total, facets };
}

/** Every column but the search vector, whose text would cost more to read than the rest of the row. */
const SUMMARY_COLUMNS = (
  [
    'id',
    'code',
    'name',
    'name_key',
    'department_id',
    'status',
    'mount_status',
    'content',
    'pending',
    'revision',
    'version',
    'resource_attribute',
    'domain',
    'data_level',
    'format_class',
    'sharing_type',
    'sharing_methods',
    'open_type',
    'update_cycle',
    'tags',
    'item_count',
    'apply_count',
    'created_by',
    'created_at',
    'updated_at',
    'submitted_at',
    'published_at',
    'review_started_at',
    'origin_node_id',
    'origin_entry_id',
    'region_code',
    'update_requested_at',
    'update_request_reason',
  ] as const satisfies readonly Exclude<keyof CatalogEntryTable, 'search_vector'>[]
).map((c) => `e.${c}` as const);

/** The rows of a page of ids, in that order, with their department names. */
async function pageRows(db: Kysely<DB>, ids: string[]) {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('catalog_entry as e')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select(SUMMARY_COLUMNS)
    .select('d.name as department_name')
    .where('e.id', 'in', ids)
    .execute();
  const byId = new Map(found.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id)!).filter(Boolean);
}

/** Search results: summaries, highlighted when the query has text. */
function toItems(rows: readonly SummaryRow[], text: string) {
  return rows.map((row) => ({
    ...summaryOf(row),
    ...(text ? { highlight: { name: highlight(row.name, text), summary: highlight(row.content.summary.slice(0, 240), text) } } : {}),
  }));
}

/** The top 50 buckets of a facet, most entries first, with their labels. */
function toBuckets(facet: FacetName, counted: { value: string; count: number | string; label?: string | null }[]) {
  const list = codeList[facet];
  return counted
    .map((r) => ({ value: r.value, count: Number(r.count), label: r.label ?? undefined }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, 50)
    .map(({ value, count, label: departmentName }) => {
      const label =
        facet === 'department'
          ? departmentName
          : list
            ? (catalogCodes[list] as Record<string, readonly [string, string]>)[value]?.[1]
            : undefined;
      return { value, count, ...(label ? { label } : {}) };
    });
}

/**
 * Fills the facets and returns the total: one GROUPING SETS pass over the matches for the total and
 * every facet the query does not filter on, one pass per facet it filters on (counted without that filter).
 */
async function countFacets(base: (skip?: FacetName) => Base, query: EntryQuery, facets: Facets): Promise<number> {
  const filtered = (facet: FacetName) => ((query[filterOf[facet]] as string[] | undefined) ?? []).length > 0;
  const free = facetNames.filter((f) => !filtered(f));
  const refs = free.map((f) => sql.ref(facetColumn[f]));
  const sets = sql.join([...refs.map((ref) => sql`(${ref})`), sql`()`]);
  const grouped = await base()
    .select([
      (refs.length > 0 ? sql<number>`grouping(${sql.join(refs)})` : sql<number>`0`).as('g'),
      ...refs.map((ref, i) => sql<string>`${ref}`.as(`v${i}`)),
      sql<number>`count(*)`.as('count'),
      sql<string>`min(d.name)`.as('label'),
    ])
    .groupBy(sql`grouping sets (${sets})`)
    .execute();
  // grouping(a, b, …) sets a bit, the last column's lowest, for each column left out of a row's set.
  const all = (1 << free.length) - 1;
  const row = grouped as unknown as Record<string, string | number | null>[];
  free.forEach((facet, i) => {
    const mask = all & ~(1 << (free.length - 1 - i));
    const counted = row
      .filter((r) => Number(r.g) === mask)
      .map((r) => ({ value: String(r[`v${i}`]), count: r.count as number, label: r.label as string | null }));
    facets[facet] = toBuckets(facet, counted);
  });
  const totalRow = row.find((r) => Number(r.g) === all);
  await Promise.all(
    facetNames.filter(filtered).map(async (facet) => {
      const column = facetColumn[facet];
      const counted = await base(facet)
        .select([sql<string>`${sql.ref(column)}`.as('value'), sql<number>`count(*)`.as('count'), sql<string>`min(d.name)`.as('label')])
        .groupBy(column)
        .execute();
      facets[facet] = toBuckets(facet, counted);
    }),
  );
  return Number(totalRow?.count ?? 0);
}

/** The text part of a query: its tsquery (segmented words as prefixes), and whether it is long enough for similarity. */
function textMatch(q: string | undefined) {
  const text = q?.trim() ?? '';
  const tsQuery = text ? toTsQuery(text) : null;
  const fuzzy = text.length >= MIN_FUZZY_LENGTH;
  return { text, tsQuery, fuzzy, hasText: !!tsQuery || fuzzy };
}

/** The filters of a search without paging and facets: what search and export share. */
export type EntryFilter = Omit<EntryQuery, 'limit' | 'offset' | 'facets'>;

/**
 * The entries a query matches among those the caller may see: scope, text and filters (all but the
 * facet `skip`, whose counts must not hide its own alternatives). Shared by search and the Excel export.
 */
export function matchingEntries(db: Kysely<DB>, access: CatalogAccess, query: EntryFilter, skip?: FacetName): Base {
  const { text, tsQuery, fuzzy, hasText } = textMatch(query.q);
  let qb = db.selectFrom('catalog_entry as e').innerJoin('department as d', 'd.id', 'e.department_id').where(visibleTo(access.visibility));
  qb = scoped(qb, query, access);
  if (hasText)
    qb = qb.where((eb) =>
      eb.or([
        ...(tsQuery ? [sql<boolean>`e.search_vector @@ to_tsquery('simple', ${tsQuery})`] : []),
        ...(fuzzy ? [sql<boolean>`${text} % e.name`] : []),
      ]),
    );
  for (const facet of facetNames) {
    const values = query[filterOf[facet]] as string[] | undefined;
    if (facet !== skip && values && values.length > 0) qb = qb.where(facetColumn[facet], 'in', values);
  }
  return qb;
}

/** Orders matches by the query's sort (relevance only with text), then newest first and by id. */
export function orderMatches<O>(
  qb: SelectQueryBuilder<DB & { e: CatalogEntryTable; d: DepartmentTable }, 'e' | 'd', O>,
  query: EntryFilter,
) {
  const { text, tsQuery, hasText } = textMatch(query.q);
  const sort = query.sort === 'relevance' && !hasText ? 'updated' : query.sort;
  if (sort === 'relevance')
    qb = qb.orderBy(
      sql<number>`${tsQuery ? sql`ts_rank_cd(e.search_vector, to_tsquery('simple', ${tsQuery}))` : sql`0`} + similarity(${text}, e.name)`,
      'desc',
    );
  if (sort === 'applied') qb = qb.orderBy('e.apply_count', 'desc');
  if (sort === 'name') qb = qb.orderBy('e.name');
  return qb.orderBy('e.updated_at', 'desc').orderBy('e.id');
}

/** Narrows to the caller's own catalog or to the review queue. */
function scoped(qb: Base, query: EntryFilter, access: CatalogAccess): Base {
  if (query.scope === 'mine') return qb.where('e.department_id', 'in', access.visibility.departments);
  if (query.scope === 'review') {
    qb = qb.where('e.status', 'in', ['submitted', 'change_review', 'retire_review']);
    const scope = access.reviewScope;
    return scope === null ? qb : qb.where('e.department_id', 'in', [...scope, '00000000-0000-0000-0000-000000000000']);
  }
  // The shared catalog: what is in force (a retired entry only when asked for by status).
  if (!query.status || query.status.length === 0) return qb.where('e.status', 'in', ['published', 'change_review', 'retire_review']);
  return qb;
}
