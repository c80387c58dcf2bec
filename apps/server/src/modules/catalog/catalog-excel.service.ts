import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { CatalogEntryContent, ErrorCode, Permission, contentProblems, entryNameKey } from '@shuyuan/contracts';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { AppError, forbidden, rethrowUnique } from '../../platform/errors';
import type { RequestContext } from '../identity';
import { MAX_LISTED_ERRORS, type ExportQuery, type ImportError } from './catalog-excel.schemas';
import { excelRepository as repo, type BulkEntry } from './catalog-excel.repository';
import { catalogAccess, resourceSegment, type CatalogAccess } from './entries.service';
import { derivedValues, entriesRepository } from './entries.repository';
import { matchingEntries, orderMatches } from './search.service';
import {
  ENTRY_SHEET,
  ITEM_SHEET,
  entryColumns,
  itemColumns,
  writeTemplate,
  type EntryField,
  type ExportEntry,
  type ItemField,
} from './template';
import { readWorkbook, type ReadWorkbook, type SheetRow } from './template-reader';

/** An entry of a valid workbook, ready to be written. */
export interface PreparedEntry {
  row: number;
  content: CatalogEntryContent;
  departmentId: string;
  departmentName: string;
}

/** What checking a workbook found: the entries when every row is valid, else every error. */
export interface CheckedWorkbook {
  entries: PreparedEntry[];
  errors: ImportError[];
  rows: number;
}

const entryHeader = new Map<string, string>(entryColumns.map((c) => [c.field, c.header]));
const itemHeader = new Map<string, string>(itemColumns.map((c) => [c.field, c.header]));
const sheetRank = (sheet: string | null) => (sheet === null ? 0 : sheet === ENTRY_SHEET ? 1 : sheet === ITEM_SHEET ? 2 : 3);
const columnRank = (e: ImportError) => {
  const columns: readonly { header: string }[] = e.sheet === ITEM_SHEET ? itemColumns : entryColumns;
  const i = columns.findIndex((c) => c.header === e.column);
  return i < 0 ? 100 : i;
};

/** Errors in reading order: sheet, row, then column as the template orders them. */
function sortErrors(errors: ImportError[]): ImportError[] {
  return errors.sort((x, y) => sheetRank(x.sheet) - sheetRank(y.sheet) || (x.row ?? 0) - (y.row ?? 0) || columnRank(x) - columnRank(y));
}

/** The IMPORT_INVALID error, listing at most MAX_LISTED_ERRORS of them. */
export function importInvalid(errors: ImportError[]): AppError {
  const sorted = sortErrors(errors);
  return new AppError(400, ErrorCode.ImportInvalid, {
    errors: sorted.slice(0, MAX_LISTED_ERRORS),
    errorCount: sorted.length,
    truncated: sorted.length > MAX_LISTED_ERRORS,
  });
}

/** Resolves 提供部门 names among the departments the caller may compile for; the default is its own. */
async function departmentResolver(ctx: RequestContext, access: CatalogAccess, entries: SheetRow<EntryField>[]) {
  const defaultId = ctx.principal.departmentId;
  const names = [...new Set(entries.map((e) => e.values.department).filter((n): n is string => typeof n === 'string'))];
  const found = await repo.departmentsNamed(ctx.db, names, access.compileScope);
  const byName = new Map<string, string[]>();
  for (const d of found) byName.set(d.name, [...(byName.get(d.name) ?? []), d.id]);
  const defaultName = (await entriesRepository.departmentName(ctx.db, defaultId)) ?? '';
  return (name: unknown): { id: string; name: string } | { reason: string } => {
    if (typeof name !== 'string') return { id: defaultId, name: defaultName };
    const ids = byName.get(name) ?? [];
    if (ids.length === 1) return { id: ids[0]!, name };
    return { reason: ids.length === 0 ? `no department '${name}' that you compile for` : `several departments are named '${name}'` };
  };
}

/**
 * Checks a read workbook as a whole: names unique in the file and in the catalog, every item linked to
 * an entry and every entry with items, the provider department, and each entry's content against its
 * schema and the compile rules. Problems of cells already reported while reading are not repeated.
 */
