import { ErrorCode, Permission, catalogCodes, contentProblems, type CatalogEntryContent, type EntryStatus } from '@shuyuan/contracts';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { can, hasGlobalScope } from '../../platform/auth/principal';
import { badRequest, conflict, forbidden, notFound, rethrowUnique } from '../../platform/errors';
import { deadlineStatus } from '../../platform/workdays';
import { departmentScope, departmentsRepository, type RequestContext } from '../identity';
import type { Entry, EntryCreate, ReviewBody, RetireBody } from './catalog.schemas';
import { enqueueChange } from './cascade.outbox';
import { diffContent } from './content-diff';
import { markCatalogChanged } from './search-index.keeper';
import {
  derivedColumns,
  entriesRepository as repo,
  PUBLIC_STATUSES,
  visibleTo,
  type EntryRow,
  type SummaryRow,
  type Visibility,
} from './entries.repository';

/** Working days the bureau has to review a submission. */
export const REVIEW_LIMIT_DAYS = 5;
/** Working days a department has to update an entry after a change in its duties. */
export const UPDATE_LIMIT_DAYS = 10;

type EntryAction = z.infer<typeof Entry>['actions'][number];

/** What the caller may see and do in the catalog. */
export interface CatalogAccess {
  visibility: Visibility;
  /** Departments whose entries the caller may compile; null for all. */
  compileScope: ReadonlySet<string> | null;
  /** Departments whose entries the caller may review; null for all; empty when not a reviewer. */
  reviewScope: ReadonlySet<string> | null;
  canCompile: boolean;
  canReview: boolean;
}

/** Resolves the caller's catalog access from its permissions and department. */
export async function catalogAccess(ctx: RequestContext): Promise<CatalogAccess> {
  const p = ctx.principal;
  const scope = await departmentScope(ctx.db, p);
  const canReview = can(p, Permission.CatalogReview);
  const canCompile = can(p, Permission.CatalogCompile);
  const own = scope ?? new Set(await departmentsRepository.subtreeIds(ctx.db, p.departmentId));
  const all = (canReview || canCompile) && hasGlobalScope(p);
  return {
    visibility: { all, departments: [...own] },
    compileScope: canCompile ? scope : new Set(),
    reviewScope: canReview ? scope : new Set(),
    canCompile,
    canReview,
  };
}

const inScope = (scope: ReadonlySet<string> | null, departmentId: string) => scope === null || scope.has(departmentId);

/** Whether the caller compiles (edits, mounts, submits) for a department's entries. */
export const compilesFor = (access: CatalogAccess, departmentId: string) => access.canCompile && inScope(access.compileScope, departmentId);

/** Whether the caller reviews a department's entries. */
export const reviewsFor = (access: CatalogAccess, departmentId: string) => access.canReview && inScope(access.reviewScope, departmentId);

/** Whether the caller may see an entry at all (deny by default: others answer 404). */
export function isVisible(access: CatalogAccess, row: EntryRow): boolean {
  return access.visibility.all || PUBLIC_STATUSES.includes(row.status) || access.visibility.departments.includes(row.department_id);
}

/** The actions the caller may take on an entry in its current state. */
export function actionsFor(access: CatalogAccess, row: EntryRow, userId: string, lastSubmitter: string | null): EntryAction[] {
  const actions: EntryAction[] = [];
  if (row.origin_node_id) return actions; // mirrored from another node: read-only here
  const compiles = compilesFor(access, row.department_id);
  const reviews = reviewsFor(access, row.department_id) && lastSubmitter !== userId;
  if (compiles) {
    if (['draft', 'returned', 'published'].includes(row.status)) actions.push('edit');
    if (['draft', 'returned'].includes(row.status) || (row.status === 'published' && row.pending)) actions.push('submit');
    if (['submitted', 'change_review', 'retire_review'].includes(row.status)) actions.push('withdraw');
    if (['draft', 'returned'].includes(row.status) && row.revision === 0) actions.push('delete');
    if (row.status === 'published' && !row.pending) actions.push('retire');
    if (row.status === 'published' && row.pending) actions.push('discard_change');
  }
  if (reviews && ['submitted', 'change_review', 'retire_review'].includes(row.status)) actions.push('review');
  if (reviewsFor(access, row.department_id) && row.status === 'published') actions.push('request_update');
  return actions;
}

