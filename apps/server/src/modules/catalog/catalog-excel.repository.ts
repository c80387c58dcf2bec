import { sql, type Kysely, type Transaction } from 'kysely';
import type { CatalogEntryContent } from '@shuyuan/contracts';
import type { DB } from '../../db/schema';
import { searchVectorOf, type derivedValues } from './entries.repository';

type Q = Kysely<DB> | Transaction<DB>;

/** A draft to insert in bulk: the derived values, its code, department and who created it. */
export type BulkEntry = Omit<ReturnType<typeof derivedValues>, 'doc'> & {
  id: string;
  code: string;
  department_id: string;
  content: CatalogEntryContent;
  a: string;
  b: string;
  c: string;
  d: string;
};

/**
 * The PostgreSQL type of every derived column, for `jsonb_to_recordset`: listed by key, so a derived
 * column added to `derivedValues` fails to compile here until the bulk insert writes it too.
 */
const derivedTypes: Record<keyof Omit<ReturnType<typeof derivedValues>, 'doc'>, string> = {
  name: 'text',
  name_key: 'text',
  resource_attribute: 'text',
  domain: 'text',
  data_level: 'text',
  format_class: 'text',
  sharing_type: 'text',
  sharing_methods: 'text[]',
  open_type: 'text',
  update_cycle: 'text',
  tags: 'text[]',
  item_count: 'integer',
};
const recordColumns = {
  id: 'uuid',
  code: 'text',
  department_id: 'uuid',
  content: 'jsonb',
  ...derivedTypes,
  a: 'text',
  b: 'text',
  c: 'text',
  d: 'text',
};
const recordType = sql.raw(
  Object.entries(recordColumns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', '),
);
const insertedColumns = ['id', 'code', 'department_id', 'content', ...Object.keys(derivedTypes)];

/** Rows per INSERT: large enough to amortise a statement, small enough to keep one JSON parameter modest. */
export const BULK_CHUNK = 2000;

/** Every SQL statement of the Excel import and export, and of the import jobs. */
export const excelRepository = {
  /** Name keys among the given ones held by entries in force (the scope of the unique name index). */
  async takenNameKeys(db: Q, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await sql<{ name_key: string }>`
      select e.name_key from catalog_entry e
      where e.name_key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))
        and e.status <> 'retired' and e.origin_node_id is null`.execute(db);
    return new Set(rows.rows.map((r) => r.name_key));
  },
  /** The content and department name of entries, by id (in no particular order). */
  contents(db: Q, ids: readonly string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('catalog_entry as e')
      .innerJoin('department as d', 'd.id', 'e.department_id')
      .select(['e.id', 'e.content', 'd.name as department_name'])
      .where('e.id', 'in', [...ids])
      .execute();
  },
  /** Departments by name: among the given ids, or all when null. */
  async departmentsNamed(db: Q, names: readonly string[], within: ReadonlySet<string> | null) {
    if (names.length === 0) return [];
    let q = db
      .selectFrom('department')
      .select(['id', 'name'])
      .where('name', 'in', [...names]);
    if (within) q = q.where('id', 'in', [...within, '00000000-0000-0000-0000-000000000000']);
    return q.execute();
  },
  /**
   * Reserves `count` sequence numbers in each classification segment with one statement; returns the
   * first number of each segment's range.
   */
  async reserveSequences(db: Q, counts: ReadonlyMap<string, number>): Promise<Map<string, number>> {
    const rows = [...counts].map(([segment, n]) => ({ segment, n }));
    const result = await sql<{ segment: string; last_value: number }>`
      insert into catalog_code_sequence (segment, last_value)
      select s.segment, s.n from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as s(segment text, n integer)
      on conflict (segment) do update set last_value = catalog_code_sequence.last_value + excluded.last_value
      returning segment, last_value`.execute(db);
    return new Map(result.rows.map((r) => [r.segment, r.last_value - counts.get(r.segment)! + 1]));
  },
  /** Inserts drafts with one multi-row INSERT per chunk; the search vector is computed in SQL. */
  async insertEntries(trx: Transaction<DB>, entries: readonly BulkEntry[], createdBy: string | null): Promise<void> {
    const vector = searchVectorOf({ a: sql.ref('r.a'), b: sql.ref('r.b'), c: sql.ref('r.c'), d: sql.ref('r.d') });
    const columns = sql.join(insertedColumns.map((c) => sql.ref(c)));
    const values = sql.join(insertedColumns.map((c) => sql.ref(`r.${c}`)));
    for (let i = 0; i < entries.length; i += BULK_CHUNK) {
      const chunk = JSON.stringify(entries.slice(i, i + BULK_CHUNK));
      await sql`
        insert into catalog_entry (${columns}, status, search_vector, created_by)
        select ${values}, 'draft', ${vector}, ${createdBy}::uuid
        from jsonb_to_recordset(${chunk}::jsonb) as r(${recordType})`.execute(trx);
    }
  },
  /** One timeline event per imported entry. */
  async insertImportEvents(
    trx: Transaction<DB>,
    events: readonly { id: string; row: number }[],
    actor: { id: string | null; name: string },
    importId: string | null,
  ): Promise<void> {
    for (let i = 0; i < events.length; i += BULK_CHUNK * 5) {
      const chunk = JSON.stringify(events.slice(i, i + BULK_CHUNK * 5));
      await sql`
        insert into catalog_event (entry_id, action, from_status, to_status, actor_id, actor_name, details)
        select r.id, 'import', null, 'draft', ${actor.id}::uuid, ${actor.name}, jsonb_build_object('importId', ${importId}::text, 'row', r.row)
        from jsonb_to_recordset(${chunk}::jsonb) as r(id uuid, row integer)`.execute(trx);
    }
  },
};
