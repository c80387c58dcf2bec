import type { JobColumn } from '../../../db/schema';
import { mysqlType, postgresType, qualified, quoteIdent, type SqlRunner } from './sql-side';

const MYSQL_ROWS_PER_STATEMENT = 2_000;

/** The column every store table has: the sequence number of the row's last change (what distribution reads after). */
export const SEQ_COLUMN = '_sy_seq';

export interface TargetShape {
  /** `schema.table` or `table`. */
  table: string;
  columns: readonly JobColumn[];
  key: string;
  /** A store table: rows carry SEQ_COLUMN. */
  sequenced: boolean;
  /** A column (text) set on every row written to the value given to upsertRows: the run that last sent it. */
  stamp?: string;
}

/** Creates the target table when it is missing (the key as primary key, text keys in byte order). */
export async function ensureTable(sql: SqlRunner, shape: TargetShape): Promise<void> {
  const d = sql.dialect;
  const dot = shape.table.indexOf('.');
  if (dot > 0 && d === 'postgresql') await sql.execute(`create schema if not exists ${quoteIdent(d, shape.table.slice(0, dot))}`, []);
  const columns = shape.columns.map((c) => {
    const isKey = c.name === shape.key;
    const type = d === 'postgresql' ? postgresType(c) + (isKey && postgresType(c) === 'text' ? ' collate "C"' : '') : mysqlType(c, isKey);
    return `${quoteIdent(d, c.name)} ${type}${isKey ? ' not null primary key' : ''}`;
  });
  if (shape.sequenced) columns.push(`${quoteIdent(d, SEQ_COLUMN)} bigint not null default nextval('public.exchange_store_seq')`);
  if (shape.stamp) columns.push(`${quoteIdent(d, shape.stamp)} text`);
  const suffix = d === 'mysql' ? ' default charset = utf8mb4' : '';
  await sql.execute(`create table if not exists ${qualified(d, shape.table)} (${columns.join(', ')})${suffix}`, []);
  if (shape.sequenced)
    await sql.execute(
      `create index if not exists ${quoteIdent(d, `${shape.table.slice(dot + 1)}_sy_seq_idx`.slice(0, 63))} on ${qualified(d, shape.table)} (${quoteIdent(d, SEQ_COLUMN)})`,
      [],
    );
}

/** A value as MySQL takes it: PostgreSQL's booleans ('t', 'true') become 1 and 0. */
function forMysql(value: string | null, column: JobColumn): string | number | null {
  if (value === null || column.type !== 'bool') return value;
  return value === 't' || value === 'true' || value === '1' ? 1 : 0;
}

/**
 * Inserts or updates rows by key. PostgreSQL: one statement of text arrays cast to the column types, rows
 * that did not change left alone (their sequence number too); the number of rows inserted or changed.
 * MySQL: one multi-row INSERT … ON DUPLICATE KEY UPDATE; the number of rows sent.
 */
export async function upsertRows(
  sql: SqlRunner,
  shape: TargetShape,
  rows: readonly (readonly (string | null)[])[],
  stampValue?: string,
): Promise<number> {
  if (rows.length === 0) return 0;
  const d = sql.dialect;
  // The stamp travels as one more text column with the same value on every row.
  const stamped = !!shape.stamp && stampValue !== undefined;
  const columns: JobColumn[] = stamped ? [...shape.columns, { name: shape.stamp!, type: 'text', dataType: 'text' }] : [...shape.columns];
  const values = stamped ? rows.map((r) => [...r, stampValue!]) : rows;
  const names = columns.map((c) => quoteIdent(d, c.name));
  const key = quoteIdent(d, shape.key);
  const others = columns.filter((c) => c.name !== shape.key).map((c) => quoteIdent(d, c.name));
  const table = qualified(d, shape.table);
  if (d === 'postgresql') {
    const arrays = columns.map((_, i) => values.map((r) => r[i] ?? null));
    const unnest = columns.map((_, i) => `$${i + 1}::text[]`).join(', ');
    const alias = columns.map((_, i) => `a${i}`).join(', ');
    const cast = columns.map((c, i) => `a${i}::${postgresType(c)}`).join(', ');
    let text = `insert into ${table} as t (${names.join(', ')}) select ${cast} from unnest(${unnest}) as u(${alias}) on conflict (${key}) do `;
    if (others.length === 0) text += 'nothing';
    else {
      const set = others.map((n) => `${n} = excluded.${n}`);
      if (shape.sequenced) set.push(`${quoteIdent(d, SEQ_COLUMN)} = nextval('public.exchange_store_seq')`);
      text += `update set ${set.join(', ')} where (${others.map((n) => `t.${n}`).join(', ')}) is distinct from (${others.map((n) => `excluded.${n}`).join(', ')})`;
      // A one-column row compares as a scalar in PostgreSQL: `(a) is distinct from (b)` is that already.
    }
    return sql.execute(text, arrays);
  }
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const update = others.length ? others.map((n) => `${n} = values(${n})`).join(', ') : `${key} = ${key}`;
  // A few thousand rows per statement keep it well under the server's max_allowed_packet.
  for (let start = 0; start < values.length; start += MYSQL_ROWS_PER_STATEMENT) {
    const chunk = values.slice(start, start + MYSQL_ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    for (const row of chunk) columns.forEach((c, i) => params.push(forMysql(row[i] ?? null, c)));
    await sql.execute(
      `insert into ${table} (${names.join(', ')}) values ${chunk.map(() => placeholders).join(', ')} on duplicate key update ${update}`,
      params,
    );
  }
  return rows.length;
}