/** The API shape of an entry; `pending` only for those who may see the department's work in progress. */
export async function toEntry(db: Kysely<DB>, access: CatalogAccess, row: EntryRow & { department_name: string }, userId: string) {
  const insider = access.visibility.all || access.visibility.departments.includes(row.department_id);
  const inReview = ['submitted', 'change_review', 'retire_review'].includes(row.status);
  const lastSubmitter = inReview ? await repo.lastSubmitter(db, row.id) : null;
  return {
    ...summaryOf(row),
    content: row.content,
    pending: insider ? row.pending : null,
    systems: await repo.systemsOf(db, row.id),
    createdAt: row.created_at,
    updateRequestReason: insider ? row.update_request_reason : null,
    actions: actionsFor(access, row, userId, lastSubmitter),
  };
}

/** The list and search shape of an entry, with its review and update deadlines in working days. */
/**
 * Whether the bureau's update request still waits on the department: only while the entry is published.
 * A change or retirement in review answers it (and clears it once approved); a withdrawal or a return
 * brings it back with its original date.
 */
function updateRequestOpen(row: { update_requested_at: Date | null; status: string }): boolean {
  return row.update_requested_at !== null && row.status === 'published';
}

export function summaryOf(row: SummaryRow, now = new Date()) {
  const inReview = ['submitted', 'change_review', 'retire_review'].includes(row.status);
  const review = inReview && row.review_started_at ? deadlineStatus(row.review_started_at, REVIEW_LIMIT_DAYS, now) : null;
  const update = updateRequestOpen(row) ? deadlineStatus(row.update_requested_at!, UPDATE_LIMIT_DAYS, now) : null;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    summary: row.content.summary,
    departmentId: row.department_id,
    departmentName: row.department_name,
    status: row.status,
    mountStatus: row.mount_status,
    resourceAttribute: row.content.resourceAttribute,
    domain: row.content.domain,
    sharingType: row.content.sharingType,
    sharingMethods: row.content.sharingMethods,
    openType: row.content.openType,
    updateCycle: row.content.updateCycle,
    formatClass: row.content.formatClass,
    tags: row.content.tags,
    itemCount: row.item_count,
    applyCount: row.apply_count,
    revision: row.revision,
    version: row.version,
    hasPendingChange: row.pending !== null,
    regionCode: row.region_code,
    mirrored: row.origin_node_id !== null,
    // A shared entry counts as complete only with a mounted resource behind it.
    complete: row.content.sharingType === 'none' || row.mount_status === 'mounted' || row.mount_status === 'change_in_review',
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    submittedAt: row.submitted_at,
    reviewDue: review?.dueDate ?? null,
    reviewOverdue: review?.overdue ?? false,
    updateDue: update?.dueDate ?? null,
    updateOverdue: update?.overdue ?? false,
  };
}

const uniqueFields = { catalog_entry_name_key_idx: 'name', catalog_entry_code_idx: 'code' };

/** Refuses content that breaks the compilation rules or names systems that do not exist. */
async function assertValidContent(db: Kysely<DB> | Transaction<DB>, content: CatalogEntryContent): Promise<void> {
  const problems = contentProblems(content);
  if (problems.length > 0) throw badRequest(ErrorCode.ValidationFailed, { problems });
  const systems = await repo.existingSystems(db, content.systemIds);
  const missing = content.systemIds.filter((id) => !systems.includes(id));
  if (missing.length > 0)
    throw badRequest(ErrorCode.ValidationFailed, {
      problems: [{ field: 'systemIds', code: 'system_unknown', reason: `no such system: ${missing.join(', ')}` }],
    });
}

/** The classification segment of a resource code: attribute digit, 项 and 目. */
export function resourceSegment(content: CatalogEntryContent): string {
  return `${catalogCodes.resourceAttribute[content.resourceAttribute][0]}${content.classItem}${content.classTopic}`;
}

/** The resource code: classification segment (attribute digit, 项, 目) and a six-digit sequence. */
export async function newResourceCode(db: Kysely<DB> | Transaction<DB>, content: CatalogEntryContent): Promise<string> {
  const segment = resourceSegment(content);
  const sequence = await repo.nextSequence(db, segment);
  return `${segment}/${String(sequence).padStart(6, '0')}`;
}

