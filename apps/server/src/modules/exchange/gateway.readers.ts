import { CompiledQuery, type Kysely } from 'kysely';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { FilterOp } from '@shuyuan/contracts';
import type { DB } from '../../db/schema';
import { LOOKUP_BATCH_MOST } from '../../platform/config';
import { escapeLike } from '../../db/like';
import type { ResolvedSource } from '../sources';

/** One condition on a source column; the value is always bound as a parameter. */
export interface ColumnCondition {
  column: string;
  op: FilterOp;
  value: string | number | readonly (string | number)[];
}

/** One page of rows from a source: conditions, keyset position and size. */
export interface RowQuery {
  table: string;
  columns: readonly string[];
  conditions: readonly ColumnCondition[];
  keyColumn: string;
  after: string | number | null;
  limit: number;
  timeoutMs: number;
}

/** Why a source could not answer: it refused or was unreachable, or it took too long. */
export class SourceReadError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'timeout',
    message: string,
    /** The source refused a value of the statement (a data or syntax error, SQLSTATE class 22 or 42), not the connection. */
    readonly refusedValue = false,
  ) {
    super(message);
  }
}

/** Whether a driver's error is the server refusing the statement's values (SQLSTATE class 22 or 42). */
const refusedValue = (sqlState: string | undefined) => !!sqlState && /^(22|42)/.test(sqlState);

/** Reads pages of rows; one per source (and time limit), pooled. */
export interface RowReader {
  read(query: RowQuery): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

type DatabaseSource = Extract<ResolvedSource, { kind: 'postgresql' | 'mysql' }>;

type Dialect = {
  quote: (name: string) => string;
  placeholder: (n: number) => string;
  anyOf: (col: string, first: number, count: number) => string;
};

const POSTGRES: Dialect = {
  quote: (name) => `"${name.replace(/"/g, '""')}"`,
  placeholder: (n) => `$${n}`,
  anyOf: (col, first) => `${col} = any($${first})`,
};
const MYSQL: Dialect = {
  quote: (name) => `\`${name.replace(/`/g, '``')}\``,
  placeholder: () => '?',
  anyOf: (col, _first, count) => `${col} in (${Array.from({ length: count }, () => '?').join(', ')})`,
};

/** `schema.table` or `table`, each part quoted. */
function tableName(d: Dialect, table: string): string {
  const dot = table.indexOf('.');
  return dot < 0 ? d.quote(table) : `${d.quote(table.slice(0, dot))}.${d.quote(table.slice(dot + 1))}`;
}

/**
 * The page's SELECT with its parameters: conditions, then the keyset position, ordered by the key. Its
 * placeholders are numbered from `first` (a branch of a batch of lookups starts after the branches before it).
 */
function buildSelect(d: Dialect, q: RowQuery, first = 1, aliased = false): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return d.placeholder(first + params.length - 1);
  };
  for (const c of q.conditions) {
    const col = d.quote(c.column);
    switch (c.op) {
      case 'eq':
        where.push(`${col} = ${bind(c.value)}`);
        break;
      case 'gte':
        where.push(`${col} >= ${bind(c.value)}`);
        break;
      case 'lte':
        where.push(`${col} <= ${bind(c.value)}`);
        break;
      case 'prefix':
        where.push(`${col} like ${bind(`${escapeLike(String(c.value))}%`)}`);
        break;
      case 'in': {
        const values = Array.isArray(c.value) ? c.value : [c.value];
        if (d === POSTGRES) {
          where.push(d.anyOf(col, first + params.length, 1));
          params.push(values.map(String));
        } else {
          where.push(d.anyOf(col, first + params.length, values.length));
          params.push(...values);
        }
        break;
      }
    }
  }
  const key = d.quote(q.keyColumn);
  if (q.after !== null) where.push(`${key} > ${bind(q.after)}`);
  const text =
    `select ${selectedColumns(q)
      .map((c, i) => (aliased ? `${d.quote(c)} as ${d.quote(`c${i}`)}` : d.quote(c)))
      .join(', ')} from ${tableName(d, q.table)}` +
    (where.length ? ` where ${where.join(' and ')}` : '') +
    ` order by ${key} limit ${Math.max(1, Math.floor(q.limit))}`;
  return { text, params };
}

