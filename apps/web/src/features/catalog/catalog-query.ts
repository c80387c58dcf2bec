import { limits, type CatalogCodeList } from '@shuyuan/contracts';
import type { QueryParams } from '@/api/client';

/** The facets the sharing portal filters by, in the order the side bar shows them. */
export const shareFacets = [
  'department',
  'domain',
  'resourceAttribute',
  'sharingType',
  'openType',
  'updateCycle',
  'formatClass',
  'mountStatus',
] as const;

/** A facet of the search API; `status` matters only in the console. */
export type FacetName = (typeof shareFacets)[number] | 'status';

/** The code list behind each facet (departments are labelled by the API). */
export const facetCodeList: Record<Exclude<FacetName, 'department'>, CatalogCodeList> = {
  domain: 'dataDomain',
  resourceAttribute: 'resourceAttribute',
  sharingType: 'sharingType',
  openType: 'openType',
  updateCycle: 'updateCycle',
  formatClass: 'formatClass',
  mountStatus: 'mountStatus',
  status: 'entryStatus',
};

const allFacets: readonly FacetName[] = [...shareFacets, 'status'];

/** The query parameter of a facet filter, in the API and in the page URL. */
export function facetParam(facet: FacetName): string {
  return facet === 'department' ? 'departmentId' : facet;
}

/** How results are ordered. */
export type CatalogSort = 'relevance' | 'updated' | 'applied' | 'name';

const sorts: readonly CatalogSort[] = ['relevance', 'updated', 'applied', 'name'];

/** Which part of the catalog a list shows: the shared catalog, the caller's department, the review queue. */
export type CatalogScope = 'all' | 'mine' | 'review';

/** What a catalog list asks for: text, facet filters, order and page. */
export interface CatalogSearchState {
  q: string;
  filters: Partial<Record<FacetName, string[]>>;
  sort: CatalogSort;
  page: number;
  pageSize: number;
}

/** The page size of catalog lists unless the user picks another. */
export const DEFAULT_PAGE_SIZE = 20;

/** The total a pager may offer: the API pages to offset `limits.searchOffsetMax` and no further. */
export function pageableTotal(total: number, pageSize: number): number {
  return Math.min(total, limits.searchOffsetMax + pageSize);
}

const pageSizes = [10, 20, 50, 100];

/** A fresh search: no text, no filters, the first page. */
export function emptySearchState(sort: CatalogSort = 'relevance'): CatalogSearchState {
  return { q: '', filters: {}, sort, page: 1, pageSize: DEFAULT_PAGE_SIZE };
}

const positiveInt = (text: string | null) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : null;
};

/** Reads a search from the page URL, so results can be bookmarked and linked (browse by department or domain). */
export function readSearchState(params: URLSearchParams, defaultSort: CatalogSort = 'relevance'): CatalogSearchState {
  const filters: CatalogSearchState['filters'] = {};
  for (const facet of allFacets) {
    const values = (params.get(facetParam(facet)) ?? '').split(',').filter(Boolean);
    if (values.length > 0) filters[facet] = [...new Set(values)];
  }
  const sort = params.get('sort') as CatalogSort | null;
  const size = positiveInt(params.get('size'));
  return {
    q: (params.get('q') ?? '').trim(),
    filters,
    sort: sort && sorts.includes(sort) ? sort : defaultSort,
    page: positiveInt(params.get('page')) ?? 1,
    pageSize: size && pageSizes.includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/** Writes a search into URL parameters, leaving out what is at its default. */
export function writeSearchState(state: CatalogSearchState, defaultSort: CatalogSort = 'relevance'): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of allFacets) {
    const values = state.filters[facet];
    if (values && values.length > 0) params.set(facetParam(facet), values.join(','));
  }
  if (state.sort !== defaultSort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.pageSize !== DEFAULT_PAGE_SIZE) params.set('size', String(state.pageSize));
  return params;
}

/** The query string of `GET /catalog/entries` for a search (filters as comma-separated values). */
export function toApiParams(state: CatalogSearchState, scope: CatalogScope, options: { facets?: boolean } = {}): QueryParams {
  const params: QueryParams = {
    q: state.q.trim() || undefined,
    scope,
    sort: state.sort,
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
    facets: options.facets === false ? 'false' : undefined,
  };
  for (const facet of allFacets) {
    const values = state.filters[facet];
    if (values && values.length > 0) params[facetParam(facet)] = values.join(',');
  }
  return params;
}

/** Adds or removes one facet value; any change of filter goes back to the first page. */
export function toggleFilter(state: CatalogSearchState, facet: FacetName, value: string): CatalogSearchState {
  const current = state.filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  const filters = { ...state.filters };
  if (next.length > 0) filters[facet] = next;
  else delete filters[facet];
  return { ...state, filters, page: 1 };
}

/** True when the search narrows the catalog in any way (text or a filter). */
export function isFiltered(state: CatalogSearchState): boolean {
  return state.q.trim() !== '' || Object.values(state.filters).some((values) => values && values.length > 0);
}
