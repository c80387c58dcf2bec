import { toHalfWidth } from '@shuyuan/contracts';
import { readXlsx, XlsxError, type XlsxValue } from '../../platform/xlsx-read';
import type { ImportError } from './catalog-excel.schemas';
import { readCell } from './template-cells';
import {
  ENTRY_SHEET,
  ITEM_SHEET,
  columnLetter,
  entryColumns,
  itemColumns,
  type EntryField,
  type ItemField,
  type TemplateColumn,
} from './template';

/** One data row of a sheet: the values read, and the fields whose cells are wrong (already reported). */
export interface SheetRow<F extends string> {
  row: number;
  values: Partial<Record<F, unknown>>;
  bad: Set<F>;
}

/** Everything read from a workbook: its rows, the problems found cell by cell, the columns it lacks. */
export interface ReadWorkbook {
  entries: SheetRow<EntryField>[];
  items: SheetRow<ItemField>[];
  errors: ImportError[];
  /** Template columns absent from the file (reported once, as header errors). */
  missing: { entries: Set<EntryField>; items: Set<ItemField> };
  rows: number;
}

/** Columns that may be left out of a file (the template always has them). */
const OPTIONAL_COLUMNS = new Set<string>(['department']);

const headerKey = (value: unknown) =>
  toHalfWidth(String(value ?? ''))
    .replace(/[\s*]/g, '')
    .trim();

function readSheet<F extends string>(name: string, columns: readonly TemplateColumn<F>[], errors: ImportError[]) {
  let byIndex: (TemplateColumn<F> | undefined)[] = [];
  let present = new Set<TemplateColumn<F>>();
  // Columns with a blank header cell: values under them are reported once per column.
  let named = new Set<number>();
  const reported = new Set<number>();
  const err = (row: number | null, column: string | null, reason: string, kind: ImportError['kind']) =>
    errors.push({ sheet: name, row, column, reason, kind });
  return {
    /** Maps the header row (empty when row 1 is missing) to template columns; returns the columns the file lacks. */
    header(values: unknown[]): Set<F> {
      const seen = new Map<string, number>();
      byIndex = [];
      named = new Set();
      for (let i = 1; i < values.length; i++) {
        const key = headerKey(values[i]);
        if (!key) continue;
        named.add(i);
        const known = columns.find((c) => c.header === key);
        if (!known) err(1, key, `unknown column '${key}': the headers must be those of the template`, 'header_unknown');
        else if (seen.has(key)) err(1, key, `the column appears twice (also column ${columnLetter(seen.get(key)!)})`, 'header_duplicate');
        else {
          seen.set(key, i);
          byIndex[i] = known;
        }
      }
      present = new Set(byIndex.filter((c): c is TemplateColumn<F> => !!c));
      const missing = new Set<F>();
      for (const c of columns)
        if (!present.has(c) && !OPTIONAL_COLUMNS.has(c.field)) {
          missing.add(c.field);
          err(1, c.header, 'the column is missing', 'header_missing');
        }
      return missing;
    },
    /** Reads a data row; null when it is empty. */
    row(number: number, values: readonly (XlsxValue | undefined)[]): SheetRow<F> | null {
      const result: SheetRow<F> = { row: number, values: {}, bad: new Set() };
      let any = false;
      for (let i = 1; i < values.length; i++) {
        const c = byIndex[i];
        const cell = readCell(c?.kind ?? { type: 'text' }, values[i]);
        if (cell === null) continue;
        any = true;
        if (!c) {
          if (!named.has(i) && !reported.has(i)) {
            reported.add(i);
            err(number, columnLetter(i), 'a column without a header holds values', 'header_unknown');
          }
        } else if ('value' in cell) result.values[c.field] = cell.value;
        else {
          result.bad.add(c.field);
          err(number, c.header, cell.reason, cell.kind);
        }
      }
      if (!any) return null;
      for (const c of present)
        if (c.required && result.values[c.field] === undefined && !result.bad.has(c.field)) {
          result.bad.add(c.field);
          err(number, c.header, 'required', 'required');
        }
      return result;
    },
    /** The error of a merged range, at its top-left cell. */
    mergeError(ref: string): ImportError {
      const m = /^([A-Z]+)(\d+)/.exec(ref)!;
      const index = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const column = byIndex[index]?.header ?? columnLetter(index);
      return {
        sheet: name,
        row: Number(m[2]),
        column,
        reason: `merged cells ${ref}: unmerge them and fill every cell`,
        kind: 'merged_cells',
      };
    },
  };
}

/** What a caller hears while a workbook is read: rows read so far, bytes of the file read so far. */
export interface ReadProgress {
  onRows?(rows: number): void;
  onBytes?(bytes: number): void;
}

/**
 * Reads the template's two data sheets (`platform/xlsx-read.ts`), converting every cell for its column
 * and noting every problem a single cell or header can have.
 */
export async function readWorkbook(file: Uint8Array, progress: ReadProgress = {}): Promise<ReadWorkbook> {
  const onRows = progress.onRows;
  const result: ReadWorkbook = { entries: [], items: [], errors: [], missing: { entries: new Set(), items: new Set() }, rows: 0 };
  const seen = new Set<string>();
  try {
    for await (const sheet of readXlsx(file, { onBytes: progress.onBytes })) {
      const name = sheet.name;
      const isEntries = name === ENTRY_SHEET;
      if (!isEntries && name !== ITEM_SHEET) continue; // other sheets (the guide, notes) are not read
      seen.add(name);
      const parser = isEntries ? readSheet(ENTRY_SHEET, entryColumns, result.errors) : readSheet(ITEM_SHEET, itemColumns, result.errors);
      const rows = (isEntries ? result.entries : result.items) as SheetRow<string>[];
      let headerRead = false;
      for await (const row of sheet.rows()) {
        const values = row.values;
        if (!headerRead) {
          headerRead = true;
          const missing = parser.header(row.number === 1 ? values : []);
          if (isEntries) result.missing.entries = missing as Set<EntryField>;
          else result.missing.items = missing as Set<ItemField>;
          if (row.number === 1) continue;
        }
        const parsed = parser.row(row.number, values);
        if (parsed) rows.push(parsed);
        if (++result.rows % 500 === 0) onRows?.(result.rows);
      }
      if (!headerRead) {
        const missing = parser.header([]);
        if (isEntries) result.missing.entries = missing as Set<EntryField>;
        else result.missing.items = missing as Set<ItemField>;
      }
      for (const ref of sheet.merged) result.errors.push(parser.mergeError(ref));
    }
  } catch (error) {
    // Only the file's fault is the user's; anything else is ours and must not read as "your file is broken".
    if (!(error instanceof XlsxError)) throw error;
    const reason = `not a readable .xlsx workbook (${error.message})`;
    return { ...result, errors: [{ sheet: null, row: null, column: null, reason, kind: 'not_a_workbook' }] };
  }
  for (const name of [ENTRY_SHEET, ITEM_SHEET])
    if (!seen.has(name))
      result.errors.push({ sheet: name, row: null, column: null, reason: 'the sheet is missing', kind: 'sheet_missing' });
  onRows?.(result.rows);
  return result;
}