/** The columns a page selects: the asked ones and the key, each once, in that order. */
function selectedColumns(q: RowQuery): string[] {
  return [...new Set([...q.columns, q.keyColumn])];
}

/**
 * One statement for several lookups of the same shape: each lookup is a branch of a UNION ALL, exactly its own
 * query (conditions, keyset position, order and limit), tagged with its place in the batch; the rows come back
 * ordered by that place, then by the key, as each lookup alone would order them. The columns are named by their
 * position (c0, c1, …: no source column name can clash with the tag or with another, whatever its case), and
 * `selectedColumns` names them again.
 */
function buildBatch(d: Dialect, queries: readonly RowQuery[]): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const branches = queries.map((q, i) => {
    const branch = buildSelect(d, q, params.length + 1, true);
    params.push(...branch.params);
    return `(select ${i} as sy_place, ${branch.text.slice('select '.length)})`;
  });
  const keyPosition = selectedColumns(queries[0]!).indexOf(queries[0]!.keyColumn) + 2;
  return { text: `select * from (${branches.join(' union all ')}) sy_batch order by 1, ${keyPosition}`, params };
}

/** The platform's own copy (物理接入): a table of the store in the platform's database. */
export function physicalReader(db: Kysely<DB>): RowReader {
  return {
    async read(q) {
      const { text, params } = buildSelect(POSTGRES, q);
      try {
        const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, params));
        return result.rows;
      } catch (error) {
        throw new SourceReadError('unavailable', (error as Error).message);
      }
    },
    async close() {},
  };
}

const PG_TIMEOUT_CODES = new Set(['57014']); // query_canceled: statement_timeout
/** A prepared statement the connection should hold is missing or taken: a transaction-mode pooler in between. */
const PREPARED_LOST = new Set(['26000', '42P05']);

/** Connections the gateway opens to one PostgreSQL or MySQL source (per time limit). */
const SOURCE_CONNECTIONS = 8;

/** Why a PostgreSQL source failed, as the gateway tells it: its time limit, or anything else. */
function postgresError(error: unknown): SourceReadError {
  const e = error as { code?: string; message?: string };
  const timedOut = (e.code && PG_TIMEOUT_CODES.has(e.code)) || /timeout/i.test(e.message ?? '');
  return new SourceReadError(timedOut ? 'timeout' : 'unavailable', e.message ?? String(error), !timedOut && refusedValue(e.code));
}

/** Why a MySQL or MariaDB source failed, as the gateway tells it. */
function mysqlError(error: unknown): SourceReadError {
  const e = error as { code?: string; message?: string; sqlState?: string };
  const timedOut = e.code === 'PROTOCOL_SEQUENCE_TIMEOUT' || e.code === 'ETIMEDOUT' || /timeout/i.test(e.message ?? '');
  return new SourceReadError(timedOut ? 'timeout' : 'unavailable', e.message ?? String(error), !timedOut && refusedValue(e.sqlState));
}

/** How a database source runs one statement; each throws a SourceReadError. */
interface Statements {
  /** The rows as objects keyed by column name. */
  objects(text: string, values: unknown[]): Promise<Record<string, unknown>[]>;
  /** The rows as arrays of values, with the columns' names. */
  arrays(text: string, values: unknown[]): Promise<{ columns: string[]; rows: unknown[][] }>;
  close(): Promise<void>;
}

/** The share of an API's time limit a batch of lookups may take, by what its lookups cost so far. */
const BATCH_SHARE_OF_LIMIT = 0.25;

/** A lookup waiting for one of the source's connections. */
interface Waiting {
  query: RowQuery;
  text: string;
  params: unknown[];
  resolve: (rows: Record<string, unknown>[]) => void;
  reject: (error: SourceReadError) => void;
}

/**
 * A database source's reader (逻辑接入) over SOURCE_CONNECTIONS connections. Lookups are grouped by statement:
 * those that arrive in the same turn of the event loop, or while every connection is busy, go as one statement of
 * up to `batchMost` lookups (`buildBatch`) on the next free connection. A busy gateway sends the provider's
 * database one round trip for many lookups instead of one each; a quiet one waits no more than the end of the
 * current turn. With `batchMost` 1 every lookup goes alone, at once.
 */
