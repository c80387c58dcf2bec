import { facetNames } from './catalog.schemas';
import type { SummaryRow } from './entries.repository';
import { SIMILARITY_THRESHOLD, TRIGRAM, parseVector, trigramsOf } from './search-index.tokens';
import { selectTop, type Before } from './search-index.top';

/** A facet of the catalog search (department, code lists, statuses). */
export type FacetName = (typeof facetNames)[number];

/** One entry as the index keeps it: facet values, sort keys and its search vector as text. */
export interface IndexedEntry {
  id: string;
  /** Facet values; `department` is the department id. */
  facets: Record<FacetName, string>;
  departmentName: string;
  name: string;
  applyCount: number;
  /** `updated_at` in microseconds since the epoch (PostgreSQL's precision, so ties sort as in SQL). */
  updatedUs: number;
  /** `search_vector::text`: `'token':1A,2B 'other':3`. */
  vector: string;
  /** What its search result shows, so a page of results needs no database read. */
  summary: Omit<SummaryRow, 'department_name'>;
}

/** A search over the index, its text already cut into words like `toTsQuery` does. */
export interface IndexQuery {
  /** The query text, trimmed; empty for none. */
  text: string;
  /** Whether the text matches at all (it has words or is long enough for similarity); without it everything matches. */
  hasText: boolean;
  /** Distinct query words, each matched as a prefix, all required. */
  words: readonly string[];
  /** Whether a name similar to the text (pg_trgm's `%`) makes a match too. */
  fuzzy: boolean;
  filters: Partial<Record<FacetName, readonly string[] | undefined>>;
  sort: 'relevance' | 'updated' | 'applied' | 'name';
  offset: number;
  limit: number;
  facets: boolean;
}

/** A facet value and how many matches have it (with every other filter applied). */
export interface FacetCount {
  value: string;
  count: number;
  label?: string;
}

export interface IndexResult {
  ids: string[];
  /** The page's summaries, with the department names the index knows. */
  rows: SummaryRow[];
  total: number;
  facets: Partial<Record<FacetName, FacetCount[]>>;
}

/** Values of one facet as small integer codes. */
class Dictionary {
  readonly values: string[] = [];
  private readonly codes = new Map<string, number>();
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.codes.set(value, code);
    }
    return code;
  }
  find(value: string): number | undefined {
    return this.codes.get(value);
  }
}

interface Pending {
  slots: number[];
  scores: number[];
}

const grow = <T extends Uint8Array | Uint16Array | Int32Array | Float64Array>(array: T, size: number): T => {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, array.length * 2, 1024));
  next.set(array);
  return next;
};

/**
 * The shared catalog (entries in force) in memory, for keyword search with facets: tokens sorted for
 * prefix ranges, each with a posting list of document slots and scores; facet values as codes per slot.
 *
 * Postings are compacted (one sorted token array, one slot array, one score array) plus a small
 * pending part for entries added since; a replaced or removed entry's slot is only marked dead
 * until the next compaction purges its postings and frees the slot for reuse.
 */
export class CatalogSearchIndex {
  private tokens: string[] = [];
  private offsets = new Int32Array(1);
  private postingSlots = new Int32Array(0);
  private postingScores = new Float32Array(0);
  private pending = new Map<string, Pending>();
  private pendingPostings = 0;

  private slotCount = 0;
  private readonly free: number[] = [];
  /** Dead slots whose postings still sit in the compacted or pending arrays. */
  private readonly dead: number[] = [];
  private alive = new Uint8Array(0);
  private readonly codes = Object.fromEntries(facetNames.map((f) => [f, new Uint16Array(0)])) as Record<FacetName, Uint16Array>;
  private readonly dictionaries = Object.fromEntries(facetNames.map((f) => [f, new Dictionary()])) as Record<FacetName, Dictionary>;
  private readonly departmentNames = new Map<string, string>();
  /** Entries indexed per facet value code: the facets of a search without text or filters. */
  private readonly totals = Object.fromEntries(facetNames.map((f) => [f, [] as number[]])) as Record<FacetName, number[]>;
  private updated = new Float64Array(0);
  private applied = new Int32Array(0);
  private ids: string[] = [];
  private names: string[] = [];
  private summaries: (Omit<SummaryRow, 'department_name'> | undefined)[] = [];
  private trigramCounts = new Uint16Array(0);
  /** Scratch counters of text matching, per slot: words matched, trigrams shared, score. */
  private hits = new Uint8Array(0);
  private common = new Uint16Array(0);
  private scores = new Float32Array(0);
  private reached = new Int32Array(0);
  private similar = new Int32Array(0);
  private readonly slotOf = new Map<string, number>();

