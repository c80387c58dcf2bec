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

/** Rows per multi-row INSERT: well under PostgreSQL's 65,535 parameters for the widest table. */
const ENTRY_BATCH = 1000;
const ROW_PARAMETER_BUDGET = 60_000;

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

/** Writes entries with their systems, versions, change feed and timeline in multi-row INSERTs. */
export const T: Record<string, number> = {};
const tick = async <X>(k: string, f: () => Promise<X>): Promise<X> => { const t = performance.now(); const r = await f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
export async function writeEntries(trx: Transaction<DB>, entries: readonly PlannedEntry[]): Promise<void> {
  await inBatches(entries, ENTRY_BATCH, async (batch) => {
    const t0 = performance.now(); const vals = batch.map(entryRow); T.build = (T.build ?? 0) + performance.now() - t0;
    const inserted = await tick('entries', () => trx = await trx.insertInto('catalog_entry').values(batch.map(entryRow)).returning(['id', 'code']).execute();
    const idOf = new Map(inserted.map((r) => [r.code, r.id]));
    const links = batch.flatMap((e) => [...new Set(e.content.systemIds)].map((system_id) => ({ entry_id: idOf.get(e.code)!, system_id })));
    await tick('links', () => inBatches(links, ROW_PARAMETER_BUDGET / 2, (rows) => trx.insertInto('catalog_entry_system').values(rows).execute()));
    const versions = batch.flatMap((e) =>
      e.versions.map((v) => ({
        entry_id: idOf.get(e.code)!,
        revision: v.revision,
        content: JSON.stringify(v.content),
        published_at: v.at,
        published_by: v.by,
      })),
    );
    await tick('versions', () => inBatches(versions, ROW_PARAMETER_BUDGET / 5, (rows) => trx.insertInto('catalog_entry_version').values(rows).execute()));
    // The feed is read in id order, so its rows go in the order they happened.
    const changes = batch
      .flatMap((e) => e.changes.map((c) => ({ entry_id: idOf.get(e.code)!, code: e.code, kind: c.kind, revision: c.revision, at: c.at })))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    await tick('changes', () => inBatches(changes, ROW_PARAMETER_BUDGET / 5, (rows) => trx.insertInto('catalog_change').values(rows).execute()));
    const events = batch.flatMap((e) =>
      e.events.map((ev) => ({
        entry_id: idOf.get(e.code)!,
        action: ev.action,
        from_status: ev.from,
        to_status: ev.to,
        actor_id: ev.actor.id,
        actor_name: ev.actor.name,
        comment: ev.comment ?? null,
        details: JSON.stringify(ev.details ?? {}),
        at: ev.at,
      })),
    );
    await tick('events', () => inBatches(events, ROW_PARAMETER_BUDGET / 9, (rows) => trx.insertInto('catalog_event').values(rows).execute()));
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