export async function checkWorkbook(ctx: RequestContext, access: CatalogAccess, read: ReadWorkbook) {
  const errors = [...read.errors];
  if (errors.some((e) => e.kind === 'not_a_workbook')) return { entries: [], errors, rows: read.rows } satisfies CheckedWorkbook;
  const add = (sheet: string, row: number, column: string | null, reason: string, kind: ImportError['kind']) =>
    errors.push({ sheet, row, column, reason, kind });

  const itemsByKey = new Map<string, SheetRow<ItemField>[]>();
  for (const item of read.items) {
    if (typeof item.values.entryName !== 'string') continue;
    const key = entryNameKey(item.values.entryName);
    const list = itemsByKey.get(key);
    if (list) list.push(item);
    else itemsByKey.set(key, [item]);
  }
  const firstRow = new Map<string, number>();
  for (const entry of read.entries) {
    if (typeof entry.values.name !== 'string') continue;
    const key = entryNameKey(entry.values.name);
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, entry.row);
    else
      add(
        ENTRY_SHEET,
        entry.row,
        '资源名称',
        `the same name as row ${first} (names ignore spaces, punctuation and width)`,
        'duplicate_in_file',
      );
  }
  for (const [key, items] of itemsByKey)
    if (!firstRow.has(key))
      for (const item of items)
        add(ITEM_SHEET, item.row, '资源名称', `no entry named '${item.values.entryName}' in ${ENTRY_SHEET}`, 'unknown_entry');

  const taken = await repo.takenNameKeys(ctx.db, [...firstRow.keys()]);
  const department = await departmentResolver(ctx, access, read.entries);
  const entries: PreparedEntry[] = [];
  for (const entry of read.entries) {
    const key = typeof entry.values.name === 'string' ? entryNameKey(entry.values.name) : null;
    if (key !== null && firstRow.get(key) !== entry.row) continue; // a duplicate, reported above
    if (key !== null && taken.has(key))
      add(ENTRY_SHEET, entry.row, '资源名称', 'an entry with this name already exists in the catalog', 'duplicate_existing');
    const items = key === null ? [] : (itemsByKey.get(key) ?? []);
    if (key !== null && items.length === 0)
      add(ENTRY_SHEET, entry.row, '资源名称', `the entry has no data items in ${ITEM_SHEET}`, 'no_items');
    const provider = department(entry.values.department);
    if ('reason' in provider) add(ENTRY_SHEET, entry.row, '提供部门', provider.reason, 'unknown_department');

    const { department: _department, ...fields } = entry.values;
    // An empty 共享方式 is no method (不予共享); information systems are not part of the template.
    const candidate = {
      sharingMethods: [],
      ...fields,
      systemIds: [],
      items: items.map(({ values: { entryName: _name, ...item } }) => item),
    };
    // Where a problem of the content sits; null when its cell was already reported or its column is missing.
    const reported = new Set<string>();
    const locate = (path: readonly PropertyKey[]): [string, number, string | null] | null => {
      const [head, index, field] = path;
      if (head === 'items' && typeof index === 'number' && items[index]) {
        const f = (typeof field === 'string' ? field : 'name') as ItemField;
        if (items[index].bad.has(f) || read.missing.items.has(f)) return null;
        return [ITEM_SHEET, items[index].row, itemHeader.get(f) ?? null];
      }
      if (head === 'items') return items.length === 0 ? null : [ENTRY_SHEET, entry.row, '资源名称'];
      const f = String(head) as EntryField;
      if (entry.bad.has(f) || read.missing.entries.has(f)) return null;
      return [ENTRY_SHEET, entry.row, entryHeader.get(f) ?? null];
    };
    const report = (path: readonly PropertyKey[], reason: string, kind: ImportError['kind'], rule?: string) => {
      const at = locate(path);
      if (!at || reported.has(at.join('\u0000'))) return;
      reported.add(at.join('\u0000'));
      errors.push({ sheet: at[0], row: at[1], column: at[2], reason, kind, ...(rule ? { rule } : {}) });
    };
    const parsed = CatalogEntryContent.safeParse(candidate);
    if (!parsed.success) for (const issue of parsed.error.issues) report(issue.path, issue.message, 'invalid_value');
    // The compile rules also run on content that failed its schema, on what could be read.
    let problems: ReturnType<typeof contentProblems> = [];
    try {
      const readable = { ...candidate, items: candidate.items.map((i) => ({ name: '', ...i })) };
      problems = contentProblems(parsed.success ? parsed.data : (readable as unknown as CatalogEntryContent));
    } catch {
      // Content too broken for the rules; its schema errors say why.
    }
    for (const p of problems)
      report(
        p.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
        p.reason,
        'content_rule',
        p.code,
      );
    if (parsed.success && !('reason' in provider))
      entries.push({ row: entry.row, content: parsed.data, departmentId: provider.id, departmentName: provider.name });
  }
  if (read.entries.length === 0 && !read.errors.some((e) => e.kind === 'sheet_missing'))
    errors.push({ sheet: ENTRY_SHEET, row: null, column: null, reason: 'the sheet holds no entries', kind: 'required' });
  return { entries: errors.length === 0 ? entries : [], errors, rows: read.rows } satisfies CheckedWorkbook;
}

/** An entry created by an import. */
export interface ImportedEntry {
  row: number;
  id: string;
  code: string;
  name: string;
}