function batchingReader(d: Dialect, statements: Statements, batchMost: number, timeoutMs: number): RowReader {
  /** What one lookup of a statement costs, in ms: a moving average of what the source took, by statement. */
  const costs = new Map<string, number>();
  const learn = (text: string, ms: number) => {
    const was = costs.get(text);
    if (was === undefined && costs.size >= 1_000) costs.clear();
    costs.set(text, was === undefined ? ms : was * 0.8 + ms * 0.2);
  };
  /**
   * How many lookups of a statement go together: one until its cost is known, then as many as fit in a quarter of
   * the time limit by that cost, so that a heavy lookup (a scan the source has no index for) goes alone and a batch
   * never risks the limit that its lookups alone would keep.
   */
  const fits = (text: string) => {
    const cost = costs.get(text);
    if (cost === undefined) return 1;
    return Math.max(1, Math.min(batchMost, Math.floor((timeoutMs * BATCH_SHARE_OF_LIMIT) / Math.max(cost, 0.01))));
  };
  /** How a statement went: answered, past the time limit, or failed otherwise. */
  type Outcome = 'answered' | 'timeout' | 'failed';
  const alone = async (w: Waiting): Promise<Outcome> => {
    try {
      w.resolve(await statements.objects(w.text, w.params));
      return 'answered';
    } catch (error) {
      w.reject(error as SourceReadError);
      return (error as SourceReadError).kind === 'timeout' ? 'timeout' : 'failed';
    }
  };
  const together = async (group: Waiting[]): Promise<Outcome> => {
    const batch = buildBatch(
      d,
      group.map((w) => w.query),
    );
    let result: { columns: string[]; rows: unknown[][] };
    try {
      result = await statements.arrays(batch.text, batch.params);
    } catch (error) {
      const failed = error as SourceReadError;
      // One lookup's value can fail them all (a value its column's type refuses): each is asked alone, one after the
      // other on this same connection, so that it fails alone. A batch past the time limit, or a source that refused
      // the connection, fails them all: asking again would only add to the load of a source in trouble.
      if (!failed.refusedValue) {
        for (const w of group) w.reject(failed);
        return failed.kind === 'timeout' ? 'timeout' : 'failed';
      }
      for (const w of group) await alone(w);
      return 'failed';
    }
    const columns = ['sy_place', ...selectedColumns(group[0]!.query)];
    const pages = group.map((): Record<string, unknown>[] => []);
    for (const values of result.rows) {
      const row: Record<string, unknown> = {};
      for (let c = 1; c < columns.length; c++) row[columns[c]!] = values[c];
      const page = pages[Number(values[0])];
      if (!page) {
        const strange = new SourceReadError('unavailable', 'the source answered a batch of lookups with rows of no lookup');
        for (const w of group) w.reject(strange);
        return 'failed';
      }
      page.push(row);
    }
    group.forEach((w, i) => w.resolve(pages[i]!));
    return 'answered';
  };
  const waiting = new Map<string, Waiting[]>();
  let busy = 0;
  let closed = false;
  /** Whether a pump is due at the end of this turn of the event loop. */
  let scheduled = false;
  const pump = () => {
    while (busy < SOURCE_CONNECTIONS && waiting.size > 0) {
      const [text, queue] = waiting.entries().next().value!;
      const group = queue.splice(0, fits(text));
      // What is left of a long queue goes behind the other statements' queues.
      waiting.delete(text);
      if (queue.length > 0) waiting.set(text, queue);
      busy++;
      const started = performance.now();
      const run = async (): Promise<Outcome> => {
        try {
          return await (group.length === 1 ? alone(group[0]!) : together(group));
        } catch (error) {
          // Nothing should throw here; if something does, its lookups are answered rather than left waiting.
          const failed = new SourceReadError('unavailable', (error as Error).message);
          for (const w of group) w.reject(failed);
          return 'failed';
        }
      };
      void run()
        .then((outcome) => {
          if (outcome === 'answered') learn(text, (performance.now() - started) / group.length);
          else if (outcome === 'timeout') learn(text, timeoutMs);
        })
        .finally(() => {
          busy--;
          pump();
          if (busy === 0 && waiting.size === 0) idle?.();
        });
    }
  };
  /** Called once nothing waits or runs, while a close waits for that. */
  let idle: (() => void) | null = null;
  return {
    read(q) {
      if (closed) return Promise.reject(new SourceReadError('unavailable', 'the source reader is closed'));
      const { text, params } = buildSelect(d, q);
      return new Promise((resolve, reject) => {
        let queue = waiting.get(text);
        if (!queue) waiting.set(text, (queue = []));
        queue.push({ query: q, text, params, resolve, reject });
        if (batchMost === 1) pump();
        else if (!scheduled) {
          scheduled = true;
          setImmediate(() => {
            scheduled = false;
            pump();
          });
        }
      });
    },
    /** Takes no more lookups, answers those it holds (a source's new version replaces a reader in use), then closes. */
    async close() {
      closed = true;
      pump();
      if (busy > 0 || waiting.size > 0) await new Promise<void>((resolve) => (idle = resolve));
      await statements.close();
    },
  };
}

