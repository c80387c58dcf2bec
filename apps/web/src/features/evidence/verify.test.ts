import { sm2, sm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { hexToBytes, leafHashOf, verifyCheckpointSignature, verifyInclusion } from './verify';

const node = (l: string, r: string) => sm3(Uint8Array.from([1, ...hexToBytes(l), ...hexToBytes(r)]));

describe('evidence verification in the browser', () => {
  // The RFC 6962 tree of three leaves: root = H(H(a, b), c).
  const [a, b, c] = ['{"kind":"api_call","n":0}', '{"kind":"api_call","n":1}', '{"kind":"audit","n":2}'].map(leafHashOf);
  const root = node(node(a!, b!), c!);

  it('verifies inclusion proofs of every leaf and refuses a changed proof, index or leaf', () => {
    expect(verifyInclusion(a!, 0, 3, [b!, c!], root)).toBe(true);
    expect(verifyInclusion(b!, 1, 3, [a!, c!], root)).toBe(true);
    expect(verifyInclusion(c!, 2, 3, [node(a!, b!)], root)).toBe(true);
    expect(verifyInclusion(a!, 1, 3, [b!, c!], root)).toBe(false);
    expect(verifyInclusion(a!, 0, 3, [c!, b!], root)).toBe(false);
    expect(verifyInclusion(c!, 0, 3, [b!, c!], root)).toBe(false);
    expect(verifyInclusion(a!, 3, 3, [b!, c!], root)).toBe(false);
  });

  it('checks a checkpoint signature made with the standard user ID', () => {
    const { privateKey, publicKey } = sm2.generateKeyPairHex();
    const body = 'shuyuan-evidence/v1\nsize 3\n';
    const signature = sm2.doSignature(new TextEncoder().encode(body), privateKey, { der: true, hash: true, userId: '1234567812345678' });
    expect(verifyCheckpointSignature(publicKey, body, signature)).toBe(true);
    expect(verifyCheckpointSignature(publicKey, `${body}x`, signature)).toBe(false);
    expect(verifyCheckpointSignature(publicKey, body, 'zz')).toBe(false);
  });
});
