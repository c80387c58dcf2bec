import { describe, expect, it } from 'vitest';
import { apiUrl, toQueryString } from './client';

describe('toQueryString', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(toQueryString({ q: '张 三', departmentId: undefined, role: '', status: null, limit: 20, offset: 0 })).toBe(
      '?q=%E5%BC%A0+%E4%B8%89&limit=20&offset=0',
    );
  });

  it('is empty without values', () => {
    expect(toQueryString({ a: undefined })).toBe('');
    expect(apiUrl('/audit/events.csv', {})).toBe('/api/v1/audit/events.csv');
  });
});