/** A provider's PostgreSQL, queried live through a small read-only pool. */
function postgresReader(source: DatabaseSource, timeoutMs: number, batchMost: number): RowReader {
  const pool = new pg.Pool({
    host: source.settings.host.replace(/^\[(.*)\]$/, '$1'),
    port: source.settings.port,
    database: source.settings.database,
    user: source.settings.user,
    password: async () => source.password ?? '',
    max: SOURCE_CONNECTIONS,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: Math.min(timeoutMs, 5_000),
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1_000,
    application_name: 'shuyuan-gateway',
    options: '-c default_transaction_read_only=on',
  });
  pool.on('error', () => {});
  // Lookups run as named prepared statements (parsed and planned once per connection, not per call), until the
  // source shows it cannot keep them — a pooler in transaction mode in front of it — and they run unnamed.
  let prepare = true;
  const names = new Map<string, string>();
  /** The statement's name; past a thousand different statements (never, with declared parameters), new ones go unnamed. */
  const nameOf = (text: string): string | undefined => {
    if (!names.has(text) && names.size < 1_000) names.set(text, `sy_lookup_${names.size}`);
    return names.get(text);
  };
  const run = async (text: string, values: unknown[], rowMode?: 'array') => {
    const name = prepare ? nameOf(text) : undefined;
    try {
      try {
        return await pool.query<Record<string, unknown>>({ text, values, ...(name ? { name } : {}), ...(rowMode ? { rowMode } : {}) });
      } catch (error) {
        if (!name || !PREPARED_LOST.has((error as { code?: string }).code ?? '')) throw error;
        prepare = false;
        return await pool.query<Record<string, unknown>>({ text, values, ...(rowMode ? { rowMode } : {}) });
      }
    } catch (error) {
      throw postgresError(error);
    }
  };
  return batchingReader(
    POSTGRES,
    {
      objects: async (text, values) => (await run(text, values)).rows,
      arrays: async (text, values) => {
        const result = await run(text, values, 'array');
        return { columns: result.fields.map((f) => f.name), rows: result.rows as unknown as unknown[][] };
      },
      close: () => pool.end(),
    },
    batchMost,
    timeoutMs,
  );
}

