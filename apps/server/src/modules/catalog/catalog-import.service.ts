import { Permission } from '@shuyuan/contracts';
import { sql } from 'kysely';
import { notFound } from '../../platform/errors';
import type { RequestContext } from '../identity';
import type { ImportError, ImportJob } from './catalog-excel.schemas';
import { importJobsRepository as jobs, type ImportJobRow } from './catalog-import.repository';
import { catalogAccess } from './entries.service';

/** How many of a user's jobs the list shows. */
const RECENT_JOBS = 20;
/** How many created entries a job's page lists (a 10,000-entry import links the first ones). */
const MAX_LISTED_ENTRIES = 1000;

/** The API shape of a job; the list leaves the errors out. */
export function toJob(row: ImportJobRow, withErrors = true, entries: ImportJob['entries'] = []): ImportJob {
  return {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    fileSize: row.file_size,
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    progress: row.status === 'done' ? 1 : Math.round(Number(row.progress) * 1000) / 1000,
    entryCount: row.entry_count,
    errorCount: row.error_count,
    errors: withErrors ? (row.errors as ImportError[]) : [],
    failureCode: row.failure_code,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    entries,
  };
}

/** The entries a job created, from their `import` timeline events, in file order. */
async function createdEntries(ctx: RequestContext, jobId: string): Promise<ImportJob['entries']> {
  const rows = await ctx.db
    .selectFrom('catalog_event as ev')
    .innerJoin('catalog_entry as e', 'e.id', 'ev.entry_id')
    .select(['e.id', 'e.code', 'e.name', sql<number>`(ev.details->>'row')::int`.as('row')])
    .where('ev.action', '=', 'import')
    .where(sql<boolean>`ev.details->>'importId' = ${jobId}`)
    .orderBy(sql`(ev.details->>'row')::int`)
    .limit(MAX_LISTED_ENTRIES)
    .execute();
  return rows.map((r) => ({ row: Number(r.row), id: r.id, code: r.code, name: r.name }));
}

/**
 * Stores an uploaded workbook as a queued job for the worker, with the caller's department and the
 * permissions of this request (the job never runs with more).
 */
export async function enqueueImport(ctx: RequestContext, file: Buffer, fileName: string): Promise<ImportJob> {
  const p = ctx.principal;
  const row = await jobs.insert(ctx.db, {
    file_name: fileName.slice(0, 255),
    file_size: file.length,
    file,
    created_by: p.userId,
    department_id: p.departmentId,
    permissions: [...p.permissions].filter((x) => x === Permission.ScopeAll || x.startsWith('catalog.')),
    ip: ctx.actor.ip,
    user_agent: ctx.actor.userAgent?.slice(0, 300) ?? null,
  });
  return toJob(row);
}

/** A job, for its creator or whoever compiles for its department; others are told it does not exist. */
export async function getImportJob(ctx: RequestContext, id: string): Promise<ImportJob> {
  const row = await jobs.find(ctx.db, id);
  if (!row) throw notFound('catalog import');
  if (row.created_by !== ctx.principal.userId) {
    const scope = (await catalogAccess(ctx)).compileScope;
    if (scope !== null && !scope.has(row.department_id)) throw notFound('catalog import');
  }
  return toJob(row, true, row.status === 'done' ? await createdEntries(ctx, id) : []);
}

/** The caller's latest jobs, newest first, without their errors. */
export async function listImportJobs(ctx: RequestContext): Promise<ImportJob[]> {
  return (await jobs.listBy(ctx.db, ctx.principal.userId, RECENT_JOBS)).map((row) => toJob(row, false));
}
