import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';

/**
 * A reader of the cell values of an .xlsx workbook (ECMA-376 SpreadsheetML), sheet by sheet and row by
 * row, for imports: values only (styles, formulas and drawings are not read), each worksheet inflated
 * and scanned as it streams, so memory holds the shared strings and one chunk of XML, not the sheet.
 *
 * It replaces exceljs's streaming reader for imports (ADR 008): that reader spent most of an import's
 * time building objects per XML node, split Chinese characters cut between chunks and lost merged cells.
 */

/**
 * A cell's value: text, number, boolean, a formula error (`#N/A`…); a date is a Date when read with
 * `dates` (from the cell's number format), else its number (an Excel serial).
 */
export type XlsxValue = string | number | boolean | Date | { error: string };

/** One row: its 1-based number and its values by 1-based column number (absent cells are holes). */
export interface XlsxRow {
  number: number;
  values: (XlsxValue | undefined)[];
}

/** A worksheet: its name, its rows (read once), and its merged ranges (`B9:B10`), complete once the rows are read. */
export interface XlsxSheet {
  name: string;
  rows(): AsyncGenerator<XlsxRow>;
  merged: string[];
}

/** Why a file cannot be read as a workbook. */
export class XlsxError extends Error {
  override name = 'XlsxError';
}

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  dataOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The entries of a zip archive, from its central directory. */
function zipEntries(file: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let at = file.length - 22; at >= Math.max(0, file.length - 22 - 65_535); at--)
    if (file.readUInt32LE(at) === EOCD) {
      eocd = at;
      break;
    }
  if (eocd < 0) throw new XlsxError('not a zip archive');
  const count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== CENTRAL) throw new XlsxError('a broken zip directory');
    const flags = file.readUInt16LE(at + 8);
    const method = file.readUInt16LE(at + 10);
    const compressedSize = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const commentLength = file.readUInt16LE(at + 32);
    const local = file.readUInt32LE(at + 42);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (flags & 1) throw new XlsxError('an encrypted workbook');
    if (compressedSize === 0xffffffff || local === 0xffffffff) throw new XlsxError('a ZIP64 archive (too large)');
    if (local + 30 > file.length || file.readUInt32LE(local) !== LOCAL) throw new XlsxError(`a broken zip entry ${name}`);
    const dataOffset = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    if (dataOffset + compressedSize > file.length) throw new XlsxError(`a truncated zip entry ${name}`);
    entries.set(name.replace(/^\//, ''), { name, method, compressedSize, dataOffset });
  }
  return entries;
}

/** An entry's text, inflated and decoded as it streams; `onBytes` hears the compressed bytes consumed. */
async function* entryText(file: Buffer, entry: ZipEntry, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const data = file.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  const decoder = new StringDecoder('utf8');
  if (entry.method === 0) {
    onBytes?.(entry.dataOffset + data.length);
    yield decoder.write(data) + decoder.end();
    return;
  }
  if (entry.method !== 8) throw new XlsxError(`zip entry ${entry.name}: compression method ${entry.method} is not supported`);
  const inflate = createInflateRaw({ chunkSize: 128 * 1024 });
  const SLICE = 256 * 1024;
  // Fed slice by slice, so progress follows the bytes actually inflated.
  const feed = async () => {
    for (let at = 0; at < data.length; at += SLICE) {
      if (!inflate.write(data.subarray(at, at + SLICE))) await new Promise((done) => inflate.once('drain', done));
      onBytes?.(entry.dataOffset + Math.min(at + SLICE, data.length));
    }
    inflate.end();
  };
  const fed = feed().catch((error: unknown) => inflate.destroy(error as Error));
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      if (text) yield text;
    }
  } catch (error) {
    throw new XlsxError(`zip entry ${entry.name}: ${(error as Error).message}`);
  }
  await fed;
  const rest = decoder.end();
  if (rest) yield rest;
}

async function wholeText(file: Buffer, entries: Map<string, ZipEntry>, name: string): Promise<string | null> {
  const entry = entries.get(name);
  if (!entry) return null;
  let text = '';
  for await (const piece of entryText(file, entry)) text += piece;
  return text;
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(lt|gt|amp|quot|apos));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** XML text decoded: CDATA sections as they are, entities, then OOXML's `_xHHHH_` escapes of characters XML cannot hold. */
export function xmlText(raw: string): string {
  if (raw.includes('<![CDATA[')) {
    // Only the text between sections is decoded; a section's content is literal.
    let text = '';
    let at = 0;
    for (const m of raw.matchAll(CDATA)) {
      text += xmlText(raw.slice(at, m.index)) + m[1];
      at = m.index + m[0].length;
    }
    return text + xmlText(raw.slice(at));
  }
  if (!raw.includes('&') && !raw.includes('_x')) return raw;
  const text = raw.includes('&')
    ? raw.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
        if (name) return NAMED[name]!;
        const code = parseInt(hex ?? dec!, hex ? 16 : 10);
        if (code > 0x10ffff) throw new XlsxError(`a character reference &#${hex ? `x${hex}` : dec}; that is no character`);
        return String.fromCodePoint(code);
      })
    : raw;
  return text.includes('_x') ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

