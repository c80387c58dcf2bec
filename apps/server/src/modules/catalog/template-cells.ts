import { catalogCodes, toHalfWidth, valueOfCode } from '@shuyuan/contracts';
import type { ImportErrorKind } from './catalog-excel.schemas';
import type { XlsxValue } from '../../platform/xlsx-read';
import { LIST_SEPARATORS, type CellKind } from './template';

/** A cell's plain value: text, number, boolean or date; `{ error }` for a formula error (#N/A …). */
export type PlainCell = Exclude<XlsxValue, ''> | null;

/** A cell read for its column: the value, or why it cannot be used; null when the cell is empty. */
export type ReadCell = { value: unknown } | { reason: string; kind: ImportErrorKind } | null;

/** A cell as read (`platform/xlsx-read.ts`), its text trimmed; null when empty. */
function plainCell(value: XlsxValue | undefined): PlainCell {
  if (value === undefined) return null;
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

const BOOLEANS = new Map<string, boolean>([
  ...['是', 'y', 'yes', 'true', '1', '√', '✓'].map((t) => [t, true] as const),
  ...['否', 'n', 'no', 'false', '0', '×', '✗'].map((t) => [t, false] as const),
]);

/** Days between Excel's epoch (1899-12-30, after its 1900 leap-year quirk) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25569;

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

function dateOf(cell: Exclude<PlainCell, null>): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2958465) return null;
    return new Date((cell - EXCEL_EPOCH_DAYS) * 86400_000).toISOString().slice(0, 10);
  }
  if (typeof cell !== 'string') return null;
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(toHalfWidth(cell));
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

const bad = (reason: string, kind: ImportErrorKind = 'invalid_value') => ({ reason, kind });
const textOf = (cell: Exclude<PlainCell, null | { error: string }>) =>
  cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'boolean' ? (cell ? '是' : '否') : String(cell);

/** Allowed values of a code list, for messages: `1 基础 / 2 主题 / 3 部门`. */
function allowed(list: keyof typeof catalogCodes): string {
  return Object.values(catalogCodes[list] as Record<string, readonly [string, string]>)
    .map(([c, l]) => `${c} ${l}`)
    .join(' / ');
}

const codeCache = new Map<string, Map<string, unknown>>();
/** `valueOfCode`, remembered: a column holds few distinct values, and a workbook may hold a million cells. */
function cachedValueOfCode(list: keyof typeof catalogCodes, text: string): unknown {
  let values = codeCache.get(list);
  if (!values) codeCache.set(list, (values = new Map()));
  let value = values.get(text);
  if (value === undefined) {
    if (values.size > 1_000) values.clear();
    values.set(text, (value = valueOfCode(list, text)));
  }
  return value;
}

/** Reads one cell for its column's kind. */
export function readCell(kind: CellKind, raw: XlsxValue | undefined): ReadCell {
  const cell = plainCell(raw);
  if (cell === null) return null;
  if (typeof cell === 'object' && !(cell instanceof Date)) return bad(`the cell holds a formula error (${cell.error})`);
  switch (kind.type) {
    case 'text':
      return { value: textOf(cell) };
    case 'digits': {
      const t = typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 ? String(cell) : toHalfWidth(textOf(cell));
      if (!/^\d+$/.test(t) || t.length > kind.width) return bad(`'${textOf(cell)}' is not a number of ${kind.width} digits`);
      return { value: t.padStart(kind.width, '0') };
    }
    case 'code': {
      const value = cachedValueOfCode(kind.list, textOf(cell));
      return value === null
        ? bad(`'${textOf(cell)}' is neither a code nor a name of the list (${allowed(kind.list)})`, 'invalid_code')
        : { value };
    }
    case 'codes': {
      const parts = textOf(cell)
        .split(LIST_SEPARATORS)
        .map((p) => p.trim())
        .filter(Boolean);
      const values = parts.map((p) => cachedValueOfCode(kind.list, p));
      const wrong = parts.filter((_, i) => values[i] === null);
      if (wrong.length > 0)
        return bad(
          `${wrong.map((w) => `'${w}'`).join(', ')} neither a code nor a name of the list (${allowed(kind.list)})`,
          'invalid_code',
        );
      return { value: values };
    }
    case 'list':
      return {
        value: textOf(cell)
          .split(LIST_SEPARATORS)
          .map((p) => p.trim())
          .filter(Boolean),
      };
    case 'bool': {
      if (typeof cell === 'boolean') return { value: cell };
      if (cell === '是' || cell === '否') return { value: cell === '是' };
      const value = BOOLEANS.get(toHalfWidth(textOf(cell)).trim().toLowerCase());
      return value === undefined ? bad(`'${textOf(cell)}' is not 是 or 否`) : { value };
    }
    case 'date': {
      const value = dateOf(cell);
      return value === null ? bad(`'${textOf(cell)}' is not a date (YYYY-MM-DD)`) : { value };
    }
    case 'int': {
      const n = typeof cell === 'number' ? cell : /^\s*-?\d+\s*$/.test(toHalfWidth(textOf(cell))) ? Number(toHalfWidth(textOf(cell))) : NaN;
      return Number.isInteger(n) ? { value: n } : bad(`'${textOf(cell)}' is not a whole number`);
    }
  }
}
