import { ErrorCode, Permission, type MountStatus } from '@shuyuan/contracts';
import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { CatalogMountTable, DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { badRequest, conflict, forbidden, notFound, rethrowUnique } from '../../platform/errors';
import type { RequestContext } from '../identity';
import type { MountCreate, MountReview } from './catalog.schemas';
import { catalogAccess, compilesFor, isVisible, reviewsFor, type CatalogAccess } from './entries.service';
import { entriesRepository, type EntryRow } from './entries.repository';
import { compareColumns, type MountColumn } from './mount-diff';
import { markCatalogChanged } from './search-index.keeper';

/**
 * Reads the columns of a table (or the fields of an API or file) of a registered data source, as the
 * caller may: a source outside its reach answers 404. Supplied by the data-sources module.
 */
export type ColumnReader = (
  ctx: RequestContext,
  sourceId: string,
  table: string,
) => Promise<{ kind: 'table' | 'api' | 'file'; columns: MountColumn[] }>;

type MountRow = Selectable<CatalogMountTable>;

/** What the caller may do with a mount: review it (not one it requested), or take it off. */
function mountActions(ctx: RequestContext, access: CatalogAccess, row: MountRow, entry: EntryRow): ('review' | 'remove')[] {
  const actions: ('review' | 'remove')[] = [];
  if (entry.origin_node_id) return actions;
  const reviews = reviewsFor(access, entry.department_id);
  const compiles = compilesFor(access, entry.department_id);
  if (reviews && row.status === 'in_review' && row.requested_by !== ctx.principal.userId) actions.push('review');
  if (compiles && row.status !== 'removed') actions.push('remove');
  return actions;
}

function toMount(row: MountRow & { source_name: string }, actions: ('review' | 'remove')[]) {
  return {
    id: row.id,
    entryId: row.entry_id,
    kind: row.kind,
    sourceId: row.source_id,
    sourceName: row.source_name,
    resourceName: row.resource_name,
    columnMap: row.column_map,
    diff: row.diff,
    status: row.status,
    comment: row.comment,
    version: row.version,
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
    actions,
  };
}

function selectMounts(db: RequestContext['db'] | Transaction<DB>) {
  return db
    .selectFrom('catalog_mount as m')
    .innerJoin('data_source as s', 's.id', 'm.source_id')
    .selectAll('m')
    .select('s.name as source_name');
}

/** The entry's mount status from its live mounts (资源挂载状态). */
export async function refreshMountStatus(trx: Transaction<DB>, entryId: string): Promise<MountStatus> {
  const rows = await trx
    .selectFrom('catalog_mount')
    .select('status')
    .where('entry_id', '=', entryId)
    .where('status', '!=', 'removed')
    .execute();
  const has = (s: MountRow['status']) => rows.some((r) => r.status === s);
  const status: MountStatus = has('mounted')
    ? has('in_review')
      ? 'change_in_review'
      : 'mounted'
    : has('in_review')
      ? 'in_review'
      : has('returned')
        ? 'returned'
        : 'unmounted';
  // A change bumps updated_at like every catalog write: the search index catches up by it.
  await trx
    .updateTable('catalog_entry')
    .set({ mount_status: status, updated_at: new Date() })
    .where('id', '=', entryId)
    .where('mount_status', '!=', status)
    .execute();
  return status;
}

async function visibleEntry(ctx: RequestContext, access: CatalogAccess, entryId: string): Promise<EntryRow> {
  const row = await entriesRepository.findById(ctx.db, entryId);
  if (!row || !isVisible(access, row)) throw notFound('catalog entry');
  return row;
}

/** Refuses what a mirrored entry never takes: mounts are made, reviewed and removed at the node that owns it. */
function assertOwn(entry: EntryRow) {
  if (entry.origin_node_id) throw forbidden(ErrorCode.Forbidden, { reason: 'a mirrored entry is read-only here' });
}

function assertCompiles(access: CatalogAccess, entry: EntryRow) {
  assertOwn(entry);
  if (!compilesFor(access, entry.department_id)) throw forbidden(ErrorCode.Forbidden, { permission: Permission.CatalogCompile });
  if (entry.status === 'retired' || entry.status === 'retire_review')
    throw conflict(ErrorCode.InvalidTransition, { status: entry.status, action: 'mount' });
}

export async function listMounts(ctx: RequestContext, entryId: string) {
  const access = await catalogAccess(ctx);
  const entry = await visibleEntry(ctx, access, entryId);
  const rows = await selectMounts(ctx.db)
    .where('m.entry_id', '=', entryId)
    .where('m.status', '!=', 'removed')
    .orderBy('m.created_at')
    .execute();
  return rows.map((row) => toMount(row, mountActions(ctx, access, row, entry)));
}

/** What the mount wizard shows before anything is written: items against the resource's columns. */
export async function previewMount(ctx: RequestContext, readColumns: ColumnReader, entryId: string, input: z.infer<typeof MountCreate>) {
  return previewFor(ctx, await catalogAccess(ctx), readColumns, entryId, input);
}

async function previewFor(
  ctx: RequestContext,
  access: CatalogAccess,
  readColumns: ColumnReader,
  entryId: string,
  input: z.infer<typeof MountCreate>,
) {
  const entry = await visibleEntry(ctx, access, entryId);
  assertCompiles(access, entry);
  const { kind, columns } = await readColumns(ctx, input.sourceId, input.resourceName);
  return { kind, columns, diff: compareColumns(entry.pending?.items ?? entry.content.items, columns, input.columnMap) };
}

/** Requests a mount; refused with MOUNT_INCOMPLETE (and the difference) when it does not cover the items. */
export async function createMount(ctx: RequestContext, readColumns: ColumnReader, entryId: string, input: z.infer<typeof MountCreate>) {
  const access = await catalogAccess(ctx);
  const { kind, diff } = await previewFor(ctx, access, readColumns, entryId, input);
  if (!diff.covers) throw badRequest(ErrorCode.MountIncomplete, { diff });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const entry = await entriesRepository.findForUpdate(trx, entryId);
    if (!entry) throw notFound('catalog entry');
    // Checked again on the locked row: the entry may have moved on (retired) since the preview read it.
    assertCompiles(access, entry);
    const row = await trx
      .insertInto('catalog_mount')
      .values({
        entry_id: entryId,
        kind,
        source_id: input.sourceId,
        resource_name: input.resourceName,
        column_map: JSON.stringify(input.columnMap),
        diff: JSON.stringify(diff),
        status: 'in_review',
        requested_by: ctx.principal.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => rethrowUnique(e, { catalog_mount_resource_idx: 'resourceName' }));
    await refreshMountStatus(trx, entryId);
    await entriesRepository.addEvent(trx, {
      entryId,
      action: 'mount_request',
      from: entry.status,
      to: entry.status,
      actorId: ctx.principal.userId,
      actorName: ctx.principal.displayName,
      details: { mountId: row.id, resource: input.resourceName },
    });
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.mount.request',
      targetType: 'catalog_entry',
      targetId: entryId,
      targetLabel: `${entry.code} ${entry.name}`,
      details: { mountId: row.id, sourceId: input.sourceId, resource: input.resourceName },
    });
    return row.id;
  });
  markCatalogChanged(ctx.db);
  return loadMount(ctx, id);
}