const attributePatterns = new Map<string, RegExp>();

/** The value of an attribute in a tag's text, by its exact (unprefixed) name. */
function attribute(tag: string, name: string): string | undefined {
  // The common spelling first (one space, double quotes), without a regular expression.
  const at = tag.indexOf(` ${name}="`);
  if (at >= 0) {
    const from = at + name.length + 3;
    const to = tag.indexOf('"', from);
    if (to >= 0) return xmlText(tag.slice(from, to));
  }
  let pattern = attributePatterns.get(name);
  if (!pattern) attributePatterns.set(name, (pattern = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(tag);
  return m ? xmlText(m[1] ?? m[2]!) : undefined;
}

const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;
const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*?)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;

/** The text of a string item (`<si>`, `<is>`): its runs joined, phonetic guides left out. */
function stringItem(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml;
  let text = '';
  for (const m of body.matchAll(TEXT_RUN)) if (m[1]) text += xmlText(m[1]);
  return text;
}

const SHARED_ITEM = /<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g;

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  return [...xml.matchAll(SHARED_ITEM)].map((m) => (m[1] ? stringItem(m[1]) : ''));
}

/** Resolves a relationship target against the folder of the part that holds it. */
function resolve(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

const RELATIONSHIP = /<(?:\w+:)?Relationship\b[^>]*>/g;

/** The relationships of a part: id → { type, target }. */
async function relationships(file: Buffer, entries: Map<string, ZipEntry>, part: string) {
  const folder = part.split('/').slice(0, -1).join('/');
  const name = `${folder ? `${folder}/` : ''}_rels/${part.split('/').pop()}.rels`;
  const xml = (await wholeText(file, entries, name)) ?? '';
  const found = new Map<string, { type: string; target: string }>();
  for (const [tag] of xml.matchAll(RELATIONSHIP)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target && attribute(tag, 'TargetMode') !== 'External')
      found.set(id, { type: attribute(tag, 'Type') ?? '', target: resolve(part, target) });
  }
  return found;
}

