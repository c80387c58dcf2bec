import { sql, type Expression, type ExpressionBuilder, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import { entryNameKey, type CatalogEntryContent, type EntryStatus } from '@shuyuan/contracts';
import type { CatalogEntryTable, DB } from '../../db/schema';
import { searchDocument } from './search-text';

type Q = Kysely<DB> | Transaction<DB>;
export type EntryRow = Selectable<CatalogEntryTable>;
export type EntryRowWithDepartment = EntryRow & { department_name: string };

/** The content fields an entry's summary shows (its data items and the rest stay out). */
export const SUMMARY_CONTENT_KEYS = [
  'summary',
  'resourceAttribute',
  'domain',
  'sharingType',
  'sharingMethods',
  'openType',
  'updateCycle',
  'formatClass',
  'tags',
] as const satisfies readonly (keyof CatalogEntryContent)[];

/** What an entry's summary is made of: the row's columns but the search vector, and the summary's content fields. */
export type SummaryRow = Pick<
  EntryRow,
  | 'id'
  | 'code'
  | 'name'
  | 'department_id'
  | 'status'
  | 'mount_status'
  | 'item_count'
  | 'apply_count'
  | 'revision'
  | 'version'
  | 'region_code'
  | 'origin_node_id'
  | 'updated_at'
  | 'published_at'
  | 'submitted_at'
  | 'review_started_at'
  | 'update_requested_at'
> & {
  /** Only whether a change is pending counts in a summary. */
  pending: unknown;
  content: Pick<CatalogEntryContent, (typeof SUMMARY_CONTENT_KEYS)[number]>;
  department_name: string;
};

/** The entry statuses every catalog reader sees; the others belong to the entry's department and reviewers. */
export const PUBLIC_STATUSES: readonly EntryStatus[] = ['published', 'change_review', 'retire_review', 'retired'];

/** The columns derived from the content: facets, counts and the search vector. */
export function derivedColumns(content: CatalogEntryContent, departmentName: string) {
  const { doc, ...columns } = derivedValues(content, departmentName);
  return { ...columns, search_vector: searchVectorOf(doc) };
}

/** The derived columns as plain values, with the search document's parts (for bulk inserts that build the vector in SQL). */
export function derivedValues(content: CatalogEntryContent, departmentName: string) {
  return {
    name: content.name,
    name_key: entryNameKey(content.name),
    resource_attribute: content.resourceAttribute,
    domain: content.domain,
    data_level: content.dataLevel,
    format_class: content.formatClass,
    sharing_type: content.sharingType,
    sharing_methods: content.sharingMethods,
    open_type: content.openType,
    update_cycle: content.updateCycle,
    tags: content.tags,
    item_count: content.items.length,
    doc: searchDocument(content, departmentName),
  };
}

/** The weighted search vector of a document's parts: values, or column references of a bulk insert. */
export function searchVectorOf(doc: { a: unknown; b: unknown; c: unknown; d: unknown }) {
  return sql<string>`setweight(to_tsvector('simple', ${doc.a}), 'A') || setweight(to_tsvector('simple', ${doc.b}), 'B')
      || setweight(to_tsvector('simple', ${doc.c}), 'C') || setweight(to_tsvector('simple', ${doc.d}), 'D')`;
}

/** Who sees which entries: everything (a reviewer with platform scope), or public ones plus a department subtree. */
export interface Visibility {
  all: boolean;
  departments: readonly string[];
}

export function visibleTo(visibility: Visibility) {
  return (eb: ExpressionBuilder<DB & { e: CatalogEntryTable }, 'e'>): Expression<SqlBool> => {
    if (visibility.all) return sql<SqlBool>`true`;
    const ors = [eb('e.status', 'in', PUBLIC_STATUSES)];
    if (visibility.departments.length > 0) ors.push(eb('e.department_id', 'in', visibility.departments));
    return eb.or(ors);
  };
}

/** Every SQL statement about catalog entries, except search (search.service.ts). */
export const entriesRepository = {
  findById(db: Q, id: string): Promise<EntryRowWithDepartment | undefined> {
    return db
      .selectFrom('catalog_entry as e')
      .innerJoin('department as d', 'd.id', 'e.department_id')
      .selectAll('e')
      .select('d.name as department_name')
      .where('e.id', '=', id)
      .executeTakeFirst();
  },
  /** Locks the row for a transition; undefined when missing. */
  findForUpdate(db: Transaction<DB>, id: string): Promise<EntryRow | undefined> {
    return db.selectFrom('catalog_entry').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },
  departmentName(db: Q, id: string): Promise<string | undefined> {
    return db
      .selectFrom('department')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirst()
      .then((r) => r?.name);
  },
  /** The next sequence number of a classification segment (atomic on both engines). */
  async nextSequence(db: Q, segment: string): Promise<number> {
    const row = await db
      .insertInto('catalog_code_sequence')
      .values({ segment, last_value: 1 })
      .onConflict((oc) => oc.column('segment').doUpdateSet({ last_value: sql`catalog_code_sequence.last_value + 1` }))
      .returning('last_value')
      .executeTakeFirstOrThrow();
    return row.last_value;
  },
  async replaceSystems(db: Q, entryId: string, systemIds: readonly string[]): Promise<void> {
    await db.deleteFrom('catalog_entry_system').where('entry_id', '=', entryId).execute();
    if (systemIds.length > 0)
      await db
        .insertInto('catalog_entry_system')
        .values([...new Set(systemIds)].map((system_id) => ({ entry_id: entryId, system_id })))
        .execute();
  },
  existingSystems(db: Q, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('info_system')
      .select('id')
      .where('id', 'in', ids)
      .execute()
      .then((rows) => rows.map((r) => r.id));
  },
  systemsOf(db: Q, entryId: string) {
    return db
      .selectFrom('catalog_entry_system as l')
      .innerJoin('info_system as s', 's.id', 'l.system_id')
      .innerJoin('department as d', 'd.id', 's.department_id')
      .select(['s.id', 's.name', 'd.name as departmentName'])
      .where('l.entry_id', '=', entryId)
      .orderBy('s.name')
      .execute();
  },
  async addEvent(
    db: Q,
    event: {
      entryId: string;
      action: string;
      from: string | null;
      to: string | null;
      actorId: string | null;
      actorName: string;
      comment?: string | null | undefined;
      details?: Record<string, unknown>;
    },
  ): Promise<void> {
    await db
      .insertInto('catalog_event')
      .values({
        entry_id: event.entryId,
        action: event.action,
        from_status: event.from,
        to_status: event.to,
        actor_id: event.actorId,
        actor_name: event.actorName,
        comment: event.comment ?? null,
        details: JSON.stringify(event.details ?? {}),
      })
      .execute();
  },
  /** The user who last submitted the entry (or its change or retirement) for review. */
  lastSubmitter(db: Q, entryId: string): Promise<string | null> {
    return db
      .selectFrom('catalog_event')
      .select('actor_id')
      .where('entry_id', '=', entryId)
      .where('action', 'in', ['submit', 'submit_change', 'request_retire'])
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
      .then((r) => r?.actor_id ?? null);
  },
  timeline(db: Q, entryId: string) {
    return db.selectFrom('catalog_event').selectAll().where('entry_id', '=', entryId).orderBy('id').execute();
  },
  versions(db: Q, entryId: string) {
    return db
      .selectFrom('catalog_entry_version as v')
      .leftJoin('app_user as u', 'u.id', 'v.published_by')
      .select(['v.revision', 'v.published_at', 'v.content', 'u.display_name as published_by_name'])
      .where('v.entry_id', '=', entryId)
      .orderBy('v.revision', 'desc')
      .execute();
  },
  changes(db: Q, since: number, limit: number) {
    return db.selectFrom('catalog_change').selectAll().where('id', '>', since).orderBy('id').limit(limit).execute();
  },
};
