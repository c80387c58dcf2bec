/**
 * Finding deleted rows without moving every key across the network (issue 5, 库表 deletes): both sides sum
 * a checksum of their keys per bucket in one grouped query; only the buckets that differ are split further,
 * and only a small bucket's keys are ever listed. Integer keys are bucketed by numeric ranges (index-friendly),
 * text keys by prefixes (the same on every collation).
 */

/** What a bucket holds: how many keys, and the sum of the first 32 bits of each key's MD5. */
export interface BucketSum {
  n: number;
  sum: string;
}

/** A part of the key space: everything, a numeric range [lo, hi), keys starting with a prefix, or one key. */
export type KeyScope =
  { kind: 'all' } | { kind: 'range'; lo: bigint; hi: bigint } | { kind: 'prefix'; prefix: string } | { kind: 'exact'; key: string };

/** How one side groups its keys: integer keys by floor(key / width), text keys by their first `length` characters. */
export type Grouping = { kind: 'int'; width: bigint } | { kind: 'text'; length: number };

/** One side of the comparison (the source, or the copy): grouped checksums and, for small scopes, the keys. */
export interface KeySide {
  /** Buckets of the keys in scope; bucket ids as text (floor(k / width), or the prefix). */
  buckets(scope: KeyScope, grouping: Grouping): Promise<Map<string, BucketSum>>;
  /** Every key in scope, as text. */
  keys(scope: KeyScope): Promise<string[]>;
  /** The least and greatest integer key, for the first grouping; null when empty. */
  bounds(): Promise<{ min: bigint; max: bigint } | null>;
}

export interface KeyDiffOptions {
  keyType: 'int' | 'text';
  /** A bucket with no more keys than this on both sides is listed key by key. */
  leafSize?: number;
  /** Called with each batch of keys the copy has and the source does not. */
  onMissing: (keys: string[]) => Promise<void>;
}

const LEAF_SIZE = 2_000;
const FIRST_BUCKETS = 1_000n;

const same = (a: BucketSum | undefined, b: BucketSum | undefined) => (a?.n ?? 0) === (b?.n ?? 0) && (a?.sum ?? '0') === (b?.sum ?? '0');

/**
 * Calls `onMissing` with the keys `copy` holds that `source` no longer does; returns how many and how many
 * grouped queries it took. Keys the source has and the copy lacks are the copy's business, not a delete.
 */
export async function findDeleted(source: KeySide, copy: KeySide, options: KeyDiffOptions): Promise<{ missing: number; queries: number }> {
  const leaf = options.leafSize ?? LEAF_SIZE;
  let missing = 0;
  let queries = 0;

  const list = async (scope: KeyScope) => {
    queries += 2;
    const [have, had] = await Promise.all([source.keys(scope), copy.keys(scope)]);
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
    for (const [id, theirs] of b) {
      const ours = a.get(id);
      if (same(ours, theirs)) continue;
      if (grouping.kind === 'int') {
        const lo = BigInt(id) * grouping.width;
        const range: KeyScope = { kind: 'range', lo, hi: lo + grouping.width };
        if (grouping.width === 1n || Math.max(ours?.n ?? 0, theirs.n) <= leaf) await list(range);
        else await walk(range, { kind: 'int', width: grouping.width / 10n > 0n ? grouping.width / 10n : 1n });
      } else {
        // A key shorter than the prefix length is its own bucket.
        if (id.length < grouping.length) await list({ kind: 'exact', key: id });
        else if (Math.max(ours?.n ?? 0, theirs.n) <= leaf) await list({ kind: 'prefix', prefix: id });
        else await walk({ kind: 'prefix', prefix: id }, { kind: 'text', length: grouping.length + 1 });
      }
    }
  };

  if (options.keyType === 'int') {
    const bounds = await copy.bounds();
    queries += 1;
    if (!bounds) return { missing, queries };
    await walk({ kind: 'all' }, { kind: 'int', width: firstWidth(bounds.max - bounds.min + 1n) });
  } else {
    await walk({ kind: 'all' }, { kind: 'text', length: 1 });
  }
  return { missing, queries };
}

/** A power of ten that cuts the span into about a thousand buckets. */
export function firstWidth(span: bigint): bigint {
  let width = 1n;
  while (span / width > FIRST_BUCKETS) width *= 10n;
  return width;
}

/** The first 32 bits of a key's MD5, as both databases compute it: the per-key term of a bucket's sum. */
export function keyTerm(md5Hex: string): bigint {
  return BigInt(`0x${md5Hex.slice(0, 8)}`);
}
