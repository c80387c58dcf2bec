import { describe, expect, it } from 'vitest';
import {
  emptySearchState,
  isFiltered,
  readSearchState,
  toApiParams,
  toggleFilter,
  writeSearchState,
} from '@/features/catalog/catalog-query';

describe('catalog search state', () => {
  it('reads what it writes, leaving defaults out of the URL', () => {
    const state = {
      q: '社保 参保',
      filters: { domain: ['health', 'education'], department: ['d1'] },
      sort: 'applied' as const,
      page: 3,
      pageSize: 50,
    };
    const params = writeSearchState(state);
    expect(params.toString()).toBe(
      'q=%E7%A4%BE%E4%BF%9D+%E5%8F%82%E4%BF%9D&departmentId=d1&domain=health%2Ceducation&sort=applied&page=3&size=50',
    );
    expect(readSearchState(params)).toEqual(state);
    expect(writeSearchState(emptySearchState()).toString()).toBe('');
    expect(writeSearchState(emptySearchState('updated'), 'updated').toString()).toBe('');
  });

  it('ignores what makes no sense in a URL', () => {
    const state = readSearchState(new URLSearchParams('sort=random&page=-2&size=7&domain=,,health,health'));
    expect(state).toEqual({ q: '', filters: { domain: ['health'] }, sort: 'relevance', page: 1, pageSize: 20 });
  });

  it('asks the API for one page with comma-separated filters', () => {
    const state = { ...emptySearchState(), q: ' 户籍 ', filters: { mountStatus: ['mounted', 'in_review'], status: [] }, page: 2 };
    expect(toApiParams(state, 'mine')).toEqual({
      q: '户籍',
      scope: 'mine',
      sort: 'relevance',
      limit: 20,
      offset: 20,
      facets: undefined,
      mountStatus: 'mounted,in_review',
    });
    expect(toApiParams(emptySearchState(), 'all', { facets: false }).facets).toBe('false');
  });

  it('toggles a facet value and goes back to the first page', () => {
    const start = { ...emptySearchState(), page: 4 };
    const once = toggleFilter(start, 'domain', 'health');
    expect(once).toMatchObject({ filters: { domain: ['health'] }, page: 1 });
    expect(isFiltered(once)).toBe(true);
    const twice = toggleFilter(once, 'domain', 'health');
    expect(twice.filters).toEqual({});
    expect(isFiltered(twice)).toBe(false);
  });
});
