import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('accepts a path on this site', () => {
    expect(safeNext('/console/users?q=a')).toBe('/console/users?q=a');
  });

  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'console', '/login?next=/x', '/account/password'])(
    'refuses %s',
    (next) => {
      expect(safeNext(next)).toBeNull();
    },
  );
});
