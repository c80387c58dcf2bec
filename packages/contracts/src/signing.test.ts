import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalQuery, encodeRfc3986 } from './signing';

/** UTF-8 bytes of a text, by the RFC 3629 table (a lone surrogate as U+FFFD), written without the platform's encoders. */
function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (cp >= 0xd800 && cp <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
      i++;
    } else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** contracts §3 read literally: every UTF-8 byte outside A–Z a–z 0–9 - _ . ~ as upper-case %XX. */
const byBytes = (text: string) =>
  utf8Bytes(text)
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