const SHEET = /<(?:\w+:)?sheet\b[^>]*>/g;
const ROW_START = /<((?:\w+:)?)row(?=[\s>/])/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?is>/;
const SHEET_DATA_END = /<\/(?:\w+:)?sheetData>|<(?:\w+:)?sheetData\s*\/>/g;
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([A-Z]+\d+(?::[A-Z]+\d+)?)["']/g;

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const NUM_FMT = /<(?:\w+:)?numFmt\b[^>]*>/g;
const CELL_XFS = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/;
const XF = /<(?:\w+:)?xf\b[^>]*>/g;

/** Whether a custom number format shows a date or time: y, m, d, h or s outside quoted text, colours and locales. */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[(?!h\]|m\]|s\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The indexes of the cell styles (`s`) whose number format is a date or time. */
function dateStyleIndexes(styles: string | null): Set<number> {
  const found = new Set<number>();
  if (!styles) return found;
  const custom = new Map<number, boolean>();
  for (const [tag] of styles.matchAll(NUM_FMT))
    custom.set(Number(attribute(tag, 'numFmtId')), isDateFormat(attribute(tag, 'formatCode') ?? ''));
  const xfs = CELL_XFS.exec(styles)?.[1] ?? '';
  let index = 0;
  for (const [tag] of xfs.matchAll(XF)) {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    if (custom.get(id) ?? BUILTIN_DATE_FORMATS.has(id)) found.add(index);
    index++;
  }
  return found;
}

/** The 1-based column number of a cell reference (`AB12` → 28); NaN without letters. */
function columnOf(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return i === 0 ? NaN : n;
}

/** The values of one `<row>`'s cells. */
function rowValues(xml: string, shared: readonly string[], dateStyles: ReadonlySet<number>, epoch: number): (XlsxValue | undefined)[] {
  const values: (XlsxValue | undefined)[] = [];
  let column = 0;
  for (const m of xml.matchAll(CELL)) {
    const tag = m[1]!;
    const ref = attribute(tag, 'r');
    column = ref ? columnOf(ref) : column + 1;
    if (!Number.isFinite(column) || column < 1 || column > 16_384) throw new XlsxError(`a cell reference '${ref}' out of range`);
    const body = m[2];
    if (!body) continue;
    const type = attribute(tag, 't') ?? 'n';
    if (type === 'inlineStr') {
      const inline = INLINE.exec(body);
      if (inline) values[column] = stringItem(inline[1]!);
      continue;
    }
    const v = VALUE.exec(body);
    if (!v) continue;
    const raw = v[1]!;
    // An empty value is an empty cell (not shared string 0, not the number 0); only a formula's text may be empty.
    if (type !== 'str' && raw.trim() === '') continue;
    switch (type) {
      case 's': {
        const text = shared[Number(raw)];
        if (text === undefined) throw new XlsxError(`a cell refers to shared string ${raw}, which does not exist`);
        values[column] = text;
        break;
      }
      case 'b':
        values[column] = raw.trim() === '1';
        break;
      case 'e':
        values[column] = { error: xmlText(raw) };
        break;
      case 'str':
      case 'd':
        values[column] = xmlText(raw);
        break;
      default: {
        const n = Number(raw);
        if (!Number.isFinite(n)) values[column] = xmlText(raw);
        // A number shown with a date format is a date: days since the workbook's epoch.
        else if (dateStyles.size > 0 && dateStyles.has(Number(attribute(tag, 's') ?? -1)))
          values[column] = new Date(epoch + Math.round(n * DAY_MS));
        else values[column] = n;
      }
    }
  }
  return values;
}

/** The rows of a worksheet as its XML streams past; the merged ranges after its rows go to `merged`. */
async function* sheetRows(
  text: AsyncGenerator<string>,
  shared: readonly string[],
  merged: string[],
  dateStyles: ReadonlySet<number>,
  epoch: number,
): AsyncGenerator<XlsxRow> {
  let buffer = '';
  // The XML after the rows (</sheetData> on), where the merged ranges are; small.
  let tail: string | null = null;
  let last = 0;
  for await (const piece of text) {
    if (tail !== null) {
      tail += piece;
      continue;
    }
    buffer += piece;
    let pos = 0;
    let incomplete = false;
    for (;;) {
      ROW_START.lastIndex = pos;
      const m = ROW_START.exec(buffer);
      if (!m) break;
      const open = buffer.indexOf('>', m.index);
      let end = -1;
      let body = '';
      if (open >= 0 && buffer[open - 1] === '/') end = open + 1;
      else if (open >= 0) {
        const close = `</${m[1]}row>`;
        const at = buffer.indexOf(close, open);
        if (at >= 0) {
          body = buffer.slice(open + 1, at);
          end = at + close.length;
        }
      }
      if (end < 0) {
        pos = m.index;
        incomplete = true;
        break;
      }
      const r = attribute(buffer.slice(m.index, open + 1), 'r');
      const number = r ? Number(r) : last + 1;
      if (!Number.isInteger(number) || number < 1) throw new XlsxError(`a row number '${r}' out of range`);
      last = number;
      pos = end;
      if (body) yield { number, values: rowValues(body, shared, dateStyles, epoch) };
    }
    if (!incomplete) {
      SHEET_DATA_END.lastIndex = pos;
      const done = SHEET_DATA_END.exec(buffer);
      if (done) {
        tail = buffer.slice(done.index);
        buffer = '';
        continue;
      }
      // Keep an unfinished tag for the next piece.
      const lt = buffer.lastIndexOf('<');
      pos = lt >= pos && buffer.indexOf('>', lt) < 0 ? lt : buffer.length;
    }
    buffer = buffer.slice(pos);
  }
  for (const m of (tail ?? buffer).matchAll(MERGE)) merged.push(m[1]!);
}

/**
 * The worksheets of an .xlsx file in workbook order. `onBytes` hears how far into the file (in bytes)
 * reading has come. Throws XlsxError when the file is not a readable workbook.
 */
export async function* readXlsx(
  bytes: Uint8Array,
  options: { onBytes?: (bytes: number) => void; dates?: boolean } = {},
): AsyncGenerator<XlsxSheet> {
  const { onBytes } = options;
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = zipEntries(file);
  const root = await relationships(file, entries, '');
  const workbookPart = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const workbook = await wholeText(file, entries, workbookPart);
  if (workbook === null) throw new XlsxError('no workbook part');
  const rels = await relationships(file, entries, workbookPart);
  const sharedPart = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target;
  const shared = sharedStrings(sharedPart ? await wholeText(file, entries, sharedPart) : null);
  const stylesPart = options.dates ? [...rels.values()].find((r) => r.type.endsWith('/styles'))?.target : undefined;
  const dateStyles = stylesPart ? dateStyleIndexes(await wholeText(file, entries, stylesPart)) : new Set<number>();
  // The 1904 date system (old Mac workbooks) counts from 1904-01-01, the usual one from 1899-12-30.
  const epoch = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](?:1|true)["']/.test(workbook) ? EPOCH_1904 : EPOCH_1900;
  for (const [tag] of workbook.matchAll(SHEET)) {
    const name = attribute(tag, 'name') ?? '';
    const id = /\s(?:\w+:)?id\s*=\s*(?:"([^"]*)"|'([^']*)')/
      .exec(tag)
      ?.slice(1)
      .find((v) => v !== undefined);
    const part = id ? rels.get(id)?.target : undefined;
    const entry = part ? entries.get(part) : undefined;
    if (!entry) throw new XlsxError(`the worksheet '${name}' has no part`);
    const merged: string[] = [];
    let read = false;
    yield {
      name,
      merged,
      rows: () => {
        if (read) throw new Error('a worksheet is read once');
        read = true;
        return sheetRows(entryText(file, entry, onBytes), shared, merged, dateStyles, epoch);
      },
    };
  }
}
