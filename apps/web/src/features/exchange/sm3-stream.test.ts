import { createHash } from 'node:crypto';
import { sm3 as wholeSm3 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { Sm3, sm3Bytes, sm3OfBlob } from './sm3-stream';

const nodeSm3 = (bytes: Uint8Array) => createHash('sm3').update(bytes).digest('hex');

/** Deterministic bytes, so a failure can be replayed. */
function bytesOf(length: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

describe('SM3 fed piece by piece', () => {
  it('gives the standard example digests', () => {
    // GB/T 32905-2016 appendix A: "abc" and "abcd" × 16.
    expect(sm3Bytes(new TextEncoder().encode('abc'))).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Bytes(new TextEncoder().encode('abcd'.repeat(16)))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('agrees with sm-crypto-v2 and node at every length around the block and padding edges', () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const bytes = bytesOf(length, length + 1);
      expect(sm3Bytes(bytes), `length ${length}`).toBe(wholeSm3(bytes));
      expect(sm3Bytes(bytes), `length ${length}`).toBe(nodeSm3(bytes));
    }
  });

  it('gives the same digest however the bytes are cut', () => {
    const bytes = bytesOf(5000);
    const whole = nodeSm3(bytes);
    for (const step of [1, 3, 63, 64, 65, 777]) {
      const hash = new Sm3();
      for (let i = 0; i < bytes.length; i += step) hash.update(bytes.subarray(i, i + step));
      expect(hash.digestHex(), `pieces of ${step}`).toBe(whole);
    }
  });

  it('hashes a Blob in pieces, reporting progress, and stops when aborted', async () => {
    const bytes = bytesOf(300_001);
    const seen: number[] = [];
    const blob = new Blob([bytes]);
    expect(await sm3OfBlob(blob, { pieceBytes: 100_000, onProgress: (n) => seen.push(n) })).toBe(nodeSm3(bytes));
    expect(seen).toEqual([100_000, 200_000, 300_000, 300_001]);
    const aborted = new AbortController();
    aborted.abort();
    await expect(sm3OfBlob(blob, { signal: aborted.signal })).rejects.toThrow();
  });
});
