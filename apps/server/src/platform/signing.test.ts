import { describe, expect, it } from 'vitest';
import { canonicalQuery, sign, signatureHeaders, verifySignature, type SignedParts } from './signing';

// Golden signatures computed with Python's hmac and hashlib (OpenSSL's SM3), not with this code.
const golden: SignedParts = {
  method: 'post',
  url: '/gateway/v1/320000/000001?b=2&a=%E4%BA%BA%E5%8F%A3&a=1&c=x+y&d',
  body: '{"x":1}',
  key: 'ak_test',
  timestamp: '1764000000000',
  nonce: 'nonce-0123456789abcdef',
  signatureMethod: 'HMAC-SM3',
};

describe('request signing (contracts.md §3)', () => {
  it('canonicalises the query: decoded, re-encoded upper-case, sorted by name then value', () => {
    expect(canonicalQuery('b=2&a=%E4%BA%BA%E5%8F%A3&a=1&c=x+y&d')).toBe('a=%E4%BA%BA%E5%8F%A3&a=1&b=2&c=x%20y&d=');
    expect(canonicalQuery('')).toBe('');
    expect(canonicalQuery('q=人口&x=a~b*')).toBe('q=%E4%BA%BA%E5%8F%A3&x=a~b%2A');
  });

  it('matches signatures computed independently, for HMAC-SM3 and HMAC-SHA256', () => {
    expect(sign(golden, 'secret-1')).toBe('H6fTXeqgsWqNjTuuBLU5BoiOj/ujUXrPes/Ooqp5cHk=');
    expect(sign({ ...golden, signatureMethod: 'HMAC-SHA256' }, 'secret-1')).toBe('FlyaAiapQ/dTfHKc9/MDX+dQVqWAbc8qfY8v+uyX6eQ=');
  });

  const now = 1764000000000;
  const secrets = async (key: string) => (key === 'ak_test' ? ['old-secret', 'secret-1'] : null);
  const seen = new Set<string>();
  const remember = async (key: string, nonce: string) => (seen.has(`${key}:${nonce}`) ? false : (seen.add(`${key}:${nonce}`), true));
  const request = (headers: Record<string, string>, overrides: Partial<{ url: string; body: string }> = {}) => ({
    method: 'POST',
    url: overrides.url ?? '/api/v1/cascade/catalog?x=1',
    body: overrides.body ?? '{"a":1}',
    headers,
  });

  it('accepts a request signed with either active secret, once', async () => {
    for (const secret of ['secret-1', 'old-secret']) {
      const headers = signatureHeaders(
        { method: 'POST', url: '/api/v1/cascade/catalog?x=1', body: '{"a":1}' },
        { key: 'ak_test', secret },
        { now },
      );
      expect(await verifySignature(request(headers), secrets, remember, now)).toEqual({ ok: true, key: 'ak_test' });
      expect(await verifySignature(request(headers), secrets, remember, now)).toEqual({ ok: false, refusal: 'REPLAYED' });
    }
  });

  it('refuses unsigned, expired, unknown-key and tampered requests with their codes', async () => {
    const make = (options: { now?: number; key?: string; secret?: string } = {}) =>
      signatureHeaders(
        { method: 'POST', url: '/api/v1/cascade/catalog?x=1', body: '{"a":1}' },
        { key: options.key ?? 'ak_test', secret: options.secret ?? 'secret-1' },
        { now: options.now ?? now },
      );
    const refusal = async (headers: Record<string, string>, overrides = {}) =>
      ((await verifySignature(request(headers, overrides), secrets, remember, now)) as { refusal?: string }).refusal;
    expect(await refusal({})).toBe('UNSIGNED');
    expect(await refusal({ ...make(), 'x-sy-nonce': 'short' })).toBe('UNSIGNED');
    expect(await refusal(make({ now: now - 6 * 60 * 1000 }))).toBe('SIGNATURE_EXPIRED');
    expect(await refusal(make({ now: now + 6 * 60 * 1000 }))).toBe('SIGNATURE_EXPIRED');
    expect(await refusal(make({ key: 'ak_other' }))).toBe('UNKNOWN_KEY');
    expect(await refusal(make({ secret: 'wrong' }))).toBe('BAD_SIGNATURE');
    expect(await refusal(make(), { body: '{"a":2}' })).toBe('BAD_SIGNATURE');
    expect(await refusal(make(), { url: '/api/v1/cascade/catalog?x=2' })).toBe('BAD_SIGNATURE');
  });
});
