import { effectiveMask, type MaskType } from '@shuyuan/contracts';
import { hmacSm3 } from './crypto/provider';

/**
 * Field masking on the way out of the gateway (contracts §5). Filtering happens on raw values before
 * this; masking is the last step and fails closed: a mask that cannot be applied throws `MaskError`,
 * which callers turn into a refusal of the whole request, never into an unmasked value.
 *
 * Conventions:
 * - null and undefined become null under every mask.
 * - Text masks work on the value's string form: strings as they are, numbers, bigints and booleans via
 *   `String`, a `Date` as its ISO instant. Objects, arrays, buffers, symbols and functions are refused.
 * - Characters are Unicode code points, so a CJK Extension B character counts as one.
 * - Partial masks hide with '*' (Ranger uses x and n, which read as data to Chinese users) and never
 *   return a value in which nothing is hidden: a value no longer than what a mask keeps is all '*'.
 * - `redact` follows Ranger's MASK for ASCII; every non-ASCII character becomes '*', not only CJK, so
 *   Tibetan, Uyghur or Mongolian script and full-width digits cannot slip through unchanged.
 */

/** Why a mask could not be applied; never carries the value, which would leak into logs. */
export type MaskErrorReason = 'not_a_scalar' | 'not_a_date' | 'unknown_mask' | 'weak_key';

/** A mask that cannot be applied; callers refuse the request. */
export class MaskError extends Error {
  constructor(
    readonly type: string,
    readonly reason: MaskErrorReason,
    readonly field?: string,
  ) {
    super(`cannot apply mask '${type}'${field === undefined ? '' : ` to field '${field}'`}: ${reason}`);
    this.name = 'MaskError';
  }
}

type Masker = (value: unknown) => unknown;

/** Shortest pseudonym key accepted: a short key would let a dictionary of ID numbers be hashed offline. */
const MIN_KEY_BYTES = 16;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Applies one mask to one value; throws `MaskError` when it cannot. */
export function maskValue(type: MaskType, value: unknown, pseudonymKey: Buffer): unknown {
  return maskerFor(type, pseudonymKey)(value);
}

/**
 * One mask, checked once, as a function of a value (for code that masks column by column, such as table
 * distribution); a `MaskError` it throws names `field`.
 */
export function compileMask(type: MaskType, pseudonymKey: Buffer, field: string): (value: unknown) => unknown {
  let fn: Masker;
  try {
    fn = maskerFor(type, pseudonymKey);
  } catch (error) {
    throw withField(error, field);
  }
  return (value) => {
    try {
      return fn(value);
    } catch (error) {
      throw withField(error, field);
    }
  };
}

/**
 * A function that builds a new row holding only `fields`, in that order, each masked by
 * `masks[field]` (default 'none'); a listed field missing from the row is null. Every mask type is
 * checked here, once, so the per-row work is a loop over precomputed functions.
 */
export function compileMasks(
  fields: readonly string[],
  masks: Record<string, MaskType>,
  pseudonymKey: Buffer,
): (row: Record<string, unknown>) => Record<string, unknown> {
  const names = fields.slice();
  const types = names.map((field) => (Object.hasOwn(masks, field) ? masks[field]! : 'none'));
  const fns = names.map((field, i) => {
    try {
      return maskerFor(types[i]!, pseudonymKey);
    } catch (error) {
      throw withField(error, field);
    }
  });
  // Names Object.prototype also has ('constructor', '__proto__') must be read and written as own keys.
  const plain = names.map((field) => !(field in Object.prototype));
  const count = names.length;
  return (row) => {
    const out: Record<string, unknown> = {};
    let i = 0;
    try {
      for (; i < count; i++) {
        const field = names[i]!;
        if (plain[i]) out[field] = fns[i]!(row[field]);
        else {
          const value = fns[i]!(Object.hasOwn(row, field) ? row[field] : undefined);
          Object.defineProperty(out, field, { value, enumerable: true, writable: true, configurable: true });
        }
      }
    } catch (error) {
      throw withField(error, names[i]!);
    }
    return out;
  };
}

export { effectiveMask };

function withField(error: unknown, field: string): unknown {
  return error instanceof MaskError && error.field === undefined ? new MaskError(error.type, error.reason, field) : error;
}

function maskerFor(type: string, key: Buffer): Masker {
  switch (type) {
    case 'none':
      return (value) => value ?? null;
    case 'null':
      return () => null;
    case 'hash': {
      if (!(key instanceof Uint8Array) || key.length < MIN_KEY_BYTES) throw new MaskError(type, 'weak_key');
      return (value) => (value == null ? null : hmacSm3(key, textOf(value, type)).toString('hex'));
    }
    case 'date_show_year':
      return (value) => (value == null ? null : yearOf(value));
    default: {
      const mask = TEXT_MASKS.get(type);
      if (!mask) throw new MaskError(type, 'unknown_mask');
      return (value) => (value == null ? null : mask(textOf(value, type)));
    }
  }
}

