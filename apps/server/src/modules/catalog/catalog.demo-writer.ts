import { catalogCodes, type CatalogEntryContent, type EntryStatus, type MountStatus } from '@shuyuan/contracts';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { derivedColumns } from './entries.repository';

/** Who did a step on an entry's timeline. */
export interface DemoActor {
  id: string;
  name: string;
}

/** One step on an entry's timeline, as entries.service.ts would have recorded it. */
export interface DemoEvent {
  action: string;
  from: EntryStatus | null;
  to: EntryStatus;
  actor: DemoActor;
  at: Date;
  comment?: string;
  details?: Record<string, unknown>;
}

/** An entry to write with its whole history: the rows a real lifecycle would have left behind. */
export interface PlannedEntry {
  code: string;
  departmentId: string;
  departmentName: string;
  status: EntryStatus;
  mountStatus: MountStatus;
  content: CatalogEntryContent;
  pending: CatalogEntryContent | null;
  createdBy: string;
  /** Oldest first; the first is `create`. */
  events: DemoEvent[];
  versions: { revision: number; content: CatalogEntryContent; at: Date; by: string }[];
  changes: { kind: 'published' | 'changed' | 'retired'; revision: number; at: Date }[];
}

/** Entries per multi-row INSERT: about 30 parameters each, well under PostgreSQL's 65,535 per statement. */
const ENTRY_BATCH = 1000;

const IN_REVIEW: readonly EntryStatus[] = ['submitted', 'change_review', 'retire_review'];
const SUBMITTING = new Set(['submit', 'submit_change', 'request_retire']);

/**
 * Keeps classification-segment sequences in memory while a loader makes codes, so codes need no round
 * trip each; `save` then raises catalog_code_sequence to the maxima in one statement.
 */
export class CodeCounter {
  private readonly last = new Map<string, number>();

  static async load(trx: Transaction<DB>): Promise<CodeCounter> {
    const counter = new CodeCounter();
    for (const row of await trx.selectFrom('catalog_code_sequence').selectAll().execute()) counter.last.set(row.segment, row.last_value);
    return counter;
  }

  /** The next resource code of the content's segment, as newResourceCode makes it. */
  next(content: CatalogEntryContent): string {
    const segment = `${catalogCodes.resourceAttribute[content.resourceAttribute][0]}${content.classItem}${content.classTopic}`;
    const value = (this.last.get(segment) ?? 0) + 1;
    this.last.set(segment, value);
    return `${segment}/${String(value).padStart(6, '0')}`;
  }

  async save(trx: Transaction<DB>): Promise<void> {
    const rows = [...this.last].map(([segment, last_value]) => ({ segment, last_value }));
    if (rows.length === 0) return;
    await trx
      .insertInto('catalog_code_sequence')
      .values(rows)
      .onConflict((oc) =>
        oc.column('segment').doUpdateSet({ last_value: sql`greatest(catalog_code_sequence.last_value, excluded.last_value)` }),
      )
      .execute();
  }
}

