import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyOutBuffer } from '../../../db/copy-out';
import { copyText, copyValue } from '../../../db/copy-text';
import type { JobColumn } from '../../../db/schema';
import { sm3 } from '../../../platform/crypto/provider';
import { postgresType, qualified, quoteIdent } from './sql-side';
import { SEQ_COLUMN, type TargetShape } from './upsert';

/**
 * A batch of rows in PostgreSQL's COPY text format (one line a row, tab-separated, `\N` for null, backslash
 * escapes): what a PostgreSQL-to-PostgreSQL batch carries from the source's COPY … TO STDOUT to the target's
 * COPY … FROM STDIN without being taken apart, and what a batch's evidence digest is computed over.
 */
export interface CopyBatch {
  data: Buffer;
  rows: number;
}

/**
 * The SM3 of a batch as COPY text, in hex: what a table batch's or a return batch's evidence leaf commits to,
 * whichever way its rows travelled (so both ends of a return flow compute the same).
 */
export function batchDigest(batch: CopyBatch): string {
  return sm3(batch.data).toString('hex');
}

/** batchDigest of rows of text values. */
export function rowsDigest(rows: readonly (readonly (string | null)[])[]): string {
  return sm3(copyText(rows)).toString('hex');
}

/** Rows as a COPY batch. */
export function copyBatchOf(rows: readonly (readonly (string | null)[])[]): CopyBatch {
  return { data: Buffer.from(copyText(rows), 'utf8'), rows: rows.length };
}

/** Runs `copy (select) to stdout` on the client; the rows as COPY text, written into `into` when given (grown if short). */
export async function copyOut(client: pg.ClientBase, select: string, into?: Buffer): Promise<CopyBatch> {
  return copyOutBuffer(client, `copy (${select}) to stdout`, into);
}

/** A COPY text field as its value: `\N` is null, escapes undone. */
export function copyField(field: string): string | null {
  if (field === '\\N') return null;
  if (!field.includes('\\')) return field;
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', v: '\v' })[c] ?? c);
}

/** The values of a batch's first row. */
export function firstRow(batch: CopyBatch): (string | null)[] {
  return batch.data.toString('utf8', 0, batch.data.indexOf(10)).split('\t').map(copyField);
}

/** The values of a batch's last row (to move a cursor on). */
export function lastRow(batch: CopyBatch): (string | null)[] {
  const end = batch.data.length - 1; // the final line end
  const start = batch.data.lastIndexOf(10, end - 1) + 1;
  return batch.data.toString('utf8', start, end).split('\t').map(copyField);
}

/**
 * The batch with some columns' values replaced (masks): only those fields are unescaped, changed and escaped
 * again; the rest of each line is copied as it is. `columns` in ascending order; written into `into` when given (grown if short).
 */
export function mapColumns(
  batch: CopyBatch,
  columns: readonly number[],
  change: (column: number, value: string | null) => string | null,
  into?: Buffer,
): CopyBatch {
  if (columns.length === 0 || batch.rows === 0) return batch;
  // Tabs and line ends are single bytes in UTF-8: the lines are walked as bytes, only the masked fields decoded, and
  // the result written into one buffer (no object per field: a million rows made that the job's garbage).
  const data = batch.data;
  let out = into ?? Buffer.allocUnsafe(data.length + (data.length >> 3) + 1024);
  let size = 0;
  const room = (n: number) => {
    if (size + n <= out.length) return;
    const grown = Buffer.allocUnsafe(Math.max(out.length * 2, size + n));
    out.copy(grown, 0, 0, size);
    out = grown;
  };
  let copied = 0;
  for (let line = 0; line < data.length;) {
    const end = data.indexOf(10, line);
    let start = line;
    let at = 0;
    for (const i of columns) {
      for (; at < i; at++) start = data.indexOf(9, start) + 1;
      let stop = data.indexOf(9, start);
      if (stop < 0 || stop > end) stop = end;
      const value = copyValue(change(i, copyField(data.toString('utf8', start, stop))));
      room(start - copied + value.length * 3);
      size += data.copy(out, size, copied, start);
      size += out.write(value, size, 'utf8');
      copied = stop;
      start = stop;
    }
    line = end + 1;
  }
  room(data.length - copied);
  size += data.copy(out, size, copied);
  return { data: out.subarray(0, size), rows: batch.rows };
}

/** Writes a batch straight into a table by COPY (the rows are known to be new); the rows written. */
export async function copyIn(client: pg.ClientBase, table: string, columns: readonly string[], batch: CopyBatch): Promise<number> {
  if (batch.rows === 0) return 0;
  const d = 'postgresql';
  const stream = client.query(copyFrom(`copy ${qualified(d, table)} (${columns.map((c) => quoteIdent(d, c)).join(', ')}) from stdin`));
  await pipeline(Readable.from([batch.data]), stream);
  return batch.rows;
}

/**
 * Upserts a batch into a PostgreSQL table through COPY: the rows go as text into a temporary table of this session,
 * then one INSERT … SELECT … ON CONFLICT moves them in, leaving unchanged rows (and their sequence number) alone.
 * Runs inside the caller's transaction when there is one. Returns the rows inserted or changed.
 */
export async function copyUpsert(client: pg.ClientBase, shape: TargetShape, batch: CopyBatch): Promise<number> {
  if (batch.rows === 0) return 0;
  const d = 'postgresql';
  const columns: readonly JobColumn[] = shape.columns;
  const stage = `sy_stage_${columns.length}`;
  await client.query(`create temp table if not exists ${stage} (${columns.map((_, i) => `a${i} text`).join(', ')})`);
  await client.query(`truncate ${stage}`);
  await pipeline(Readable.from([batch.data]), client.query(copyFrom(`copy ${stage} from stdin`)));
  const names = columns.map((c) => quoteIdent(d, c.name));
  const key = quoteIdent(d, shape.key);
  const others = columns.filter((c) => c.name !== shape.key).map((c) => quoteIdent(d, c.name));
  const cast = columns.map((c, i) => `a${i}::${postgresType(c)}`).join(', ');
  let text = `insert into ${qualified(d, shape.table)} as t (${names.join(', ')}) select ${cast} from ${stage} on conflict (${key}) do `;
  if (others.length === 0) text += 'nothing';
  else {
    const set = others.map((n) => `${n} = excluded.${n}`);
    if (shape.sequenced) set.push(`${quoteIdent(d, SEQ_COLUMN)} = nextval('public.exchange_store_seq')`);
    text += `update set ${set.join(', ')} where (${others.map((n) => `t.${n}`).join(', ')}) is distinct from (${others.map((n) => `excluded.${n}`).join(', ')})`;
  }
  const result = await client.query(text);
  return result.rowCount ?? 0;
}
