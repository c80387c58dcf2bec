import { z } from 'zod';
import { EntryQuery } from './catalog.schemas';

/** What is wrong with a cell, a row or the file, as a stable key the UI can translate. */
export const ImportErrorKind = z
  .enum([
    'not_a_workbook',
    'sheet_missing',
    'header_missing',
    'header_unknown',
    'header_duplicate',
    'merged_cells',
    'required',
    'invalid_code',
    'invalid_value',
    'duplicate_in_file',
    'duplicate_existing',
    'unknown_entry',
    'no_items',
    'unknown_department',
    'content_rule',
  ])
  .meta({ id: 'CatalogImportErrorKind' });
export type ImportErrorKind = z.infer<typeof ImportErrorKind>;

/** One problem of an uploaded workbook: where it is (sheet, 1-based row, column header) and why. */
export const ImportError = z
  .object({
    sheet: z.string().nullable(),
    row: z.number().int().nullable(),
    /** The column's header; the column letter for a column without one; null for a whole row or sheet. */
    column: z.string().nullable(),
    reason: z.string(),
    kind: ImportErrorKind,
    /** For `content_rule`: which compile rule (a code of `contentProblems`). */
    rule: z.string().optional(),
  })
  .meta({ id: 'CatalogImportError' });
export type ImportError = z.infer<typeof ImportError>;

/** At most this many errors are listed; `errorCount` still counts them all. */
export const MAX_LISTED_ERRORS = 10_000;

export const ImportResult = z
  .object({
    count: z.number().int(),
    /** The drafts created, in the order of the file's rows. */
    entries: z.array(z.object({ row: z.number().int(), id: z.uuid(), code: z.string(), name: z.string() })),
  })
  .meta({ id: 'CatalogImportResult' });

export const ImportJobStatus = z.enum(['queued', 'validating', 'importing', 'done', 'failed']).meta({ id: 'CatalogImportJobStatus' });

/** A durable import job and how far it got. */
export const ImportJob = z
  .object({
    id: z.uuid(),
    status: ImportJobStatus,
    fileName: z.string(),
    fileSize: z.number().int(),
    /** Data rows of both sheets; null until the whole file has been read. */
    totalRows: z.number().int().nullable(),
    /** Data rows read and checked so far. */
    processedRows: z.number().int(),
    /** 0 to 1: the share of the file read while validating, then 1 once done. */
    progress: z.number(),
    /** Entries in the file; the entries created once done. */
    entryCount: z.number().int(),
    errorCount: z.number().int(),
    errors: z.array(ImportError),
    /** Why a failed job failed: IMPORT_INVALID (see `errors`), FORBIDDEN or INTERNAL_ERROR. */
    failureCode: z.string().nullable(),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    /** The entries a finished job created, in file order (the job's own page only; the list leaves them out). */
    entries: z.array(z.object({ row: z.number().int(), id: z.uuid(), code: z.string(), name: z.string() })),
  })
  .meta({ id: 'CatalogImportJob' });
export type ImportJob = z.infer<typeof ImportJob>;

export const ImportJobParams = z.strictObject({ id: z.uuid() });

/** The filters of GET /catalog/entries, without paging and facets: the export takes every match. */
export const ExportQuery = EntryQuery.omit({ limit: true, offset: true, facets: true });
export type ExportQuery = z.infer<typeof ExportQuery>;
