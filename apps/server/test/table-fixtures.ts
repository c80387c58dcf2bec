import pg from 'pg';
import { sql, type Kysely } from 'kysely';
import type { CatalogItemInput } from '@shuyuan/contracts';
import type { DB } from '../src/db/schema';

/** A column of a generated source table: its name and the kind of values it holds. */
export type Col = { name: string; type: 'int' | 'decimal' | 'date' | 'datetime' | 'bool' | 'text' };

/** The source columns for an entry's data items (their English names, lower-cased), the first one the key. */
export function columnsOf(items: readonly CatalogItemInput[]): Col[] {
  return items
    .filter((item) => item.nameEn)
    .map((item) => {
      const t = item.dataType;
      const type: Col['type'] = t === 'int' || t === 'decimal' || t === 'date' || t === 'datetime' || t === 'bool' ? t : 'text';
      return { name: item.nameEn!.toLowerCase(), type };
    });
}

/** A generated value of row `i` for a column, as the database's own text; the key is unique, every 17th other value null. */
export function valueOf(col: Col, i: number, key: boolean): string | null {
  if (key) return col.type === 'int' ? String(i) : `K${String(i).padStart(7, '0')}`;
  if (i % 17 === 0) return null;
  switch (col.type) {
    case 'int':
      return String(i * 7);
    case 'decimal':
      return ((i % 1000) / 10).toFixed(2);
    case 'date':
      return new Date(Date.UTC(2020, 0, 1 + (i % 3000))).toISOString().slice(0, 10);
    case 'datetime':
      return new Date(Date.UTC(2024, 0, 1, 0, 0, i % 86_400)).toISOString().replace('T', ' ').slice(0, 19);
    case 'bool':
      return i % 3 === 0 ? 'true' : 'false';
    default:
      return `${col.name}-${i}-值`;
  }
}

export const pgType = (c: Col) =>
  ({ int: 'bigint', decimal: 'numeric(12,2)', date: 'date', datetime: 'timestamp', bool: 'boolean', text: 'text' })[c.type];
export const myType = (c: Col, key: boolean) =>
  ({ int: 'bigint', decimal: 'decimal(12,2)', date: 'date', datetime: 'datetime', bool: 'tinyint(1)', text: key ? 'varchar(64)' : 'text' })[
    c.type
  ];

/** Creates `table` in a live PostgreSQL with the columns (the first the primary key) and rows from..to. */
export async function createPgTable(live: pg.Client, table: string, cols: readonly Col[], rows: number): Promise<void> {
  await live.query(`create table ${table} (${cols.map((c, i) => `"${c.name}" ${pgType(c)}${i === 0 ? ' primary key' : ''}`).join(', ')})`);
  await insertPgRows(live, table, cols, 1, rows);
}

/** Inserts generated rows from..to (inclusive), a thousand per statement. */
export async function insertPgRows(live: pg.Client, table: string, cols: readonly Col[], from: number, to: number): Promise<void> {
  const names = cols.map((c) => `"${c.name}"`).join(', ');
  for (let start = from; start <= to; start += 1000) {
    const values: (string | null)[] = [];
    const tuples: string[] = [];
    for (let i = start; i <= Math.min(to, start + 999); i++) {
      tuples.push(`(${cols.map((_, j) => `$${values.length + j + 1}`).join(', ')})`);
      values.push(...cols.map((c, j) => valueOf(c, i, j === 0)));
    }
    await live.query(`insert into ${table} (${names}) values ${tuples.join(', ')}`, values);
  }
}

/** Every row of a PostgreSQL table as text, ordered by the first column (booleans as true/false). */
export async function pgRows(c: pg.Client | Kysely<DB>, table: string, cols: readonly Col[]): Promise<(string | null)[][]> {
  const select = cols.map((col) => `"${col.name}"::text`).join(', ');
  const text = `select ${select} from ${table} order by "${cols[0]!.name}"`;
  const rows =
    c instanceof pg.Client
      ? ((await c.query({ text, rowMode: 'array' })).rows as unknown[][])
      : (await sql.raw<Record<string, unknown>>(text).execute(c)).rows.map((r) => Object.values(r));
  return rows.map((r) => r.map((v) => (v == null ? null : String(v))));
}
