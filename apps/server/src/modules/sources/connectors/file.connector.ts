import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { readXlsx, XlsxError } from '../../../platform/xlsx-read';
import type { FileSettings } from '../sources.settings';
import { SourceError, type ColumnInfo, type Connector, type TableRef } from './connector';
import { ColumnProfile, SAMPLE_ROWS, headerNames } from './type-inference';

/** What reading a file found: its columns (from a sample), its rows and how it was read. */
export interface FileProfile {
  columns: ColumnInfo[];
  rowCount: number;
  encoding: 'utf-8' | 'gb18030' | null;
  delimiter: string | null;
  sheet: string | null;
}

/** Reads the first 64 KiB: UTF-8 when it decodes as such, else GB 18030 (what Chinese Excel exports). */
async function sniff(path: string): Promise<{ encoding: 'utf-8' | 'gb18030'; delimiter: string }> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    const head = buffer.subarray(0, bytesRead);
    let encoding: 'utf-8' | 'gb18030' = 'utf-8';
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    } catch {
      encoding = 'gb18030';
    }
    const firstLine = new TextDecoder(encoding).decode(head).split(/\r?\n/, 1)[0] ?? '';
    const counts = [',', '\t', ';', '|'].map((d) => [d, firstLine.split(d).length - 1] as const);
    const [delimiter] = counts.reduce((best, c) => (c[1] > best[1] ? c : best));
    return { encoding, delimiter };
  } finally {
    await handle.close();
  }
}

function decoder(encoding: string): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, text.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, text.decode());
    },
  });
}

/** Feeds a stream of records to `onRecord` until it returns false, closing every stream either way. */
async function consume(streams: readonly Readable[], onRecord: (record: unknown[]) => boolean): Promise<void> {
  let stopped = false;
  async function sink(records: AsyncIterable<unknown[]>) {
    for await (const record of records) {
      if (!onRecord(record)) {
        stopped = true;
        return;
      }
    }
  }
  // pipeline's typings do not cover an async generator after a variable list of streams.
  const run = pipeline as unknown as (...stages: unknown[]) => Promise<void>;
  await run(...streams, sink).catch((error: { code?: string }) => {
    // Returning early from the sink aborts the streams before it: that is how reading stops.
    if (!(stopped && error?.code === 'ABORT_ERR')) throw error;
  });
}

/** Header and sample of a file; with `countAll` it reads to the end to count the rows. */
class Profiler {
  profiles: ColumnProfile[] | null = null;
  rows = 0;
  constructor(private readonly countAll: boolean) {}

  /** Takes one row (the first is the header); false once nothing more is needed. */
  take(cells: readonly unknown[]): boolean {
    if (!this.profiles) {
      if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) return true;
      this.profiles = headerNames(cells).map((name) => new ColumnProfile(name));
      return true;
    }
    this.rows++;
    if (this.rows <= SAMPLE_ROWS) this.profiles.forEach((p, i) => p.add(cells[i]));
    return this.countAll || this.rows < SAMPLE_ROWS;
  }

  columns(): ColumnInfo[] {
    if (!this.profiles) throw new SourceError('read', 'NO_HEADER', 'the file has no header row');
    return this.profiles.map((p, i) => p.toColumn(i + 1));
  }
}

async function profileCsv(path: string, countAll: boolean): Promise<FileProfile> {
  const { encoding, delimiter } = await sniff(path);
  const profiler = new Profiler(countAll);
  const parser = parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
  const streams = encoding === 'utf-8' ? [createReadStream(path), parser] : [createReadStream(path), decoder(encoding), parser];
  await consume(streams, (record) => profiler.take(record));
  return { columns: profiler.columns(), rowCount: profiler.rows, encoding, delimiter, sheet: null };
}

async function profileXlsx(path: string, countAll: boolean): Promise<FileProfile> {
  const profiler = new Profiler(countAll);
  let sheet: string | null = null;
  try {
    // Stored files are bounded by SHUYUAN_SOURCE_FILE_MAX_MB; the reader needs the zip's directory at its end.
    for await (const worksheet of readXlsx(await readFile(path), { dates: true })) {
      sheet = worksheet.name;
      for await (const row of worksheet.rows()) {
        const values = Array.from(row.values.slice(1), (v) =>
          v !== null && typeof v === 'object' && !(v instanceof Date) ? null : (v ?? null),
        );
        if (!profiler.take(values)) break;
      }
      break; // the first worksheet is the table
    }
  } catch (error) {
    if (!(error instanceof XlsxError)) throw error;
    throw new SourceError('read', 'BAD_XLSX', `not a readable XLSX file: ${error.message}`);
  }
  return { columns: profiler.columns(), rowCount: profiler.rows, encoding: null, delimiter: null, sheet };
}

/** Reads a stored file: its header, a sample of its values and, with `countAll`, every row. */
export async function profileFile(path: string, format: 'csv' | 'xlsx', countAll = false): Promise<FileProfile> {
  try {
    return format === 'csv' ? await profileCsv(path, countAll) : await profileXlsx(path, countAll);
  } catch (error) {
    if (error instanceof SourceError) throw error;
    const code = (error as { code?: string }).code ?? null;
    throw new SourceError('read', code, (error as Error).message);
  }
}

/** The SHA-256 of a file, streamed. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** The one table of a file: the XLSX sheet name, else the file name without its extension. */
export function fileTableName(file: FileSettings): string {
  return file.sheet ?? basename(file.fileName, extname(file.fileName));
}

/** A stored CSV or XLSX file; `path` is where it lies, null before an upload. */
export function fileConnector(file: FileSettings | null, path: string | null): Connector {
  const stored = () => {
    if (!file || !path) throw new SourceError('read', 'NO_FILE', 'no file has been uploaded yet');
    return { file, path };
  };
  return {
    async probe() {
      const { file, path } = stored();
      const sha256 = await hashFile(path).catch((error: { code?: string; message?: string }) => {
        throw new SourceError('read', error.code ?? null, `the stored file cannot be read: ${error.message}`);
      });
      if (sha256 !== file.sha256) throw new SourceError('read', 'CHECKSUM_MISMATCH', 'the stored file no longer matches its SHA-256');
      const { columns } = await profileFile(path, file.format);
      return `${file.format.toUpperCase()} ${file.fileName}: ${file.rowCount} rows, ${columns.length} columns`;
    },
    async tables() {
      const { file } = stored();
      return [{ schema: null, name: fileTableName(file), kind: 'table' as const, estimatedRows: file.rowCount, comment: file.fileName }];
    },
    async columns(ref: TableRef) {
      const { file, path } = stored();
      if (ref.schema || ref.name !== fileTableName(file)) return null;
      return (await profileFile(path, file.format)).columns;
    },
  };
}