const TEXT_MASKS = new Map<string, (text: string) => string>([
  ['redact', redact],
  ['show_last_4', (s) => keepEnds(s, 0, 4)],
  ['show_first_4', (s) => keepEnds(s, 4, 0)],
  ['name', (s) => keepEnds(s, 1, 0)],
  ['id_card_6_4', (s) => keepEnds(s, 6, 4)],
  ['id_card_1_1', (s) => keepEnds(s, 1, 1)],
  ['mobile', (s) => keepEnds(s, 3, 4)],
  ['landline', (s) => keepEnds(s, 4, 2)],
  ['address', (s) => keepEnds(s, Math.max(0, codePointLength(s) - 8), 0)],
  ['bank_card', bankCard],
  ['email', email],
  ['plate', (s) => keepEnds(s, 3, 1)],
]);

function textOf(value: unknown, type: string): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
      throw new MaskError(type, 'not_a_scalar');
  }
}

function redact(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += 'x';
    else if (c >= 65 && c <= 90) out += 'X';
    else if (c >= 48 && c <= 57) out += 'n';
    else if (c < 128) out += s[i];
    else {
      out += '*';
      if (isPair(s, i)) i++;
    }
  }
  return out;
}

/** Keeps `front` and `back` code points and replaces the rest by '*'; all '*' if nothing would be hidden. */
function keepEnds(s: string, front: number, back: number): string {
  const n = codePointLength(s);
  if (n <= front + back) return '*'.repeat(n);
  const hidden = '*'.repeat(n - front - back);
  if (n === s.length) return s.slice(0, front) + hidden + s.slice(s.length - back);
  return s.slice(0, offsetOf(s, front)) + hidden + s.slice(offsetOf(s, n - back));
}

function bankCard(s: string): string {
  let digits = '';
  for (const ch of s) if (ch !== '-' && ch.trim() !== '') digits += ch;
  const masked = Array.from(keepEnds(digits, 4, 4));
  const groups: string[] = [];
  for (let i = 0; i < masked.length; i += 4) groups.push(masked.slice(i, i + 4).join(''));
  return groups.join(' ');
}

function email(s: string): string {
  const at = s.lastIndexOf('@');
  if (at < 0) return '*'.repeat(codePointLength(s));
  // A one-character local part would be shown whole, so it is hidden too; '****' hides its length.
  const kept = codePointLength(s.slice(0, at)) > 1 ? s.slice(0, offsetOf(s, 1)) : '';
  return kept + '****' + s.slice(at);
}

function isPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Code points in `s`, counting a lone surrogate as one, as `for...of` does. */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) if (isPair(s, i)) i++;
  return n;
}

/** The UTF-16 offset of the `k`-th code point. */
function offsetOf(s: string, k: number): number {
  let i = 0;
  for (let n = 0; n < k && i < s.length; n++) i += isPair(s, i) ? 2 : 1;
  return i;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?)?$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * 'YYYY' of a Date or an ISO date or date-time string. An instant (a Date, or a string with an offset)
 * counts in Asia/Shanghai, as everywhere on the platform; a date or a date-time without an offset is taken
 * as written. Shanghai has been UTC+8 at every new year since 1901, so a fixed offset gives its year.
 */
function yearOf(value: unknown): string {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new MaskError('date_show_year', 'not_a_date');
    return formatYear(new Date(ms + SHANGHAI_OFFSET_MS).getUTCFullYear());
  }
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!m) throw new MaskError('date_show_year', 'not_a_date');
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const monthDays = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 60) {
    throw new MaskError('date_show_year', 'not_a_date');
  }
  const offset = m[7];
  if (offset === undefined) return formatYear(year);
  const offsetMinutes = offset === 'Z' || offset === 'z' ? 0 : offsetToMinutes(offset);
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second);
  return formatYear(new Date(wall.getTime() - offsetMinutes * 60_000 + SHANGHAI_OFFSET_MS).getUTCFullYear());
}

function offsetToMinutes(offset: string): number {
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  if (hours > 23 || minutes > 59) throw new MaskError('date_show_year', 'not_a_date');
  return (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function formatYear(year: number): string {
  if (!(year >= 0 && year <= 9999)) throw new MaskError('date_show_year', 'not_a_date');
  return String(year).padStart(4, '0');
}