async function loadVisible(ctx: RequestContext, access: CatalogAccess, id: string) {
  const row = await repo.findById(ctx.db, id);
  if (!row || !isVisible(access, row)) throw notFound('catalog entry');
  return row;
}

export async function getEntry(ctx: RequestContext, id: string) {
  const access = await catalogAccess(ctx);
  return toEntry(ctx.db, access, await loadVisible(ctx, access, id), ctx.principal.userId);
}

/** The entry after a write committed; every write but deleting a draft ends here, so it tells the search index too. */
async function reload(ctx: RequestContext, access: CatalogAccess, id: string) {
  markCatalogChanged(ctx.db, id);
  return toEntry(ctx.db, access, (await repo.findById(ctx.db, id))!, ctx.principal.userId);
}

/** Creates a draft in the caller's department (or a department below it). */
export async function createEntry(ctx: RequestContext, input: z.infer<typeof EntryCreate>) {
  const access = await catalogAccess(ctx);
  const { departmentId = ctx.principal.departmentId, ...content } = input;
  if (!inScope(access.compileScope, departmentId))
    throw badRequest(ErrorCode.ValidationFailed, { field: 'departmentId', reason: 'no such department' });
  const id = await ctx.db.transaction().execute(async (trx) => {
    const departmentName = await repo.departmentName(trx, departmentId);
    if (!departmentName) throw badRequest(ErrorCode.ValidationFailed, { field: 'departmentId', reason: 'no such department' });
    await assertValidContent(trx, content);
    const code = await newResourceCode(trx, content);
    const row = await trx
      .insertInto('catalog_entry')
      .values({
        ...derivedColumns(content, departmentName),
        code,
        department_id: departmentId,
        status: 'draft',
        content: JSON.stringify(content),
        pending: null,
        created_by: ctx.principal.userId,
      })
      .returning(['id', 'code'])
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => rethrowUnique(e, uniqueFields));
    await repo.replaceSystems(trx, row.id, content.systemIds);
    await repo.addEvent(trx, {
      entryId: row.id,
      action: 'create',
      from: null,
      to: 'draft',
      actorId: ctx.principal.userId,
      actorName: ctx.principal.displayName,
    });
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.entry.create',
      targetType: 'catalog_entry',
      targetId: row.id,
      targetLabel: `${row.code} ${content.name}`,
    });
    return row.id;
  });
  return reload(ctx, access, id);
}

/**
 * Loads an entry for a change by the caller: 404 when it may not see it, 403 when it sees it but the
 * change is not its to make, 409 with the current entry when the version is stale.
 */
async function lockForChange(
  ctx: RequestContext,
  trx: Transaction<DB>,
  access: CatalogAccess,
  id: string,
  version: number,
  role: 'compile' | 'review',
): Promise<EntryRow> {
  const row = await repo.findForUpdate(trx, id);
  if (!row || !isVisible(access, row)) throw notFound('catalog entry');
  if (row.origin_node_id) throw forbidden(ErrorCode.Forbidden, { reason: 'mirrored from another node of the cascade: read-only here' });
  const allowed = role === 'compile' ? compilesFor(access, row.department_id) : reviewsFor(access, row.department_id);
  if (!allowed)
    throw forbidden(ErrorCode.Forbidden, { permission: role === 'compile' ? Permission.CatalogCompile : Permission.CatalogReview });
  if (row.version !== version) {
    const current = await repo.findById(trx, id);
    throw conflict(ErrorCode.VersionConflict, { current: current ? summaryOf(current) : null });
  }
  return row;
}

const invalid = (row: EntryRow, action: string) => conflict(ErrorCode.InvalidTransition, { status: row.status, action });

/** Moves an entry and records the step on its timeline and in the audit log, in the caller's transaction. */
async function record(
  ctx: RequestContext,
  trx: Transaction<DB>,
  row: EntryRow,
  action: string,
  to: EntryStatus,
  comment?: string | null,
  details: Record<string, unknown> = {},
) {
  await repo.addEvent(trx, {
    entryId: row.id,
    action,
    from: row.status,
    to,
    actorId: ctx.principal.userId,
    actorName: ctx.principal.displayName,
    comment,
    details,
  });
  await appendAudit(trx, ctx.actor, {
    action: `catalog.entry.${action}`,
    targetType: 'catalog_entry',
    targetId: row.id,
    targetLabel: `${row.code} ${row.name}`,
    details: { from: row.status, to, ...(comment ? { comment } : {}), ...details },
  });
}

