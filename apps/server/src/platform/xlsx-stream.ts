import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/**
 * exceljs's streaming reader, mended in two places (exceljs 4.4, the last release):
 *
 * - It decodes every chunk of XML on its own (`TextDecoder.decode(chunk)` without `stream: true`), so a
 *   Chinese character cut between two chunks becomes U+FFFD. Here the worksheets and the shared strings
 *   reach it already decoded by a streaming decoder.
 * - It does not report merged cells, which then read as empty. Here the merged ranges of each worksheet
 *   are collected as its XML streams past (`mergedRanges(sheet)`, complete once the sheet is read).
 *
 * Both hook exceljs's internal `_parseSharedStrings` and `_parseWorksheet`; `xlsx-stream.test.ts` reads
 * Chinese text across chunk boundaries and merged cells, so an upgrade that moves them fails there.
 * The catalog import has its own faster reader (`xlsx-read.ts`); this one serves uploaded source files,
 * whose profiles need exceljs's dates from cell styles.
 */
type Chunks = AsyncIterable<Buffer | string>;
interface ReaderInternals {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: Chunks, sheetNo: string): Generator<{ eventType: string; value: unknown }>;
}

const merges = new WeakMap<object, string[]>();
const MERGE = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;

/** The chunks as text, decoded across chunk boundaries; `onText` sees each piece. */
async function* decoded(chunks: Chunks, onText?: (text: string) => void): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    onText?.(text);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Collects `<mergeCell ref="…"/>` ranges from XML arriving in pieces. */
function mergeScanner(found: string[]): (text: string) => void {
  let tail = '';
  return (text) => {
    const all = tail + text;
    for (const m of all.matchAll(MERGE)) found.push(m[1]!);
    // Keep an unfinished tag for the next piece, never one already matched.
    const open = all.lastIndexOf('<');
    tail = open >= 0 && all.indexOf('>', open) < 0 ? all.slice(open) : '';
  };
}

const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;

class MendedWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  _parseSharedStrings(entry: NodeJS.ReadableStream) {
    return base._parseSharedStrings.call(this, Readable.from(decoded(entry as unknown as Chunks)));
  }

  *_parseWorksheet(iterator: Chunks, sheetNo: string) {
    const found: string[] = [];
    for (const event of base._parseWorksheet.call(this, decoded(iterator, mergeScanner(found)), sheetNo)) {
      if (event.eventType === 'worksheet') merges.set(event.value as object, found);
      yield event;
    }
  }
}

/**
 * A streaming reader of an .xlsx: worksheets emitted, shared strings cached; styles (which make date
 * cells read as dates) and hyperlinks only when asked for.
 */
export function openXlsxStream(
  input: Readable,
  options: { styles?: boolean; hyperlinks?: boolean } = {},
): ExcelJS.stream.xlsx.WorkbookReader {
  return new MendedWorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: options.styles ? 'cache' : 'ignore',
    hyperlinks: options.hyperlinks ? 'cache' : 'ignore',
    entries: 'ignore',
  });
}

/** The merged ranges (`B9:B10`) of a worksheet from `openXlsxStream`, complete once its rows are read. */
export function mergedRanges(sheet: object): readonly string[] {
  return merges.get(sheet) ?? [];
}