async function loadMount(ctx: RequestContext, id: string) {
  const access = await catalogAccess(ctx);
  const row = (await selectMounts(ctx.db).where('m.id', '=', id).executeTakeFirst())!;
  const entry = (await entriesRepository.findById(ctx.db, row.entry_id))!;
  return toMount(row, mountActions(ctx, access, row, entry));
}

async function lockMount(trx: Transaction<DB>, access: CatalogAccess, mountId: string, version: number) {
  const mount = await trx
    .selectFrom('catalog_mount')
    .selectAll()
    .where('id', '=', mountId)
    .where('status', '!=', 'removed')
    .forUpdate()
    .executeTakeFirst();
  const entry = mount && (await entriesRepository.findById(trx, mount.entry_id));
  if (!mount || !entry || !isVisible(access, entry)) throw notFound('mount');
  assertOwn(entry);
  if (mount.version !== version)
    throw conflict(ErrorCode.VersionConflict, { current: { id: mount.id, status: mount.status, version: mount.version } });
  return { mount, entry };
}

/** The bureau approves a requested mount (the entry counts as mounted) or returns it with a comment. */
export async function reviewMount(ctx: RequestContext, mountId: string, input: z.infer<typeof MountReview>) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const { mount, entry } = await lockMount(trx, access, mountId, input.version);
    if (!reviewsFor(access, entry.department_id)) throw forbidden(ErrorCode.Forbidden, { permission: Permission.CatalogReview });
    if (mount.status !== 'in_review') throw conflict(ErrorCode.InvalidTransition, { status: mount.status, action: 'review' });
    if (mount.requested_by === ctx.principal.userId)
      throw forbidden(ErrorCode.Forbidden, { reason: 'nobody reviews their own submission' });
    if (input.decision === 'return' && !input.comment)
      throw badRequest(ErrorCode.ValidationFailed, { field: 'comment', reason: 'say why the mount is returned' });
    const status = input.decision === 'approve' ? 'mounted' : 'returned';
    await trx
      .updateTable('catalog_mount')
      .set({
        status,
        comment: input.comment ?? null,
        reviewed_by: ctx.principal.userId,
        reviewed_at: new Date(),
        version: mount.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', mountId)
      .execute();
    await refreshMountStatus(trx, entry.id);
    await entriesRepository.addEvent(trx, {
      entryId: entry.id,
      action: input.decision === 'approve' ? 'mount_approve' : 'mount_return',
      from: entry.status,
      to: entry.status,
      actorId: ctx.principal.userId,
      actorName: ctx.principal.displayName,
      comment: input.comment,
      details: { mountId, resource: mount.resource_name },
    });
    await appendAudit(trx, ctx.actor, {
      action: `catalog.mount.${input.decision}`,
      targetType: 'catalog_entry',
      targetId: entry.id,
      targetLabel: `${entry.code} ${entry.name}`,
      details: { mountId, resource: mount.resource_name, ...(input.comment ? { comment: input.comment } : {}) },
    });
  });
  markCatalogChanged(ctx.db);
  return loadMount(ctx, mountId);
}

/** The department takes a mount off its entry. */
export async function removeMount(ctx: RequestContext, mountId: string, version: number) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const { mount, entry } = await lockMount(trx, access, mountId, version);
    if (!compilesFor(access, entry.department_id)) throw forbidden(ErrorCode.Forbidden, { permission: Permission.CatalogCompile });
    await trx
      .updateTable('catalog_mount')
      .set({ status: 'removed', version: mount.version + 1, updated_at: new Date() })
      .where('id', '=', mountId)
      .execute();
    await refreshMountStatus(trx, entry.id);
    await entriesRepository.addEvent(trx, {
      entryId: entry.id,
      action: 'mount_remove',
      from: entry.status,
      to: entry.status,
      actorId: ctx.principal.userId,
      actorName: ctx.principal.displayName,
      details: { mountId, resource: mount.resource_name },
    });
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.mount.remove',
      targetType: 'catalog_entry',
      targetId: entry.id,
      targetLabel: `${entry.code} ${entry.name}`,
      details: { mountId, resource: mount.resource_name },
    });
  });
  markCatalogChanged(ctx.db);
}