async function inBatches<T>(rows: readonly T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Each column of some rows as one array: the parameters of an `unnest(…)` that inserts them all in one statement. */
function columnsOf<R extends object, K extends keyof R>(rows: readonly R[], keys: readonly K[]): { [P in K]: R[P][] } {
  const columns = {} as { [P in K]: R[P][] };
  for (const key of keys) columns[key] = rows.map((row) => row[key]);
  return columns;
}

/**
 * Writes entries with their systems, versions, change feed and timeline: the entries as multi-row
 * INSERTs through derivedColumns (so the search vector is the service's), the rows that hang off them
 * as one `insert … select from unnest(arrays)` per table and batch. A version whose content is the
 * entry's current content is copied from the entry inside the database rather than sent again.
 */
export async function writeEntries(trx: Transaction<DB>, entries: readonly PlannedEntry[]): Promise<void> {
  await inBatches(entries, ENTRY_BATCH, async (batch) => {
    const inserted = await trx.insertInto('catalog_entry').values(batch.map(entryRow)).returning(['id', 'code']).execute();
    const idOf = new Map(inserted.map((r) => [r.code, r.id]));

    const links = batch.flatMap((e) => [...new Set(e.content.systemIds)].map((system: string) => ({ entry: idOf.get(e.code)!, system })));
    if (links.length > 0) {
      const c = columnsOf(links, ['entry', 'system']);
      await trx
        .insertInto('catalog_entry_system')
        .columns(['entry_id', 'system_id'])
        .expression(sql`select * from unnest(${c.entry}::uuid[], ${c.system}::uuid[])`)
        .execute();
    }

    const versions = batch.flatMap((e) =>
      e.versions.map((v) => ({
        entry: idOf.get(e.code)!,
        revision: v.revision,
        content: v.content === e.content ? null : JSON.stringify(v.content),
        at: v.at.toISOString(),
        by: v.by,
      })),
    );
    if (versions.length > 0) {
      const c = columnsOf(versions, ['entry', 'revision', 'content', 'at', 'by']);
      await trx
        .insertInto('catalog_entry_version')
        .columns(['entry_id', 'revision', 'content', 'published_at', 'published_by'])
        .expression(
          sql`select v.entry_id, v.revision, coalesce(v.content, e.content), v.at, v.by
            from unnest(${c.entry}::uuid[], ${c.revision}::int[], ${c.content}::jsonb[], ${c.at}::timestamptz[], ${c.by}::uuid[])
              as v(entry_id, revision, content, at, by)
            join catalog_entry e on e.id = v.entry_id`,
        )
        .execute();
    }

    // The feed is read in id order, so its rows go in the order they happened.
    const changes = batch
      .flatMap((e) => e.changes.map((ch) => ({ entry: idOf.get(e.code)!, code: e.code, kind: ch.kind, revision: ch.revision, at: ch.at })))
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((ch) => ({ ...ch, at: ch.at.toISOString() }));
    if (changes.length > 0) {
      const c = columnsOf(changes, ['entry', 'code', 'kind', 'revision', 'at']);
      await trx
        .insertInto('catalog_change')
        .columns(['entry_id', 'code', 'kind', 'revision', 'at'])
        .expression(
          sql`select entry_id, code, kind, revision, at
            from unnest(${c.entry}::uuid[], ${c.code}::text[], ${c.kind}::text[], ${c.revision}::int[], ${c.at}::timestamptz[])
              with ordinality as ch(entry_id, code, kind, revision, at, n)
            order by n`,
        )
        .execute();
    }

    const events = batch.flatMap((e) =>
      e.events.map((ev) => ({
        entry: idOf.get(e.code)!,
        action: ev.action,
        from: ev.from,
        to: ev.to,
        actor: ev.actor.id,
        actorName: ev.actor.name,
        comment: ev.comment ?? null,
        details: JSON.stringify(ev.details ?? {}),
        at: ev.at.toISOString(),
      })),
    );
    const c = columnsOf(events, ['entry', 'action', 'from', 'to', 'actor', 'actorName', 'comment', 'details', 'at']);
    await trx
      .insertInto('catalog_event')
      .columns(['entry_id', 'action', 'from_status', 'to_status', 'actor_id', 'actor_name', 'comment', 'details', 'at'])
      .expression(
        sql`select * from unnest(${c.entry}::uuid[], ${c.action}::text[], ${c.from}::text[], ${c.to}::text[], ${c.actor}::uuid[],
          ${c.actorName}::text[], ${c.comment}::text[], ${c.details}::jsonb[], ${c.at}::timestamptz[])`,
      )
      .execute();
  });
}

function entryRow(e: PlannedEntry) {
  const first = e.events[0]!;
  const last = e.events[e.events.length - 1]!;
  const submitted = e.events.findLast((ev) => SUBMITTING.has(ev.action));
  const published = e.events.findLast((ev) => ev.action === 'publish');
  return {
    ...derivedColumns(e.content, e.departmentName),
    code: e.code,
    department_id: e.departmentId,
    status: e.status,
    mount_status: e.mountStatus,
    content: JSON.stringify(e.content),
    pending: e.pending ? JSON.stringify(e.pending) : null,
    revision: e.versions.length,
    // Every step after the creation bumped the optimistic-lock version once.
    version: e.events.length,
    created_by: e.createdBy,
    created_at: first.at,
    updated_at: last.at,
    submitted_at: submitted?.at ?? null,
    published_at: published?.at ?? null,
    review_started_at: IN_REVIEW.includes(e.status) ? (submitted?.at ?? null) : null,
  };
}
