/**
 * Finding deleted rows without moving every key across the network (issue 5, 库表 deletes): both sides sum a
 * checksum of their keys per bucket in one grouped query; only the buckets that differ are looked at further,
 * and only small buckets have their keys listed (all of one level's in one query). Integer keys are bucketed by
 * numeric ranges (the key's index serves them); text keys by the leading hex digits of the key's MD5, which
 * spreads any key shape (ID numbers share long prefixes) evenly and reads the same under every collation.
 */

/** What a bucket holds: how many keys, and the sum of the first 32 bits of each key's MD5. */
export interface BucketSum {
  n: number;
  sum: string;
}

/** A part of the key space: everything, a numeric range [lo, hi), or the keys whose MD5 (hex) starts with a prefix. */
export type KeyScope = { kind: 'all' } | { kind: 'range'; lo: bigint; hi: bigint } | { kind: 'hash'; prefix: string };

/** How one side groups its keys: integer keys by floor(key / width), text keys by the first `length` hex digits of MD5. */
export type Grouping = { kind: 'int'; width: bigint } | { kind: 'hash'; length: number };

/** One side of the comparison (the source, or the copy): grouped checksums and, for small scopes, the keys. */
export interface KeySide {
  /** Buckets of the keys in scope; bucket ids as text (floor(k / width), or the MD5 prefix). */
  buckets(scope: KeyScope, grouping: Grouping): Promise<Map<string, BucketSum>>;
  /** Every key in any of the scopes, as text. */
  keys(scopes: readonly KeyScope[]): Promise<string[]>;
  /** The least and greatest integer key, for the first grouping; null when empty (or not integer keys). */
  bounds(): Promise<{ min: bigint; max: bigint } | null>;
  /** How many keys there are. */
  count(): Promise<number>;
}

export interface KeyDiffOptions {
  keyType: 'int' | 'text';
  /** A bucket with no more keys than this on both sides is listed key by key. */
  leafSize?: number;
  /** Called with each batch of keys the copy has and the source does not. */
  onMissing: (keys: string[]) => Promise<void>;
}

const LEAF_SIZE = 2_000;
/** Keys listed by one query at most (the leaves of a level are listed together up to this). */
const LIST_SIZE = 20_000;
const FIRST_BUCKETS = 1_000n;

const same = (a: BucketSum | undefined, b: BucketSum | undefined) => (a?.n ?? 0) === (b?.n ?? 0) && (a?.sum ?? '0') === (b?.sum ?? '0');

/**
 * Calls `onMissing` with the keys `copy` holds that `source` no longer does; returns how many and how many
 * queries it took. Keys the source has and the copy lacks are the copy's business, not a delete.
 */
export async function findDeleted(source: KeySide, copy: KeySide, options: KeyDiffOptions): Promise<{ missing: number; queries: number }> {
  const leaf = options.leafSize ?? LEAF_SIZE;
  let missing = 0;
  let queries = 0;

  const list = async (scopes: KeyScope[]) => {
    queries += 2;
    const [have, had] = await Promise.all([source.keys(scopes), copy.keys(scopes)]);
    const kept = new Set(have);
    const gone = had.filter((k) => !kept.has(k));
    if (gone.length) {
      missing += gone.length;
      await options.onMissing(gone);
    }
  };

  const walk = async (scope: KeyScope, grouping: Grouping): Promise<void> => {
    queries += 2;
    const [a, b] = await Promise.all([source.buckets(scope, grouping), copy.buckets(scope, grouping)]);
    let leaves: KeyScope[] = [];
    let listed = 0;
    const deeper: [KeyScope, Grouping][] = [];
    for (const [id, theirs] of b) {
      const ours = a.get(id);
      if (same(ours, theirs)) continue;
      const size = Math.max(ours?.n ?? 0, theirs.n);
      if (grouping.kind === 'int') {
        const lo = BigInt(id) * grouping.width;
        const range: KeyScope = { kind: 'range', lo, hi: lo + grouping.width };
        if (grouping.width === 1n || size <= leaf) leaves.push(range);
        else deeper.push([range, { kind: 'int', width: grouping.width / 10n > 0n ? grouping.width / 10n : 1n }]);
      } else {
        const hash: KeyScope = { kind: 'hash', prefix: id };
        // 32 hex digits is the whole MD5: keys that share it all are listed, however many.
        if (size <= leaf || grouping.length >= 32) leaves.push(hash);
        else deeper.push([hash, { kind: 'hash', length: grouping.length + 1 }]);
      }
      if (leaves.length && listed + size > LIST_SIZE) {
        await list(leaves);
        leaves = [];
        listed = 0;
      }
      listed += size;
    }
    if (leaves.length) await list(leaves);
    for (const [child, next] of deeper) await walk(child, next);
  };

  if (options.keyType === 'int') {
    const bounds = await copy.bounds();
    queries += 1;
    if (!bounds) return { missing, queries };
    await walk({ kind: 'all' }, { kind: 'int', width: firstWidth(bounds.max - bounds.min + 1n) });
  } else {
    const n = await copy.count();
    queries += 1;
    if (n === 0) return { missing, queries };
    await walk({ kind: 'all' }, { kind: 'hash', length: firstHashLength(n) });
  }
  return { missing, queries };
}

/** A power of ten that cuts the span into about a thousand buckets. */
export function firstWidth(span: bigint): bigint {
  let width = 1n;
  while (span / width > FIRST_BUCKETS) width *= 10n;
  return width;
}

/** Hex digits of MD5 that give buckets of at most about 256 keys on average (16^n ≥ n / 256). */
export function firstHashLength(keys: number): number {
  let length = 1;
  while (16 ** length * 256 < keys && length < 8) length++;
  return length;
}

/** The first 32 bits of a key's MD5, as both databases compute it: the per-key term of a bucket's sum. */
export function keyTerm(md5Hex: string): bigint {
  return BigInt(`0x${md5Hex.slice(0, 8)}`);
}