/**
 * Saves content: a draft or returned entry changes in place; a published entry gets a pending change
 * that goes through change review and becomes a new version when approved.
 */
export async function updateEntry(ctx: RequestContext, id: string, content: CatalogEntryContent, version: number) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(ctx, trx, access, id, version, 'compile');
    if (!['draft', 'returned', 'published'].includes(row.status)) throw invalid(row, 'edit');
    await assertValidContent(trx, content);
    if (row.status === 'published') {
      await trx
        .updateTable('catalog_entry')
        .set({ pending: JSON.stringify(content), version: row.version + 1, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await record(ctx, trx, row, 'edit_change', row.status);
      return;
    }
    const departmentName = (await repo.departmentName(trx, row.department_id))!;
    await trx
      .updateTable('catalog_entry')
      .set({
        ...derivedColumns(content, departmentName),
        content: JSON.stringify(content),
        version: row.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute()
      .catch((e: unknown) => rethrowUnique(e, uniqueFields));
    await repo.replaceSystems(trx, id, content.systemIds);
    await record(ctx, trx, row, 'edit', row.status);
  });
  return reload(ctx, access, id);
}

/** Submits a draft for publication review, or a published entry's pending change for change review. */
export async function submitEntry(ctx: RequestContext, id: string, version: number) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(ctx, trx, access, id, version, 'compile');
    const change = row.status === 'published' && row.pending !== null;
    if (!change && !['draft', 'returned'].includes(row.status)) throw invalid(row, 'submit');
    await assertValidContent(trx, change ? row.pending! : row.content);
    const to: EntryStatus = change ? 'change_review' : 'submitted';
    const now = new Date();
    await trx
      .updateTable('catalog_entry')
      .set({
        status: to,
        version: row.version + 1,
        updated_at: now,
        submitted_at: now,
        review_started_at: now,
      })
      .where('id', '=', id)
      .execute();
    await record(ctx, trx, row, change ? 'submit_change' : 'submit', to);
  });
  return reload(ctx, access, id);
}

/** Takes an entry back out of review: a submission returns to draft, a change or retirement to published. */
export async function withdrawEntry(ctx: RequestContext, id: string, version: number) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(ctx, trx, access, id, version, 'compile');
    const to: EntryStatus | undefined = { submitted: 'draft', change_review: 'published', retire_review: 'published' }[
      row.status as string
    ] as EntryStatus;
    if (!to) throw invalid(row, 'withdraw');
    await trx
      .updateTable('catalog_entry')
      .set({ status: to, version: row.version + 1, updated_at: new Date(), review_started_at: null })
      .where('id', '=', id)
      .execute();
    await record(ctx, trx, row, 'withdraw', to);
  });
  return reload(ctx, access, id);
}

/** Drops a published entry's pending change. */
export async function discardChange(ctx: RequestContext, id: string, version: number) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(ctx, trx, access, id, version, 'compile');
    if (row.status !== 'published' || row.pending === null) throw invalid(row, 'discard_change');
    await trx
      .updateTable('catalog_entry')
      .set({ pending: null, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await record(ctx, trx, row, 'discard_change', row.status);
  });
  return reload(ctx, access, id);
}

/** Asks for a published entry to be retired (下线); the bureau reviews it. */
export async function requestRetire(ctx: RequestContext, id: string, input: z.infer<typeof RetireBody>) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(ctx, trx, access, id, input.version, 'compile');
    if (row.status !== 'published' || row.pending !== null) throw invalid(row, 'retire');
    const now = new Date();
    await trx
      .updateTable('catalog_entry')
      .set({
        status: 'retire_review',
        version: row.version + 1,
        updated_at: now,
        submitted_at: now,
        review_started_at: now,
      })
      .where('id', '=', id)
      .execute();
    await record(ctx, trx, row, 'request_retire', 'retire_review', input.reason);
  });
  return reload(ctx, access, id);
}

/**
 * The bureau's decision on whatever is in review: approving publishes (a new version), applies the
 * change (a new version) or retires; returning needs a comment and sends it back to the department.
 * Nobody reviews what they submitted themselves.
 */
