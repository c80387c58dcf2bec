import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { SUMMARY_CONTENT_KEYS, type SummaryRow } from './entries.repository';
import type { IndexedEntry } from './search-index';

/** The statuses of the shared catalog: what every catalog reader sees in a search without a status filter. */
export const IN_FORCE = ['published', 'change_review', 'retire_review'] as const;

const updatedUs = sql<number>`floor(extract(epoch from e.updated_at) * 1000000)::float8`;

/** An entry row as the index reads it, with its status (not in force means: remove it). */
export interface IndexRow extends IndexedEntry {
  inForce: boolean;
}

function entries(db: Kysely<DB>) {
  return db
    .selectFrom('catalog_entry as e')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select([
      'e.id',
      'e.department_id',
      'd.name as department_name',
      'e.status',
      'e.mount_status',
      'e.resource_attribute',
      'e.domain',
      'e.sharing_type',
      'e.open_type',
      'e.update_cycle',
      'e.format_class',
      'e.apply_count',
      'e.name',
      'e.code',
      'e.item_count',
      'e.revision',
      'e.version',
      'e.region_code',
      'e.origin_node_id',
      'e.updated_at',
      'e.published_at',
      'e.submitted_at',
      'e.review_started_at',
      'e.update_requested_at',
      sql<boolean>`e.pending is not null`.as('has_pending'),
      // The summary's content fields only: the data items are most of an entry's content.
      sql<
        SummaryRow['content']
      >`jsonb_build_object(${sql.join(SUMMARY_CONTENT_KEYS.flatMap((k) => [sql.lit(k), sql`e.content -> ${sql.lit(k)}`]))})`.as(
        'summary_content',
      ),
      sql<string>`e.search_vector::text`.as('vector'),
      updatedUs.as('updated_us'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof entries>['execute']>>[number];

const toIndexRow = (r: Row): IndexRow => ({
  id: r.id,
  facets: {
    department: r.department_id,
    resourceAttribute: r.resource_attribute,
    domain: r.domain,
    sharingType: r.sharing_type,
    openType: r.open_type,
    updateCycle: r.update_cycle,
    formatClass: r.format_class,
    mountStatus: r.mount_status,
    status: r.status,
  },
  departmentName: r.department_name,
  name: r.name,
  applyCount: r.apply_count,
  updatedUs: Number(r.updated_us),
  vector: r.vector,
  summary: {
    id: r.id,
    code: r.code,
    name: r.name,
    department_id: r.department_id,
    status: r.status,
    mount_status: r.mount_status,
    item_count: r.item_count,
    apply_count: r.apply_count,
    revision: r.revision,
    version: r.version,
    region_code: r.region_code,
    origin_node_id: r.origin_node_id,
    updated_at: r.updated_at,
    published_at: r.published_at,
    submitted_at: r.submitted_at,
    review_started_at: r.review_started_at,
    update_requested_at: r.update_requested_at,
    pending: r.has_pending ? true : null,
    content: r.summary_content,
  },
  inForce: (IN_FORCE as readonly string[]).includes(r.status),
});

/** The SQL statements of the in-memory search index. */
export const searchIndexRepository = {
  /** Ids and `updated_at` (µs) of the entries in force after an id, in id order: one chunk of a reconcile. */
  stamps(db: Kysely<DB>, after: string | null, limit: number) {
    let qb = db
      .selectFrom('catalog_entry as e')
      .select(['e.id', updatedUs.as('updated_us')])
      .where('e.status', 'in', IN_FORCE)
      .orderBy('e.id')
      .limit(limit);
    if (after) qb = qb.where('e.id', '>', after);
    return qb.execute().then((rows) => rows.map((r) => ({ id: r.id, updatedUs: Number(r.updated_us) })));
  },
  /** Entries by id, whatever their status. */
  byIds(db: Kysely<DB>, ids: readonly string[]): Promise<IndexRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return entries(db)
      .where('e.id', 'in', ids)
      .execute()
      .then((rows) => rows.map(toIndexRow));
  },
  /** Entries written after a moment, or named, whatever their status. */
  changedSince(db: Kysely<DB>, since: Date, ids: readonly string[]): Promise<IndexRow[]> {
    return entries(db)
      .where((eb) => eb.or([eb('e.updated_at', '>', since), ...(ids.length > 0 ? [eb('e.id', 'in', ids)] : [])]))
      .execute()
      .then((rows) => rows.map(toIndexRow));
  },
  /** Entries in force after an id, in id order: one chunk of the first build. */
  inForceAfter(db: Kysely<DB>, after: string | null, limit: number): Promise<IndexRow[]> {
    let qb = entries(db).where('e.status', 'in', IN_FORCE).orderBy('e.id').limit(limit);
    if (after) qb = qb.where('e.id', '>', after);
    return qb.execute().then((rows) => rows.map(toIndexRow));
  },
  /** Department names (labels of the department facet). */
  departmentNames(db: Kysely<DB>, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('department').select(['id', 'name']).where('id', 'in', ids).execute();
  },
};
