import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeleted, firstHashLength, firstWidth, keyTerm, type BucketSum, type Grouping, type KeyScope, type KeySide } from './key-diff';

/** A side held in memory, grouping and summing exactly as the SQL of sql-side.ts does; counts the keys it lists. */
function memorySide(keys: readonly string[], keyType: 'int' | 'text'): KeySide & { listed: number } {
  const md5 = new Map(keys.map((k) => [k, createHash('md5').update(k).digest('hex')]));
  const inScope = (k: string, scope: KeyScope) => {
    switch (scope.kind) {
      case 'all':
        return true;
      case 'range':
        return BigInt(k) >= scope.lo && BigInt(k) < scope.hi;
      case 'hash':
        return md5.get(k)!.startsWith(scope.prefix);
    }
  };
  const floorDiv = (a: bigint, b: bigint) => (a >= 0n ? a / b : -((-a + b - 1n) / b));
  const side = {
    listed: 0,
    async buckets(scope: KeyScope, grouping: Grouping) {
      const out = new Map<string, BucketSum>();
      for (const k of keys) {
        if (!inScope(k, scope)) continue;
        const id = grouping.kind === 'int' ? floorDiv(BigInt(k), grouping.width).toString() : md5.get(k)!.slice(0, grouping.length);
        const prior = out.get(id) ?? { n: 0, sum: '0' };
        out.set(id, { n: prior.n + 1, sum: (BigInt(prior.sum) + keyTerm(md5.get(k)!)).toString() });
      }
      return out;
    },
    async keys(scopes: readonly KeyScope[]) {
      const found = keys.filter((k) => scopes.some((s) => inScope(k, s)));
      side.listed += found.length;
      return found;
    },
    async bounds() {
      if (keyType !== 'int' || keys.length === 0) return null;
      const all = keys.map((k) => BigInt(k));
      return { min: all.reduce((a, b) => (a < b ? a : b)), max: all.reduce((a, b) => (a > b ? a : b)) };
    },
    async count() {
      return keys.length;
    },
  };
  return side;
}

async function deleted(source: string[], copy: string[], keyType: 'int' | 'text', leafSize?: number) {
  const found: string[] = [];
  const copySide = memorySide(copy, keyType);
  const result = await findDeleted(memorySide(source, keyType), copySide, {
    keyType,
    ...(leafSize ? { leafSize } : {}),
    onMissing: async (keys) => void found.push(...keys),
  });
  return { found: found.sort(), ...result, listed: copySide.listed };
}

const expected = (source: string[], copy: string[]) => {
  const kept = new Set(source);
  return copy.filter((k) => !kept.has(k)).sort();
};

describe('finding deleted keys by bucket checksums', () => {
  it('finds exactly the keys the copy has and the source lost, for integer keys (negative ones too)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.bigInt({ min: -100_000n, max: 10_000_000n }), { maxLength: 400 }),
        fc.array(fc.boolean(), { maxLength: 400 }),
        fc.integer({ min: 2, max: 50 }),
        async (keys, gone, leaf) => {
          const copy = keys.map(String);
          const source = copy.filter((_, i) => !gone[i]);
          // The source also holds keys the copy has not got yet: they are not deletes.
          source.push('10000001', '-100001');
          expect((await deleted(source, copy, 'int', leaf)).found).toEqual(expected(source, copy));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds exactly the deleted text keys, prefixes of one another, empty and non-ASCII included', async () => {
    const key = fc.string({ unit: fc.constantFrom('3', '2', '0', '1', 'X', 'a', '张', '𠀀'), minLength: 0, maxLength: 6 });
    // A leaf of 1 forces the walk down to long hash prefixes; keys colliding on them are listed all the same.
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(key, { maxLength: 300 }),
        fc.array(fc.boolean(), { maxLength: 300 }),
        fc.integer({ min: 1, max: 40 }),
        async (keys, gone, leaf) => {
          const source = keys.filter((_, i) => !gone[i]);
          expect((await deleted(source, keys, 'text', leaf)).found).toEqual(expected(source, keys));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('lists only a few buckets of keys when little changed: never the table row by row', async () => {
    const copy = Array.from({ length: 60_000 }, (_, i) => `3201${String(i).padStart(14, '0')}`);
    const source = copy.filter((_, i) => i !== 12_345 && i !== 50_000);
    const result = await deleted(source, copy, 'text');
    expect(result.found).toEqual([copy[12_345], copy[50_000]]);
    expect(result.listed).toBeLessThan(2 * 2_000 + 2);
    const ints = Array.from({ length: 60_000 }, (_, i) => String(i * 3));
    const intResult = await deleted(
      ints.filter((k) => k !== '300'),
      ints,
      'int',
    );
    expect(intResult.found).toEqual(['300']);
    expect(intResult.listed).toBeLessThan(2_000);
  });

  it('asks nothing more of identical sides than one grouped query each', async () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => String(i));
    expect(await deleted(keys, keys, 'int')).toMatchObject({ found: [], queries: 3 });
    expect(await deleted(keys, keys, 'text')).toMatchObject({ found: [], queries: 3 });
  });

  it('finds a few deletes among ID numbers that share long prefixes in a handful of queries', async () => {
    const copy = Array.from(
      { length: 60_000 },
      (_, i) => `320102${String(19900101 + (i % 9000)).slice(0, 8)}${String(i).padStart(4, '0')}`,
    );
    const gone = [copy[7]!, copy[30_000]!, copy[59_999]!];
    const result = await deleted(
      copy.filter((k) => !gone.includes(k)),
      copy,
      'text',
    );
    expect(result.found).toEqual([...gone].sort());
    // One count, one grouped query per side, one listing per side of the three differing buckets.
    expect(result.queries).toBe(5);
    expect(result.listed).toBeLessThan(3 * 2_000);
  });

  it('cuts the first grouping into about a thousand buckets, or buckets of a few hundred hashed keys', () => {
    expect(firstHashLength(1)).toBe(1);
    expect(firstHashLength(4_096)).toBe(1);
    expect(firstHashLength(4_097)).toBe(2);
    expect(firstHashLength(1_000_000)).toBe(3);
    expect(firstWidth(1n)).toBe(1n);
    expect(firstWidth(1_000n)).toBe(1n);
    expect(firstWidth(1_001n)).toBe(10n);
    expect(firstWidth(1_000_000n)).toBe(1_000n);
  });
});