export async function reviewEntry(ctx: RequestContext, id: string, input: z.infer<typeof ReviewBody>) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(ctx, trx, access, id, input.version, 'review');
    if (!['submitted', 'change_review', 'retire_review'].includes(row.status)) throw invalid(row, 'review');
    if ((await repo.lastSubmitter(trx, id)) === ctx.principal.userId)
      throw forbidden(ErrorCode.Forbidden, { reason: 'nobody reviews their own submission' });
    if (input.decision === 'return') {
      if (!input.comment) throw badRequest(ErrorCode.ValidationFailed, { field: 'comment', reason: 'say why the entry is returned' });
      const to: EntryStatus = row.status === 'submitted' ? 'returned' : 'published';
      await trx
        .updateTable('catalog_entry')
        .set({ status: to, version: row.version + 1, updated_at: new Date(), review_started_at: null })
        .where('id', '=', id)
        .execute();
      await record(ctx, trx, row, 'return', to, input.comment, { reviewed: row.status });
      return;
    }
    const now = new Date();
    if (row.status === 'retire_review') {
      await trx
        .updateTable('catalog_entry')
        .set({
          status: 'retired',
          version: row.version + 1,
          updated_at: now,
          review_started_at: null,
          update_requested_at: null,
          update_request_reason: null,
        })
        .where('id', '=', id)
        .execute();
      const change = await trx
        .insertInto('catalog_change')
        .values({ entry_id: id, code: row.code, kind: 'retired', revision: row.revision })
        .returning('id')
        .executeTakeFirstOrThrow();
      await enqueueChange(trx, change.id);
      await record(ctx, trx, row, 'retire', 'retired', input.comment);
      return;
    }
    const content = row.status === 'change_review' ? row.pending! : row.content;
    // A system the content links may have been deleted since it was submitted: 400, not a foreign-key 500.
    await assertValidContent(trx, content);
    const revision = row.revision + 1;
    const departmentName = (await repo.departmentName(trx, row.department_id))!;
    await trx
      .updateTable('catalog_entry')
      .set({
        ...derivedColumns(content, departmentName),
        content: JSON.stringify(content),
        pending: null,
        status: 'published',
        revision,
        version: row.version + 1,
        updated_at: now,
        published_at: now,
        review_started_at: null,
        // An approved change answers the bureau's update request.
        update_requested_at: null,
        update_request_reason: null,
      })
      .where('id', '=', id)
      .execute()
      .catch((e: unknown) => rethrowUnique(e, uniqueFields));
    await repo.replaceSystems(trx, id, content.systemIds);
    await trx
      .insertInto('catalog_entry_version')
      .values({ entry_id: id, revision, content: JSON.stringify(content), published_by: ctx.principal.userId })
      .execute();
    const change = await trx
      .insertInto('catalog_change')
      .values({ entry_id: id, code: row.code, kind: revision === 1 ? 'published' : 'changed', revision })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueChange(trx, change.id);
    await record(ctx, trx, row, 'publish', 'published', input.comment, { revision });
  });
  return reload(ctx, access, id);
}

/** Deletes a draft that was never published. */
export async function deleteEntry(ctx: RequestContext, id: string, version: number) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(ctx, trx, access, id, version, 'compile');
    if (!['draft', 'returned'].includes(row.status) || row.revision > 0) throw invalid(row, 'delete');
    await trx.deleteFrom('catalog_entry').where('id', '=', id).execute();
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.entry.delete',
      targetType: 'catalog_entry',
      targetId: id,
      targetLabel: `${row.code} ${row.name}`,
    });
  });
}

export async function entryTimeline(ctx: RequestContext, id: string) {
  const access = await catalogAccess(ctx);
  await loadVisible(ctx, access, id);
  return (await repo.timeline(ctx.db, id)).map((e) => ({
    id: e.id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    actorName: e.actor_name,
    comment: e.comment,
    at: e.at,
  }));
}

export async function entryVersions(ctx: RequestContext, id: string) {
  const access = await catalogAccess(ctx);
  await loadVisible(ctx, access, id);
  return (await repo.versions(ctx.db, id)).map((v) => ({
    revision: v.revision,
    publishedAt: v.published_at,
    publishedBy: v.published_by_name,
    content: v.content,
  }));
}

