import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { CatalogSearchIndex } from './search-index';
import { searchIndexRepository as repo, type IndexRow } from './search-index.repository';

/** A search polls for writes at most this often, unless this process wrote to the catalog since. */
const POLL_MS = 100;
/** Each poll reads again what was written this long before the newest write it saw: late commits. */
const OVERLAP_MS = 5_000;
/** How often the whole index is checked against the table (ids and `updated_at` of every entry in force). */
const RECONCILE_MS = 5 * 60_000;
/** Rows per query of a build or reconcile: small enough for searches to run between them on PGlite's one connection. */
const BUILD_CHUNK = 2_000;
const STAMP_CHUNK = 2_000;
const FETCH_CHUNK = 500;

/**
 * Keeps one database's search index: built on first use (searches use SQL meanwhile), caught up
 * before each search with the entries written since the last poll (`updated_at`, which every catalog
 * write bumps, plus the ids this process reported), and reconciled with the table every 5 minutes.
 */
export class SearchIndexKeeper {
  private index: CatalogSearchIndex | null = null;
  private building: Promise<void> | null = null;
  private reconciling: Promise<void> | null = null;
  private polling: Promise<void> | null = null;
  private watermarkUs = 0;
  private lastPoll = 0;
  private lastReconcile = 0;
  private readonly changed = new Set<string>();
  /** This process wrote to the catalog since the last poll began. */
  private written = false;

  constructor(private readonly db: Kysely<DB>) {}

  /** The index, caught up with every committed write; null while its first build runs (answer from SQL). */
  async current(): Promise<CatalogSearchIndex | null> {
    const index = this.index;
    if (!index) {
      this.build();
      return null;
    }
    if (!this.reconciling && Date.now() - this.lastReconcile > RECONCILE_MS) {
      this.lastReconcile = Date.now();
      this.reconciling = this.reconcile(index, Date.now())
        .catch((error: unknown) => console.warn('catalog search index: reconcile failed', error))
        .finally(() => (this.reconciling = null));
    }
    // One poll when due; more only for writes of this process reported meanwhile (never a loop on a slow poll).
    if (this.written || performance.now() - this.lastPoll >= POLL_MS)
      do {
        this.polling ??= this.poll(index).finally(() => (this.polling = null));
        await this.polling;
      } while (this.written);
    return index;
  }

  /** Notes entries this process just wrote (after the commit), so the next search reads them first. */
  changedEntries(ids: readonly string[]): void {
    for (const id of ids) this.changed.add(id);
    this.written = true;
  }

  /** Waits for the first build (tests and tools). */
  async ready(): Promise<CatalogSearchIndex> {
    while (!this.index) {
      this.build();
      await this.building;
    }
    return this.index;
  }

  private build(): void {
    if (this.building) return;
    const started = Date.now();
    const index = new CatalogSearchIndex();
    this.building = this.load(index)
      .then(() => {
        this.watermarkUs = Math.max(this.watermarkUs, started * 1000);
        this.lastReconcile = started;
        this.index = index;
      })
      .catch((error: unknown) => console.warn('catalog search index: build failed, searching in SQL', error))
      .finally(() => (this.building = null));
  }

  /** Fills a new index with every entry in force, chunk by chunk. */
  private async load(index: CatalogSearchIndex): Promise<void> {
    for (let after: string | null = null; ;) {
      const chunk = await repo.inForceAfter(this.db, after, BUILD_CHUNK);
      for (const row of chunk) index.upsert(row);
      if (index.needsCompaction()) index.compact();
      if (chunk.length < BUILD_CHUNK) break;
      after = chunk[chunk.length - 1]!.id;
    }
    index.compact();
  }

  /** Reads what was written since the watermark (less the overlap) and the ids reported, and applies it. */
  private async poll(index: CatalogSearchIndex): Promise<void> {
    const ids = [...this.changed];
    this.changed.clear();
    this.written = false;
    this.lastPoll = performance.now();
    const nowUs = Date.now() * 1000;
    let rows: IndexRow[];
    try {
      rows = await repo.changedSince(this.db, new Date(this.watermarkUs / 1000 - OVERLAP_MS), ids);
    } catch (error) {
      this.changedEntries(ids);
      throw error;
    }
    const found = new Set(rows.map((r) => r.id));
    for (const id of ids) if (!found.has(id)) index.remove(id); // deleted
    for (const row of rows) {
      // A writer's clock ahead of ours must not push the window past other writers' commits.
      this.watermarkUs = Math.max(this.watermarkUs, Math.min(row.updatedUs, nowUs));
      apply(index, row);
    }
    if (index.needsCompaction()) index.compact();
  }

  /**
   * Brings an index in line with the table: reads ids and `updated_at` of every entry in force in
   * chunks (other queries run between them), fetches what differs, drops what is no longer in force.
   */
  private async reconcile(index: CatalogSearchIndex, startedMs: number): Promise<void> {
    const seen = new Set<string>();
    const stale: string[] = [];
    for (let after: string | null = null; ;) {
      const chunk = await repo.stamps(this.db, after, STAMP_CHUNK);
      for (const { id, updatedUs } of chunk) {
        seen.add(id);
        if (index.updatedOf(id) !== updatedUs) stale.push(id);
      }
      if (chunk.length < STAMP_CHUNK) break;
      after = chunk[chunk.length - 1]!.id;
    }
    for (let i = 0; i < stale.length; i += FETCH_CHUNK) {
      for (const row of await repo.byIds(this.db, stale.slice(i, i + FETCH_CHUNK))) apply(index, row);
    }
    // What was not in force when the scan ran, unless written since (a poll has it in hand then).
    const cutoff = (startedMs - OVERLAP_MS) * 1000;
    for (const id of [...index.entryIds()]) if (!seen.has(id) && index.updatedOf(id)! < cutoff) index.remove(id);
    for (const { id, name } of await repo.departmentNames(this.db, index.departmentIds())) index.setDepartmentName(id, name);
    // A compaction of a large index blocks for a few hundred ms: only when the changes call for one.
    if (index.needsCompaction()) index.compact();
  }
}

/** Indexes an entry in force (unless the same write is indexed already), removes one that is not. */
function apply(index: CatalogSearchIndex, row: IndexRow): void {
  if (!row.inForce) index.remove(row.id);
  else if (index.updatedOf(row.id) !== row.updatedUs) index.upsert(row);
}

const keepers = new WeakMap<Kysely<DB>, SearchIndexKeeper>();

/** The search index keeper of a database (one per Kysely instance). */
export function searchIndexOf(db: Kysely<DB>): SearchIndexKeeper {
  let keeper = keepers.get(db);
  if (!keeper) keepers.set(db, (keeper = new SearchIndexKeeper(db)));
  return keeper;
}

/** Tells the search index that entries were written (call after the transaction commits). */
export function markCatalogChanged(db: Kysely<DB>, ...ids: string[]): void {
  keepers.get(db)?.changedEntries(ids);
}
