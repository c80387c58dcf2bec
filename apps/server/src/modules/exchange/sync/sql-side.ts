import type { FilterOp } from '@shuyuan/contracts';
import type { JobColumn } from '../../../db/schema';
import { escapeLike } from '../../../db/like';
import type { BucketSum, Grouping, KeyScope, KeySide } from './key-diff';

/** The two SQL dialects a table job speaks: PostgreSQL (the store, or a source or target) and MySQL/MariaDB. */
export type DialectName = 'postgresql' | 'mysql';

/** Runs one statement: rows as objects of text values, or the number of rows it changed. */
export interface SqlRunner {
  readonly dialect: DialectName;
  query(text: string, params: readonly unknown[]): Promise<Record<string, unknown>[]>;
  /** The same, each row an array of its values in select order (drivers that can). */
  queryArrays?(text: string, params: readonly unknown[]): Promise<unknown[][]>;
  execute(text: string, params: readonly unknown[]): Promise<number>;
}

/** A value bound into a condition; never spliced into the text. */
export interface Condition {
  column: string;
  op: FilterOp;
  value: string | number | readonly (string | number)[];
}

export const quoteIdent = (d: DialectName, name: string) =>
  d === 'postgresql' ? `"${name.replace(/"/g, '""')}"` : `\`${name.replace(/`/g, '``')}\``;

/** `schema.table` or `table`, each part quoted. */
export function qualified(d: DialectName, table: string): string {
  const dot = table.indexOf('.');
  return dot < 0 ? quoteIdent(d, table) : `${quoteIdent(d, table.slice(0, dot))}.${quoteIdent(d, table.slice(dot + 1))}`;
}

/**
 * Collects parameters in the dialect's placeholder style; or, with `inline` (a driver's literal escaping, for
 * statements that take no parameters such as COPY), writes each value as a quoted literal.
 */
class Binder {
  readonly params: unknown[] = [];
  constructor(
    private readonly d: DialectName,
    private readonly inline?: (value: string) => string,
  ) {}
  bind(value: unknown): string {
    if (this.inline) return value == null ? 'null' : this.inline(String(value));
    this.params.push(value);
    return this.d === 'postgresql' ? `$${this.params.length}` : '?';
  }
}

function conditionSql(d: DialectName, b: Binder, c: Condition): string {
  const col = quoteIdent(d, c.column);
  switch (c.op) {
    case 'eq':
      return `${col} = ${b.bind(c.value)}`;
    case 'gte':
      return `${col} >= ${b.bind(c.value)}`;
    case 'lte':
      return `${col} <= ${b.bind(c.value)}`;
    case 'prefix':
      return `${col} like ${b.bind(`${escapeLike(String(c.value))}%`)}`;
    case 'in': {
      const values = Array.isArray(c.value) ? c.value : [c.value];
      return `${col} in (${values.map((v) => b.bind(v)).join(', ')})`;
    }
  }
}

/** Where a table job reads from: the page after a cursor, by key (full) or by watermark then key (incremental). */
export interface PageCursor {
  key: string | null;
  watermark?: string | null;
}

/**
 * One table as a table job sees it: pages of rows as text, and the grouped key checksums of `findDeleted`.
 * `conditions` (a grant's row filter) narrow every read.
 */
export class SqlTable implements KeySide {
  private readonly d: DialectName;
  private readonly table: string;
  private readonly key: string;

  constructor(
    private readonly sql: SqlRunner,
    table: string,
    private readonly keyColumn: string,
    private readonly keyType: 'int' | 'text',
    private readonly conditions: readonly Condition[] = [],
  ) {
    this.d = sql.dialect;
    this.table = qualified(this.d, table);
    this.key = quoteIdent(this.d, keyColumn);
  }

  /** A column's value as text, the same on both dialects. */
  private text(column: string): string {
    const col = quoteIdent(this.d, column);
    return this.d === 'postgresql' ? `${col}::text` : `cast(${col} as char)`;
  }

