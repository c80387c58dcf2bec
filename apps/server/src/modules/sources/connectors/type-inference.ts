import type { NormalizedType } from '../sources.schemas';
import type { ColumnInfo } from './connector';

/** How many records a file or an HTTP response is sampled over to infer its columns. */
export const SAMPLE_ROWS = 1_000;
/** Above this length a character column is reported as text. */
const TEXT_ABOVE = 4_000;

type Kind = 'int' | 'decimal' | 'bool' | 'date' | 'datetime' | 'time' | 'char' | 'other';

const INT = /^[-+]?(0|[1-9]\d{0,17})$/; // no leading zeros: 0012 and 18-digit ID numbers stay text
const DECIMAL = /^[-+]?(0|[1-9]\d*)?\.(\d+)$|^[-+]?(0|[1-9]\d*)\.(\d*)$/;
const DATE = /^(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?$/;
const DATETIME = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[T ](\d{1,2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TIME = /^([01]?\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?$/;

function validDate(m: RegExpExecArray): boolean {
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** The most specific kind a piece of text fits; `temporalOnly` keeps JSON strings as text unless they are dates. */
export function classifyText(text: string, temporalOnly = false): Kind {
  const t = text.trim();
  if (!temporalOnly) {
    if (INT.test(t)) return 'int';
    if (DECIMAL.test(t)) return 'decimal';
    if (/^(true|false)$/i.test(t)) return 'bool';
  }
  const date = DATE.exec(t);
  if (date && validDate(date)) return 'date';
  const datetime = DATETIME.exec(t);
  if (datetime && validDate(datetime)) return 'datetime';
  if (TIME.test(t)) return 'time';
  return 'char';
}

/** Joins two kinds into the narrowest one that holds both. */
function widen(a: Kind | null, b: Kind): Kind {
  if (a === null || a === b) return b;
  const pair = new Set([a, b]);
  if (pair.has('int') && pair.has('decimal')) return 'decimal';
  if (pair.has('date') && pair.has('datetime')) return 'datetime';
  if (pair.has('other')) return 'other';
  return 'char';
}

/** Collects the values of one column and infers its type, size and nullability. */
export class ColumnProfile {
  private kind: Kind | null = null;
  private readonly sourceTypes = new Set<string>();
  private maxLength = 0;
  private intDigits = 0;
  private scale = 0;
  private nulls = 0;
  private seen = 0;

  constructor(
    readonly name: string,
    private readonly temporalOnlyStrings = false,
  ) {}

  /** Adds one value: a string from a CSV, a cell value from XLSX, or a JSON value. */
  add(value: unknown): void {
    this.seen++;
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      this.nulls++;
      if (value === null) this.sourceTypes.add('null');
      return;
    }
    if (value instanceof Date) {
      this.sourceTypes.add('date');
      const midnight = value.getUTCHours() + value.getUTCMinutes() + value.getUTCSeconds() + value.getUTCMilliseconds() === 0;
      this.note(midnight ? 'date' : 'datetime', value.toISOString());
    } else if (typeof value === 'number') {
      this.sourceTypes.add('number');
      this.note(Number.isInteger(value) ? 'int' : 'decimal', String(value));
    } else if (typeof value === 'boolean') {
      this.sourceTypes.add('boolean');
      this.note('bool', String(value));
    } else if (typeof value === 'string') {
      this.sourceTypes.add('string');
      this.note(classifyText(value, this.temporalOnlyStrings), value.trim());
    } else {
      this.sourceTypes.add(Array.isArray(value) ? 'array' : 'object');
      this.note('other', JSON.stringify(value));
    }
  }

  private note(kind: Kind, text: string): void {
    this.kind = widen(this.kind, kind);
    this.maxLength = Math.max(this.maxLength, [...text].length);
    if (kind === 'int' || kind === 'decimal') {
      const [whole = '', fraction = ''] = text.replace(/^[-+]/, '').split('.');
      this.intDigits = Math.max(this.intDigits, whole.replace(/^0+(?=\d)/, '').length);
      this.scale = Math.max(this.scale, fraction.length);
    }
  }

  /** The inferred column at a 1-based position. */
  toColumn(position: number): ColumnInfo {
    const kind = this.kind ?? 'char';
    const normalizedType: NormalizedType = kind === 'char' && this.maxLength > TEXT_ABOVE ? 'text' : kind;
    const typed = [...this.sourceTypes].filter((t) => t !== 'null');
    return {
      name: this.name,
      position,
      dataType: typed.length ? typed.sort().join('|') : 'null',
      normalizedType,
      length: normalizedType === 'char' || normalizedType === 'text' ? Math.max(this.maxLength, 1) : null,
      precision: kind === 'decimal' ? this.intDigits + this.scale : null,
      scale: kind === 'decimal' ? this.scale : null,
      nullable: this.nulls > 0 || this.seen === 0,
      primaryKey: false,
      comment: null,
    };
  }
}

/** Column names from a header row: trimmed, blanks named by position, duplicates numbered. */
export function headerNames(cells: readonly unknown[]): string[] {
  const used = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = (cell === null || cell === undefined ? '' : String(cell)).trim() || `column_${i + 1}`;
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return count === 1 ? base : `${base}_${count}`;
  });
}