/** A provider's MySQL or MariaDB, queried live through a small pool. */
function mysqlReader(source: DatabaseSource, timeoutMs: number, batchMost: number): RowReader {
  const pool = mysql.createPool({
    host: source.settings.host.replace(/^\[(.*)\]$/, '$1'),
    port: source.settings.port,
    database: source.settings.database,
    user: source.settings.user,
    password: source.password ?? '',
    connectionLimit: SOURCE_CONNECTIONS,
    connectTimeout: Math.min(timeoutMs, 5_000),
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  return batchingReader(
    MYSQL,
    {
      objects: async (sql, values) => {
        try {
          const [rows] = await pool.query({ sql, values, timeout: timeoutMs });
          return rows as Record<string, unknown>[];
        } catch (error) {
          throw mysqlError(error);
        }
      },
      arrays: async (sql, values) => {
        try {
          const [rows, fields] = await pool.query({ sql, values, timeout: timeoutMs, rowsAsArray: true });
          return { columns: fields.map((f) => f.name), rows: rows as unknown as unknown[][] };
        } catch (error) {
          throw mysqlError(error);
        }
      },
      close: () => pool.end(),
    },
    batchMost,
    timeoutMs,
  );
}

/** Reads the value at a dotted path (`data.items`) of a JSON answer. */
function atPath(value: unknown, path: string | null): unknown {
  if (!path) return value;
  return path
    .split('.')
    .reduce<unknown>((v, part) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined), value);
}

/** Keeps the rows that meet every condition, compared on raw values as the database would. */
function filterRows(rows: readonly Record<string, unknown>[], q: RowQuery): Record<string, unknown>[] {
  const meets = (row: Record<string, unknown>, c: ColumnCondition) => {
    const raw = row[c.column];
    if (raw === null || raw === undefined) return false;
    const v = String(raw);
    const compare = (x: string | number) =>
      typeof x === 'number' && typeof raw === 'number' ? raw - x : v < String(x) ? -1 : v > String(x) ? 1 : 0;
    switch (c.op) {
      case 'eq':
        return compare(c.value as string | number) === 0;
      case 'gte':
        return compare(c.value as string | number) >= 0;
      case 'lte':
        return compare(c.value as string | number) <= 0;
      case 'prefix':
        return v.startsWith(String(c.value));
      case 'in':
        return (Array.isArray(c.value) ? c.value : [c.value]).some((x) => compare(x) === 0);
    }
  };
  const key = (row: Record<string, unknown>) => row[q.keyColumn] as string | number;
  return rows
    .filter((row) => q.conditions.every((c) => meets(row, c)))
    .filter((row) => q.after === null || String(key(row)) > String(q.after))
    .sort((a, b) => (String(key(a)) < String(key(b)) ? -1 : String(key(a)) > String(key(b)) ? 1 : 0))
    .slice(0, q.limit);
}

/**
 * A department's own HTTP API (an http_json source): the equality conditions go along as query
 * parameters, and the answer is filtered again here, so a row outside the grant never leaves
 * even when the department's API ignores a parameter.
 */
function forwardReader(source: Extract<ResolvedSource, { kind: 'http_json' }>, timeoutMs: number): RowReader {
  return {
    async read(q) {
      const base = source.settings.url.replace(/\/+$/, '');
      const url = new URL(q.table.startsWith('/') ? `${base}${q.table}` : `${base}/${q.table}`);
      for (const c of q.conditions) if (c.op === 'eq') url.searchParams.set(c.column, String(c.value));
      let response: Response;
      try {
        response = await fetch(url, { headers: { accept: 'application/json', ...source.headers }, signal: AbortSignal.timeout(timeoutMs) });
      } catch (error) {
        const e = error as Error;
        throw new SourceReadError(e.name === 'TimeoutError' ? 'timeout' : 'unavailable', e.message);
      }
      if (!response.ok) throw new SourceReadError('unavailable', `the department's API answered ${response.status}`);
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new SourceReadError('unavailable', "the department's API did not answer JSON");
      }
      const rows = atPath(body, source.settings.jsonPath);
      const list = Array.isArray(rows) ? rows : rows && typeof rows === 'object' ? [rows] : [];
      return filterRows(
        list.filter((r): r is Record<string, unknown> => !!r && typeof r === 'object' && !Array.isArray(r)),
        q,
      );
    },
    async close() {},
  };
}

/** The reader of a logical or forwarded source. */
export function sourceReader(source: ResolvedSource, timeoutMs: number, batchMost = LOOKUP_BATCH_MOST): RowReader {
  switch (source.kind) {
    case 'postgresql':
      return postgresReader(source, timeoutMs, batchMost);
    case 'mysql':
      return mysqlReader(source, timeoutMs, batchMost);
    case 'http_json':
      return forwardReader(source, timeoutMs);
    case 'file':
      throw new SourceReadError('unavailable', 'a file source cannot be queried by the gateway');
  }
}
