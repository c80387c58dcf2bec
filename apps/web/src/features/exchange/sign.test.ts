/// <reference types="node" />
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
// The server's own signer: the browser's must agree with it byte for byte.
import * as server from '../../../../server/src/platform/signing';
import { buildQuery, canonicalQuery, encodeRfc3986, hmacSm3Base64, newNonce, signRequest, sm3Hex, stringToSign } from './sign';

const nodeHmacSm3 = (secret: string, text: string) => createHmac('sm3', secret).update(text, 'utf8').digest('base64');

describe('gateway signing in the browser', () => {
  it('computes SM3 as GB/T 32905 and node do', () => {
    // GB/T 32905 example 1.
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    for (const text of ['', '数源', 'a'.repeat(1000)]) expect(sm3Hex(text)).toBe(createHash('sm3').update(text, 'utf8').digest('hex'));
  });

  it('computes HMAC-SM3 with the secret as UTF-8 bytes, as node createHmac does', () => {
    const vectors: [string, string][] = [
      ['Demo-Consumer-Secret-2026', 'GET\n/gateway/v1/101007/000001\nid_number=320111197112177419'],
      ['k', ''],
      ['密钥-中文', '姓名=张三&地址=江苏省南京市'],
      // Longer than SM3's 64-byte block: HMAC hashes the key first.
      ['x'.repeat(100), 'message'],
      // Exactly one block.
      ['y'.repeat(64), 'message'],
      ['tM6sozpAbisi0DZ1OPb_FPjB0_OXfcZS6NKyXn8wG8s', '😀 outside the BMP'],
    ];
    for (const [secret, text] of vectors) expect(hmacSm3Base64(secret, text), secret).toBe(nodeHmacSm3(secret, text));
  });

  it('encodes each UTF-8 byte outside the unreserved set as upper-case %XX', () => {
    expect(encodeRfc3986('aZ09-_.~')).toBe('aZ09-_.~');
    expect(encodeRfc3986('a b+c/d?e=f&g')).toBe('a%20b%2Bc%2Fd%3Fe%3Df%26g');
    expect(encodeRfc3986('张三')).toBe('%E5%BC%A0%E4%B8%89');
    expect(encodeRfc3986("!*'()")).toBe('%21%2A%27%28%29');
  });

  it('builds the same canonical query as the server from any raw query', () => {
    const raw = [
      '',
      'id_number=320111197112177419',
      'name=%E5%BC%A0%E4%B8%89&id_number=1',
      'name=张三&city=南京市&fields=id_number,name&limit=5',
      'b=2&a=3&a=1&a=10',
      'q=a+b&q=a%20b&r=%7e&s=~',
      'x=%ZZ&y=%E5%BC',
      'flag&empty=&=v',
      '%E5%9C%B0%E5%9D%80=%E6%B1%9F%E8%8B%8F%E7%9C%81&fields=name%2Cregistered_address',
      'emoji=%F0%9F%98%80&apos=%27',
    ];
    for (const query of raw) expect(canonicalQuery(query), query).toBe(server.canonicalQuery(query));
    expect(canonicalQuery('b=2&a=3&a=1&a=10')).toBe('a=1&a=10&a=3&b=2');
  });

  it('builds a query that is already canonical, whatever the order and characters of its parameters', () => {
    const params: [string, string][] = [
      ['name', '张 三'],
      ['fields', 'id_number,name'],
      ['limit', '5'],
      ['city', '南京市+鼓楼区'],
    ];
    const query = buildQuery(params);
    expect(query).toBe(
      'city=%E5%8D%97%E4%BA%AC%E5%B8%82%2B%E9%BC%93%E6%A5%BC%E5%8C%BA&fields=id_number%2Cname&limit=5&name=%E5%BC%A0%20%E4%B8%89',
    );
    expect(server.canonicalQuery(query)).toBe(query);
    // The server decodes what it receives to the same values the form held.
    expect([...new URLSearchParams(query)]).toEqual([...params].sort(([a], [b]) => (a < b ? -1 : 1)));
  });

  it('signs exactly as the server verifies', () => {
    const cases = [
      {
        url: '/gateway/v1/101007/000001?id_number=320111197112177419&fields=id_number%2Cname&limit=5',
        secret: 'Demo-Consumer-Secret-2026',
      },
      {
        url: `/gateway/v1/102025/000001?${buildQuery([
          ['uscc', '91320100APRACNYL3Y'],
          ['name', '南京恒通科技有限公司'],
        ])}`,
        secret: '密钥',
      },
      { url: '/gateway/v1/102025/000001', secret: 's' },
    ];
    for (const { url, secret } of cases) {
      const signed = signRequest(
        { method: 'get', url },
        { key: 'sydemoconsumer01', secret },
        { now: 1_790_000_000_000, nonce: 'n0nce-0123456789abcdef' },
      );
      const parts = {
        method: 'GET',
        url,
        body: undefined,
        key: 'sydemoconsumer01',
        timestamp: '1790000000000',
        nonce: 'n0nce-0123456789abcdef',
        signatureMethod: 'HMAC-SM3' as const,
      };
      expect(signed.stringToSign).toBe(server.stringToSign(parts));
      expect(signed.headers['X-Sy-Signature']).toBe(server.sign(parts, secret));
      expect(signed.headers).toMatchObject({
        'X-Sy-Key': 'sydemoconsumer01',
        'X-Sy-Timestamp': '1790000000000',
        'X-Sy-Nonce': 'n0nce-0123456789abcdef',
        'X-Sy-Signature-Method': 'HMAC-SM3',
      });
    }
  });

  it('lays out the seven lines of the contract', () => {
    const text = stringToSign({ method: 'get', url: '/p?b=%E4%B8%AD&a=1', key: 'k', timestamp: '1', nonce: 'n' });
    expect(text.split('\n')).toEqual(['GET', '/p', 'a=1&b=%E4%B8%AD', createHash('sm3').update('').digest('hex'), 'k', '1', 'n']);
  });

  it('passes the server check, and a wrong secret does not', async () => {
    const url = `/gateway/v1/101007/000001?${buildQuery([['id_number', '320111197112177419']])}`;
    const now = Date.now();
    const signed = signRequest({ method: 'GET', url }, { key: 'app', secret: 'right' }, { now });
    const headers = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const secretsOf = async (key: string) => (key === 'app' ? ['old', 'right'] : null);
    expect(await server.checkSignature({ method: 'GET', url, headers, body: undefined }, secretsOf, now)).toMatchObject({ ok: true });
    const wrong = signRequest({ method: 'GET', url }, { key: 'app', secret: 'wrong' }, { now });
    const wrongHeaders = Object.fromEntries(Object.entries(wrong.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(await server.checkSignature({ method: 'GET', url, headers: wrongHeaders, body: undefined }, secretsOf, now)).toEqual({
      ok: false,
      refusal: 'BAD_SIGNATURE',
    });
  });

  it('makes nonces the gateway accepts, never the same twice', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  });
});