/** Hooks of a job's final transaction: checking it still holds the job, and marking it done. */
export interface WriteHooks {
  importId: string | null;
  fileName: string;
  before?(trx: Transaction<DB>): Promise<void>;
  after?(trx: Transaction<DB>, count: number): Promise<void>;
}

/**
 * Creates every entry of a valid workbook as a draft in one transaction: codes reserved per
 * classification segment, bulk inserts, one timeline event per entry and one audit event for the import.
 */
export async function writeEntries(ctx: RequestContext, prepared: PreparedEntry[], hooks: WriteHooks): Promise<ImportedEntry[]> {
  // Derived columns (segmentation included) are computed before the transaction, which then stays short.
  const derived = prepared.map((p) => ({ p, segment: resourceSegment(p.content), ...derivedValues(p.content, p.departmentName) }));
  const counts = new Map<string, number>();
  for (const d of derived) counts.set(d.segment, (counts.get(d.segment) ?? 0) + 1);
  return ctx.db.transaction().execute(async (trx) => {
    await hooks.before?.(trx);
    const taken = await repo.takenNameKeys(
      trx,
      derived.map((d) => d.name_key),
    );
    if (taken.size > 0)
      throw importInvalid(
        derived
          .filter((d) => taken.has(d.name_key))
          .map((d) => ({
            sheet: ENTRY_SHEET,
            row: d.p.row,
            column: '资源名称',
            reason: 'an entry with this name already exists in the catalog',
            kind: 'duplicate_existing' as const,
          })),
      );
    const next = await repo.reserveSequences(trx, counts);
    const bulk: BulkEntry[] = derived.map(({ p, segment, doc, ...columns }) => {
      const sequence = next.get(segment)!;
      next.set(segment, sequence + 1);
      return {
        ...columns,
        ...doc,
        id: randomUUID(),
        code: `${segment}/${String(sequence).padStart(6, '0')}`,
        department_id: p.departmentId,
        content: p.content,
      };
    });
    await repo
      .insertEntries(trx, bulk, ctx.principal.userId)
      .catch((e: unknown) => rethrowUnique(e, { catalog_entry_name_key_idx: 'name', catalog_entry_code: 'code' }));
    const actor = { id: ctx.principal.userId, name: ctx.principal.displayName };
    await repo.insertImportEvents(
      trx,
      bulk.map((b, i) => ({ id: b.id, row: prepared[i]!.row })),
      actor,
      hooks.importId,
    );
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.entry.import',
      ...(hooks.importId ? { targetType: 'catalog_import', targetId: hooks.importId } : {}),
      targetLabel: hooks.fileName.slice(0, 200),
      details: { count: bulk.length, fileName: hooks.fileName },
    });
    await hooks.after?.(trx, bulk.length);
    return bulk.map((b, i) => ({ row: prepared[i]!.row, id: b.id, code: b.code, name: b.name }));
  });
}

/** Checks a workbook and, when every row is valid, imports it; otherwise throws IMPORT_INVALID and writes nothing. */
export async function importWorkbook(ctx: RequestContext, file: Buffer, fileName: string) {
  const access = await catalogAccess(ctx);
  const read = await readWorkbook(file);
  const checked = await checkWorkbook(ctx, access, read);
  if (checked.errors.length > 0) throw importInvalid(checked.errors);
  const entries = await writeEntries(ctx, checked.entries, { importId: null, fileName });
  return { count: entries.length, entries };
}

/** Writes the empty template. */
export function writeEmptyTemplate(out: Writable): Promise<void> {
  return writeTemplate(out);
}

const EXPORT_PAGE = 500;

/**
 * Plans an export of what GET /catalog/entries would list with the same filters (every match, not a
 * page), only entries the caller may see; the returned function writes them as the template, so that
 * the file imports again. Access and the list of matches are settled before anything is sent.
 */
export async function prepareExport(ctx: RequestContext, query: ExportQuery): Promise<(out: Writable) => Promise<void>> {
  const access = await catalogAccess(ctx);
  if (query.scope === 'review' && !access.canReview) throw forbidden(ErrorCode.Forbidden, { permission: Permission.CatalogReview });
  const ids = (await orderMatches(matchingEntries(ctx.db, access, query).select('e.id'), query).execute()).map((r) => r.id);
  async function* pages(): AsyncIterable<ExportEntry[]> {
    for (let i = 0; i < ids.length; i += EXPORT_PAGE) {
      const page = ids.slice(i, i + EXPORT_PAGE);
      const rows = await repo.contents(ctx.db, page);
      const byId = new Map(rows.map((r) => [r.id, { content: r.content, departmentName: r.department_name }]));
      yield page.map((id) => byId.get(id)).filter((r): r is ExportEntry => !!r);
    }
  }
  return (out) => writeTemplate(out, pages);
}