  private where(b: Binder, extra: string[]): string {
    const parts = [...extra, ...this.conditions.map((c) => conditionSql(this.d, b, c))];
    return parts.length ? ` where ${parts.join(' and ')}` : '';
  }

  /** The next page of rows: each column as text (or null), in `columns` order. */
  async page(
    columns: readonly string[],
    after: PageCursor | null,
    limit: number,
    watermarkColumn?: string | null,
  ): Promise<(string | null)[][]> {
    const b = new Binder(this.d);
    const text = this.pageQuery(b, columns, after, limit, watermarkColumn);
    // Rows as arrays where the driver can: no object per row on a million-row copy.
    if (this.sql.queryArrays) return (await this.sql.queryArrays(text, b.params)).map((row) => row.map(textOf));
    const rows = await this.sql.query(text, b.params);
    return rows.map((row) => columns.map((_, i) => textOf(row[`c${i}`])));
  }

  /**
   * The SELECT of `page` with every value written as a literal by `escapeLiteral` (node-pg's, which quotes
   * backslashes too): for `COPY (…) TO STDOUT`, which takes no parameters. PostgreSQL only.
   */
  pageSelect(
    escapeLiteral: (value: string) => string,
    columns: readonly string[],
    after: PageCursor | null,
    limit: number,
    watermarkColumn?: string | null,
  ): string {
    if (this.d !== 'postgresql') throw new Error('pageSelect is for PostgreSQL');
    // COPY writes every value with its type's output function, as ::text would: no cast needed.
    return this.pageQuery(new Binder(this.d, escapeLiteral), columns, after, limit, watermarkColumn, false);
  }

  private pageQuery(
    b: Binder,
    columns: readonly string[],
    after: PageCursor | null,
    limit: number,
    watermarkColumn?: string | null,
    cast = true,
  ): string {
    const extra: string[] = [];
    let order = this.key;
    if (watermarkColumn) {
      const w = quoteIdent(this.d, watermarkColumn);
      extra.push(`${w} is not null`);
      if (after?.watermark != null) {
        const at = b.bind(after.watermark);
        extra.push(`(${w} > ${at} or (${w} = ${b.bind(after.watermark)} and ${this.key} > ${b.bind(after.key)}))`);
      }
      order = `${w}, ${this.key}`;
    } else if (after?.key != null) {
      extra.push(`${this.key} > ${b.bind(after.key)}`);
    }
    const select = columns.map((c, i) => `${cast ? this.text(c) : quoteIdent(this.d, c)} as c${i}`).join(', ');
    return `select ${select} from ${this.table}${this.where(b, extra)} order by ${order} limit ${Math.max(1, Math.floor(limit))}`;
  }

  /** The key's MD5 in hex, as both dialects compute it (of the key's text in UTF-8). */
  private md5(): string {
    return this.d === 'postgresql' ? `md5(${this.key}::text)` : `md5(${this.key})`;
  }

  private scope(b: Binder, scope: KeyScope): string | null {
    switch (scope.kind) {
      case 'all':
        return null;
      case 'range':
        return `(${this.key} >= ${b.bind(scope.lo.toString())} and ${this.key} < ${b.bind(scope.hi.toString())})`;
      case 'hash':
        return `left(${this.md5()}, ${scope.prefix.length}) = ${b.bind(scope.prefix)}`;
    }
  }

  async buckets(scope: KeyScope, grouping: Grouping): Promise<Map<string, BucketSum>> {
    const b = new Binder(this.d);
    const k = this.key;
    const pg = this.d === 'postgresql';
    const bucket =
      grouping.kind === 'int'
        ? pg
          ? `floor(${k} / ${grouping.width}::numeric)::text`
          : `cast(floor(${k} / ${grouping.width}) as char)`
        : `left(${this.md5()}, ${grouping.length})`;
    const term = pg
      ? `('x' || substr(${this.md5()}, 1, 8))::bit(32)::bigint`
      : `cast(conv(substr(${this.md5()}, 1, 8), 16, 10) as unsigned)`;
    const sum = pg ? `coalesce(sum(${term}), 0)::text` : `cast(coalesce(sum(${term}), 0) as char)`;
    const where = this.where(
      b,
      [this.scope(b, scope)].filter((p): p is string => !!p),
    );
    const rows = await this.sql.query(`select ${bucket} as b, count(*) as n, ${sum} as s from ${this.table}${where} group by 1`, b.params);
    const out = new Map<string, BucketSum>();
    for (const row of rows) out.set(textOf(row.b) ?? '', { n: Number(row.n), sum: textOf(row.s) ?? '0' });
    return out;
  }