  /** How many entries are indexed. */
  get size(): number {
    return this.slotOf.size;
  }

  /** The indexed `updated_at` (µs) of an entry, undefined when it is not indexed. */
  updatedOf(id: string): number | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : this.updated[slot];
  }

  /** Every indexed entry id. */
  entryIds(): IterableIterator<string> {
    return this.slotOf.keys();
  }

  /** The department ids the index knows. */
  departmentIds(): string[] {
    return [...this.departmentNames.keys()];
  }

  /** Sets department names (labels of the department facet) after a rename. */
  setDepartmentName(id: string, name: string): void {
    if (this.departmentNames.has(id)) this.departmentNames.set(id, name);
  }

  /** Adds an entry, or replaces the indexed one with the same id. */
  upsert(entry: IndexedEntry): void {
    this.remove(entry.id);
    const slot = this.free.pop() ?? this.slotCount++;
    this.ensureCapacity(slot + 1);
    this.alive[slot] = 1;
    for (const facet of facetNames) {
      const code = this.dictionaries[facet].code(entry.facets[facet]);
      this.codes[facet][slot] = code;
      this.totals[facet][code] = (this.totals[facet][code] ?? 0) + 1;
    }
    this.departmentNames.set(entry.facets.department, entry.departmentName);
    this.updated[slot] = entry.updatedUs;
    this.applied[slot] = entry.applyCount;
    this.ids[slot] = entry.id;
    this.names[slot] = entry.name;
    this.summaries[slot] = entry.summary;
    this.slotOf.set(entry.id, slot);
    for (const [token, score] of parseVector(entry.vector)) this.post(token, slot, score);
    const trigrams = trigramsOf(entry.name);
    this.trigramCounts[slot] = trigrams.length;
    for (const trigram of trigrams) this.post(TRIGRAM + trigram, slot, 0);
  }

  private post(token: string, slot: number, score: number): void {
    let list = this.pending.get(token);
    if (!list) this.pending.set(token, (list = { slots: [], scores: [] }));
    list.slots.push(slot);
    list.scores.push(score);
    this.pendingPostings++;
  }

  /** Removes an entry (its postings go at the next compaction); false when it was not indexed. */
  remove(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    for (const facet of facetNames) this.totals[facet][this.codes[facet][slot]!]!--;
    this.summaries[slot] = undefined;
    this.dead.push(slot);
    return true;
  }

  /** Whether enough has changed since the last compaction for one to pay. */
  needsCompaction(): boolean {
    // Relative bars keep the work of repeated compactions (a build adds everything) linear overall.
    return this.pendingPostings > Math.max(200_000, this.postingSlots.length / 2) || this.dead.length > Math.max(5_000, this.size / 10);
  }

  /** Figures for the operator: entries, distinct tokens, postings and the bytes of the typed arrays. */
  stats() {
    const arrays = [this.offsets, this.postingSlots, this.postingScores, this.alive, this.updated, this.applied, this.trigramCounts];
    const bytes = [...arrays, ...Object.values(this.codes)].reduce((sum, a) => sum + a.byteLength, 0);
    return {
      entries: this.size,
      tokens: this.tokens.length,
      postings: this.postingSlots.length + this.pendingPostings,
      typedArrayBytes: bytes,
    };
  }

  /** Merges the pending postings into the compacted arrays, without the postings of dead slots. */
  compact(): void {
    const alive = this.alive;
    const extra = [...this.pending.keys()].sort();
    const tokens: string[] = [];
    const counts: number[] = [];
    const sources: [number, Pending | undefined][] = [];
    let i = 0;
    let j = 0;
    while (i < this.tokens.length || j < extra.length) {
      const a = this.tokens[i];
      const b = extra[j];
      const token = b === undefined || (a !== undefined && a <= b) ? a! : b;
      const base = a === token ? i++ : -1;
      const more = b === token ? this.pending.get(extra[j++]!) : undefined;
      let count = 0;
      if (base >= 0) for (let p = this.offsets[base]!; p < this.offsets[base + 1]!; p++) count += alive[this.postingSlots[p]!]!;
      if (more) for (const slot of more.slots) count += alive[slot]!;
      if (count === 0) continue;
      tokens.push(token);
      counts.push(count);
      sources.push([base, more]);
    }
    const offsets = new Int32Array(tokens.length + 1);
    for (let t = 0; t < counts.length; t++) offsets[t + 1] = offsets[t]! + counts[t]!;
    const slots = new Int32Array(offsets[tokens.length]!);
    const scores = new Float32Array(slots.length);
    let at = 0;
    for (const [base, more] of sources) {
      if (base >= 0)
        for (let p = this.offsets[base]!; p < this.offsets[base + 1]!; p++) {
          const slot = this.postingSlots[p]!;
          if (!alive[slot]) continue;
          slots[at] = slot;
          scores[at++] = this.postingScores[p]!;
        }
      if (more)
        more.slots.forEach((slot, k) => {
          if (!alive[slot]) return;
          slots[at] = slot;
          scores[at++] = more.scores[k]!;
        });
    }
    this.tokens = tokens;
    this.offsets = offsets;
    this.postingSlots = slots;
    this.postingScores = scores;
    this.pending = new Map();
    this.pendingPostings = 0;
    for (const slot of this.dead.splice(0)) if (!alive[slot]) this.free.push(slot);
  }

  /** Matches, facet counts (each facet counted with every other filter applied), total and one page of ids. */
  search(query: IndexQuery): IndexResult {
    const text = query.hasText ? this.textMatches(query) : null;
    try {
      return this.filterAndPage(query, text?.matches ?? this.everything(), text?.scores ?? null);
    } finally {
      text?.release();
    }
  }

  private filterAndPage(query: IndexQuery, matches: Int32Array, scores: Float32Array | null): IndexResult {
    const filtered = facetNames.filter((f) => (query.filters[f]?.length ?? 0) > 0);
    const counts = facetNames.map((f) => new Int32Array(query.facets ? this.dictionaries[f].values.length : 0));
    const allCodes = facetNames.map((f) => this.codes[f]);
    let result = matches;
    let total = matches.length;
    if (filtered.length === 0 && !scores && query.facets) {
      // Everything matches: the counts kept as entries come and go.
      facetNames.forEach((facet, f) => counts[f]!.set(this.totals[facet]));
    } else if (filtered.length === 0) {
      // Every match counts in every facet: one tight pass per facet.
      if (query.facets)
        for (let f = 0; f < counts.length; f++) {
          const codes = allCodes[f]!;
          const count = counts[f]!;
          for (let m = 0; m < matches.length; m++) count[codes[matches[m]!]!]!++;
        }
    } else {
      const accepts = filtered.map((f) => {
        const flags = new Uint8Array(this.dictionaries[f].values.length);
        for (const value of query.filters[f]!) {
          const code = this.dictionaries[f].find(value);
          if (code !== undefined) flags[code] = 1;
        }
        return { codes: this.codes[f], flags, index: facetNames.indexOf(f) };
      });
      result = new Int32Array(matches.length);
      total = 0;
      if (accepts.length === 1) {
        // One filter (the common case): a match either passes it or counts in its facet alone.
        const { codes, flags, index } = accepts[0]!;
        const own = counts[index]!;
        for (let m = 0; m < matches.length; m++) {
          const slot = matches[m]!;
          if (flags[codes[slot]!]) {
            result[total++] = slot;
            if (query.facets) for (let f = 0; f < counts.length; f++) counts[f]![allCodes[f]![slot]!]!++;
          } else if (query.facets) own[codes[slot]!]!++;
        }
      } else
        for (let m = 0; m < matches.length; m++) {
          const slot = matches[m]!;
          let fails = 0;
          let failing = -1;
          for (let a = 0; a < accepts.length; a++) {
            const accept = accepts[a]!;
            if (accept.flags[accept.codes[slot]!]) continue;
            failing = accept.index;
            if (++fails > 1) break;
          }
          if (fails === 0) {
            result[total++] = slot;
            if (query.facets) for (let f = 0; f < counts.length; f++) counts[f]![allCodes[f]![slot]!]!++;
          } else if (fails === 1 && query.facets) counts[failing]![allCodes[failing]![slot]!]!++;
        }
    }
    const facets: IndexResult['facets'] = {};
    if (query.facets)
      facetNames.forEach((facet, f) => {
        const values = this.dictionaries[facet].values;
        const list: FacetCount[] = [];
        counts[f]!.forEach((count, code) => {
          if (count === 0) return;
          const value = values[code]!;
          list.push(facet === 'department' ? { value, count, label: this.departmentNames.get(value) ?? value } : { value, count });
        });
        facets[facet] = list;
      });
    const page = selectTop(result.subarray(0, total), query.offset + query.limit, this.order(query, scores)).slice(query.offset);
    const rows = page.map((slot) => {
      const summary = this.summaries[slot]!;
      return { ...summary, department_name: this.departmentNames.get(summary.department_id) ?? '' };
    });
    return { ids: page.map((slot) => this.ids[slot]!), rows, total, facets };
  }

  /** The order of a sort: relevance (with text), applications or name, then newest first and by id. */
  private order(query: IndexQuery, scores: Float32Array | null): Before {
    const { updated, applied, names, ids } = this;
    const tie: Before = (a, b) => (updated[a] !== updated[b] ? updated[a]! > updated[b]! : ids[a]! < ids[b]!);
    const sort = query.sort === 'relevance' && !query.hasText ? 'updated' : query.sort;
    if (sort === 'relevance' && scores) return (a, b) => (scores[a] !== scores[b] ? scores[a]! > scores[b]! : tie(a, b));
    if (sort === 'applied') return (a, b) => (applied[a] !== applied[b] ? applied[a]! > applied[b]! : tie(a, b));
    if (sort === 'name') return (a, b) => (names[a] !== names[b] ? names[a]! < names[b]! : tie(a, b));
    return tie;
  }

  private everything(): Int32Array {
    const matches = new Int32Array(this.slotOf.size);
    let n = 0;
    for (let slot = 0; slot < this.slotCount; slot++) if (this.alive[slot]) matches[n++] = slot;
    return matches.subarray(0, n);
  }

  /**
   * Entries holding every word as a prefix of one of their tokens, or (when fuzzy) with a name similar
   * to the text; scored like the SQL: the words' weights (ts_rank_cd) plus the name's similarity.
   *
   * Only the slots the postings reach are visited, never the whole catalog: the per-slot counters are
   * scratch arrays kept between searches, and `release` zeroes the slots this search touched.
   */
  private textMatches(query: IndexQuery) {
    const { words } = query;
    this.ensureScratch();
    const { hits, common, alive, postingSlots, postingScores, similar } = this;
    const scores = this.scores;
    // Slots some posting of the first word reached; slots sharing a trigram with the text (when fuzzy).
    const reached = this.reached;
    let reachedCount = 0;
    let similarCount = 0;
    const all = words.length;
    for (let w = 0; w < all; w++) {
      let any = false;
      const [from, to] = this.postingRange(words[w]!);
      for (let p = from; p < to; p++) {
        const slot = postingSlots[p]!;
        const h = hits[slot];
        if (h === w) {
          if (!alive[slot]) continue;
          if (w === 0) reached[reachedCount++] = slot;
          hits[slot] = w + 1;
          scores[slot]! += postingScores[p]!;
          any = true;
        } else if (h === w + 1) scores[slot]! += postingScores[p]!;
      }
      for (const list of this.pendingOf(words[w]!))
        for (let k = 0; k < list.slots.length; k++) {
          const slot = list.slots[k]!;
          const h = hits[slot];
          if (h === w) {
            if (!alive[slot]) continue;
            if (w === 0) reached[reachedCount++] = slot;
            hits[slot] = w + 1;
            scores[slot]! += list.scores[k]!;
            any = true;
          } else if (h === w + 1) scores[slot]! += list.scores[k]!;
        }
      if (!any) break;
    }
    // Trigrams shared with the name: for the similarity added to a full-text match's rank, and (fuzzy)
    // for matches by similarity alone. Without fuzzy only full-text matches need counting.
    const fuzzy = query.fuzzy;
    const trigrams = trigramsOf(query.text);
    const count = (slot: number) => {
      if (fuzzy) {
        if (common[slot]!++ === 0) similar[similarCount++] = slot;
      } else if (all > 0 && hits[slot] === all) common[slot]!++;
    };
    for (const trigram of trigrams) {
      const token = TRIGRAM + trigram;
      const [from, to] = this.postingRange(token);
      for (let p = from; p < to; p++) count(postingSlots[p]!);
      for (const list of this.pendingOf(token)) for (const slot of list.slots) count(slot);
    }
    const similarity = (slot: number) => {
      const c = common[slot]!;
      return c === 0 ? 0 : c / (trigrams.length + this.trigramCounts[slot]! - c);
    };
    const matches = new Int32Array(reachedCount + similarCount);
    let n = 0;
    if (all > 0)
      for (let r = 0; r < reachedCount; r++) {
        const slot = reached[r]!;
        if (hits[slot] !== all) continue;
        matches[n++] = slot;
        scores[slot]! += similarity(slot);
      }
    for (let r = 0; r < similarCount; r++) {
      const slot = similar[r]!;
      if ((all > 0 && hits[slot] === all) || !alive[slot]) continue;
      const s = similarity(slot);
      if (s < SIMILARITY_THRESHOLD) continue;
      // Not a full-text match: ranked by the similarity alone.
      matches[n++] = slot;
      scores[slot] = s;
    }
    const release = () => {
      for (let r = 0; r < reachedCount; r++) {
        const slot = reached[r]!;
        hits[slot] = 0;
        common[slot] = 0;
        scores[slot] = 0;
      }
      for (let r = 0; r < similarCount; r++) {
        const slot = similar[r]!;
        common[slot] = 0;
        scores[slot] = 0;
      }
    };
    return { matches: matches.subarray(0, n), scores, release };
  }

  /** The compacted postings of every token the word is a prefix of: one contiguous range, as tokens are sorted. */
  private postingRange(word: string): [number, number] {
    const { tokens, offsets } = this;
    let low = 0;
    let high = tokens.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (tokens[mid]! < word) low = mid + 1;
      else high = mid;
    }
    let end = low;
    while (end < tokens.length && tokens[end]!.startsWith(word)) end++;
    return [offsets[low]!, offsets[end]!];
  }

  /** The pending (not yet compacted) postings of every token the word is a prefix of. */
  private *pendingOf(word: string): Generator<Pending> {
    for (const [token, list] of this.pending) if (token.startsWith(word)) yield list;
  }

  /** Sizes the per-slot counters of text matching to the slots in use (all zero between searches). */
  private ensureScratch(): void {
    if (this.hits.length >= this.slotCount) return;
    const size = Math.max(this.slotCount, 1024);
    this.hits = new Uint8Array(size);
    this.common = new Uint16Array(size);
    this.scores = new Float32Array(size);
    this.reached = new Int32Array(size);
    this.similar = new Int32Array(size);
  }

  private ensureCapacity(size: number): void {
    this.alive = grow(this.alive, size);
    for (const facet of facetNames) this.codes[facet] = grow(this.codes[facet], size);
    this.updated = grow(this.updated, size);
    this.applied = grow(this.applied, size);
    this.trigramCounts = grow(this.trigramCounts, size);
  }
}
