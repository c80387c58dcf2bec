import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalQuery, encodeRfc3986 } from './signing';

/** contracts §3 read literally: every UTF-8 byte outside A–Z a–z 0–9 - _ . ~ as upper-case %XX. */
const byBytes = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

describe('the canonical parts of a signature', () => {
  it('encodes every string byte by byte, lone surrogates and all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(encodeRfc3986(text)).toBe(byBytes(text));
      }),
    );
    for (const text of ["!'()*", '中 文+', '\uD800x', 'a~b-c_d.e']) expect(encodeRfc3986(text)).toBe(byBytes(text));
  });

  it('sorts decoded, re-encoded pairs by name then value', () => {
    expect(canonicalQuery('b=2&a=%E4%B8%AD&a=1&c&&d=x+y')).toBe('a=%E4%B8%AD&a=1&b=2&c=&d=x%20y');
  });
});