  async keys(scopes: readonly KeyScope[]): Promise<string[]> {
    const b = new Binder(this.d);
    const parts = scopes.map((s) => this.scope(b, s));
    const any = parts.some((p) => p === null) ? [] : [`(${parts.join(' or ')})`];
    const rows = await this.sql.query(`select ${this.text(this.keyColumn)} as k from ${this.table}${this.where(b, any)}`, b.params);
    return rows.map((r) => textOf(r.k)!);
  }

  /** Whether the table holds no row (in the conditions' reach). */
  async isEmpty(): Promise<boolean> {
    const b = new Binder(this.d);
    return (await this.sql.query(`select 1 as one from ${this.table}${this.where(b, [])} limit 1`, b.params)).length === 0;
  }

  async count(): Promise<number> {
    const b = new Binder(this.d);
    const [row] = await this.sql.query(`select count(*) as n from ${this.table}${this.where(b, [])}`, b.params);
    return Number(row?.n ?? 0);
  }

  async bounds(): Promise<{ min: bigint; max: bigint } | null> {
    if (this.keyType !== 'int') return null;
    const b = new Binder(this.d);
    const [row] = await this.sql.query(
      `select ${this.minmax('min')} as lo, ${this.minmax('max')} as hi from ${this.table}${this.where(b, [])}`,
      b.params,
    );
    const lo = textOf(row?.lo);
    const hi = textOf(row?.hi);
    return lo == null || hi == null ? null : { min: BigInt(lo), max: BigInt(hi) };
  }

  private minmax(fn: 'min' | 'max') {
    return this.d === 'postgresql' ? `${fn}(${this.key})::text` : `cast(${fn}(${this.key}) as char)`;
  }

  /** Deletes rows by key; the number deleted. */
  async deleteKeys(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const b = new Binder(this.d);
    const list = keys.map((k) => b.bind(k)).join(', ');
    return this.sql.execute(`delete from ${this.table} where ${this.key} in (${list})`, b.params);
  }
}

/** A database value as text: what every table job moves. */
export function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The PostgreSQL type a copied column gets, from its normalized type. */
export function postgresType(c: Pick<JobColumn, 'type'> & { dataType?: string }): string {
  // A time with its zone keeps it: the source is read in UTC and the instant must not move.
  if (c.type === 'datetime' && /with time zone|timestamptz/i.test(c.dataType ?? '')) return 'timestamptz';
  switch (c.type) {
    case 'int':
      return 'bigint';
    case 'decimal':
      return 'numeric';
    case 'date':
      return 'date';
    case 'datetime':
      return 'timestamp';
    case 'time':
      return 'time';
    case 'bool':
      return 'boolean';
    default:
      return 'text';
  }
}

/** The MySQL/MariaDB type a distributed column gets. */
export function mysqlType(c: Pick<JobColumn, 'type'>, isKey: boolean): string {
  switch (c.type) {
    case 'int':
      return 'bigint';
    case 'decimal':
      return 'decimal(38,10)';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime(6)';
    case 'time':
      return 'time(6)';
    case 'bool':
      return 'tinyint(1)';
    default:
      return isKey ? 'varchar(255)' : 'longtext';
  }
}

/** A job's key is an integer or text: how its deletes are bucketed. */
export const keyTypeOf = (c: Pick<JobColumn, 'type'>): 'int' | 'text' => (c.type === 'int' ? 'int' : 'text');