/** The published change feed since a position. */
export async function changesSince(ctx: RequestContext, since: number, limit: number) {
  const rows = await repo.changes(ctx.db, since, limit);
  return {
    items: rows.map((r) => ({ id: r.id, entryId: r.entry_id, code: r.code, kind: r.kind, revision: r.revision, at: r.at })),
    next: rows.length > 0 ? rows[rows.length - 1]!.id : since,
  };
}

/**
 * The differences between two states of an entry: `from` and `to` are revisions, or `pending` for the
 * change being compiled. By default: the published content against the pending change when there is
 * one, else the previous revision against the current one.
 */
export async function entryDiff(ctx: RequestContext, id: string, from?: string, to?: string) {
  const access = await catalogAccess(ctx);
  const row = await loadVisible(ctx, access, id);
  const insider = access.visibility.all || access.visibility.departments.includes(row.department_id);
  const versions = await repo.versions(ctx.db, id);
  const resolve = (which: string): CatalogEntryContent => {
    if (which === 'pending') {
      if (!row.pending || !insider) throw notFound('pending change');
      return row.pending;
    }
    if (which === 'current') return row.content;
    const found = versions.find((v) => String(v.revision) === which);
    if (!found) throw notFound('catalog entry version');
    return found.content;
  };
  const fromKey = from ?? (row.pending && insider ? 'current' : String(Math.max(row.revision - 1, 0)));
  const toKey = to ?? (row.pending && insider ? 'pending' : 'current');
  if (fromKey === '0') return { from: fromKey, to: toKey, changes: [] };
  return { from: fromKey, to: toKey, changes: diffContent(resolve(fromKey), resolve(toKey)) };
}

/**
 * The bureau asks a department to update a published entry after a change in its duties (职责调整):
 * due within 10 working days, met when the department submits a change or a retirement.
 */
export async function requestUpdate(ctx: RequestContext, id: string, reason: string, version: number) {
  const access = await catalogAccess(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockForChange(ctx, trx, access, id, version, 'review');
    if (row.status !== 'published') throw invalid(row, 'request_update');
    await trx
      .updateTable('catalog_entry')
      .set({ update_requested_at: new Date(), update_request_reason: reason, version: row.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await record(ctx, trx, row, 'request_update', row.status, reason);
  });
  return reload(ctx, access, id);
}

/**
 * Figures of the catalog the caller may see: entries by status, what awaits review and what is
 * overdue (review after 5 working days, update requests after 10).
 */
export async function catalogStats(ctx: RequestContext, scope: 'all' | 'mine') {
  const access = await catalogAccess(ctx);
  const base = () => {
    let qb = ctx.db.selectFrom('catalog_entry as e').where(visibleTo(access.visibility));
    if (scope === 'mine') qb = qb.where('e.department_id', 'in', access.visibility.departments);
    return qb;
  };
  const byStatus = await base()
    .select(['e.status', sql<number>`count(*)`.as('n')])
    .groupBy('e.status')
    .execute();
  const complete = await base()
    .select(sql<number>`count(*)`.as('n'))
    .where('e.status', '=', 'published')
    .where((eb) => eb.or([eb('e.sharing_type', '=', 'none'), eb('e.mount_status', 'in', ['mounted', 'change_in_review'])]))
    .executeTakeFirstOrThrow();
  const dated = await base()
    .select(['e.review_started_at', 'e.update_requested_at', 'e.status'])
    .where((eb) => eb.or([eb('e.review_started_at', 'is not', null), eb('e.update_requested_at', 'is not', null)]))
    .execute();
  const now = new Date();
  let reviewPending = 0;
  let reviewOverdue = 0;
  let updateRequested = 0;
  let updateOverdue = 0;
  for (const row of dated) {
    if (row.review_started_at && ['submitted', 'change_review', 'retire_review'].includes(row.status)) {
      reviewPending++;
      if (deadlineStatus(row.review_started_at, REVIEW_LIMIT_DAYS, now).overdue) reviewOverdue++;
    }
    if (updateRequestOpen(row)) {
      updateRequested++;
      if (deadlineStatus(row.update_requested_at!, UPDATE_LIMIT_DAYS, now).overdue) updateOverdue++;
    }
  }
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]));
  return {
    byStatus: counts,
    published: counts.published ?? 0,
    publishedComplete: Number(complete.n),
    reviewPending,
    reviewOverdue,
    updateRequested,
    updateOverdue,
  };
}
