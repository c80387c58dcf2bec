import mysql, { type RowDataPacket } from 'mysql2/promise';
import type { NormalizedType } from '../sources.schemas';
import type { DatabaseSettings } from '../sources.settings';
import {
  CONNECT_TIMEOUT_MS,
  MAX_TABLES,
  STATEMENT_TIMEOUT_MS,
  SourceError,
  lookupHost,
  networkError,
  type ColumnInfo,
  type Connector,
  type TableInfo,
  type TableRef,
} from './connector';

const CODE_STEPS: Record<string, SourceError['step']> = {
  ER_ACCESS_DENIED_ERROR: 'auth', // 1045 wrong user or password
  ER_HOST_NOT_PRIVILEGED: 'auth', // 1130 this host may not connect as the user
  ER_NOT_SUPPORTED_AUTH_MODE: 'auth',
  ER_ACCOUNT_HAS_BEEN_LOCKED: 'auth',
  ER_BAD_DB_ERROR: 'database', // 1049 unknown database
  ER_DBACCESS_DENIED_ERROR: 'permission', // 1044 no rights on the database
  ER_TABLEACCESS_DENIED_ERROR: 'permission',
  ER_COLUMNACCESS_DENIED_ERROR: 'permission',
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'permission',
  ER_CON_COUNT_ERROR: 'connect',
  ER_TOO_MANY_USER_CONNECTIONS: 'connect',
};

function classify(error: unknown, phase: 'connect' | 'read'): SourceError {
  if (error instanceof SourceError) return error;
  const network = networkError(error);
  if (network) return network;
  const e = error as { code?: string; sqlMessage?: string; message?: string };
  const message = e?.sqlMessage || e?.message || String(error);
  const step = e?.code ? CODE_STEPS[e.code] : undefined;
  return new SourceError(step ?? phase, e?.code ?? null, message);
}

/** Opens one connection, runs `fn`, and always closes it. */
async function withConnection<T>(
  settings: DatabaseSettings,
  password: string | null,
  fn: (conn: mysql.Connection) => Promise<T>,
): Promise<T> {
  await lookupHost(settings.host);
  const conn = await mysql
    .createConnection({
      host: settings.host.replace(/^\[(.*)\]$/, '$1'),
      port: settings.port,
      user: settings.user,
      password: password ?? '',
      database: settings.database,
      connectTimeout: CONNECT_TIMEOUT_MS,
      charset: 'utf8mb4',
      dateStrings: true,
      supportBigNumbers: true,
      multipleStatements: false,
    })
    .catch((error: unknown) => {
      throw classify(error, 'connect');
    });
  // A connection the server drops while idle is reported here; the pending query reports it otherwise.
  conn.on('error', () => {});
  try {
    return await fn(conn).catch((error: unknown) => {
      throw classify(error, 'read');
    });
  } finally {
    await conn.end().catch(() => conn.destroy());
  }
}

/** One statement with bound parameters and a client-side timeout. */
async function select<T>(conn: mysql.Connection, sql: string, params: unknown[]): Promise<T[]> {
  const [rows] = await conn.query<RowDataPacket[]>({ sql, timeout: STATEMENT_TIMEOUT_MS }, params);
  return rows as T[];
}

const TABLES_SQL = `
  select TABLE_SCHEMA as table_schema, TABLE_NAME as table_name, TABLE_TYPE as table_type,
    TABLE_ROWS as table_rows, TABLE_COMMENT as table_comment
  from information_schema.TABLES
  where TABLE_SCHEMA = ? and TABLE_TYPE in ('BASE TABLE', 'VIEW', 'SYSTEM VERSIONED')
  order by TABLE_NAME
  limit ?`;

const COLUMNS_SQL = `
  select COLUMN_NAME as column_name, ORDINAL_POSITION as ordinal_position, COLUMN_TYPE as column_type,
    DATA_TYPE as data_type, CHARACTER_MAXIMUM_LENGTH as char_length, NUMERIC_PRECISION as numeric_precision,
    NUMERIC_SCALE as numeric_scale, IS_NULLABLE as is_nullable, COLUMN_KEY as column_key, COLUMN_COMMENT as column_comment
  from information_schema.COLUMNS
  where TABLE_SCHEMA = ? and TABLE_NAME = ?
  order by ORDINAL_POSITION`;

const NORMALIZED: Record<string, NormalizedType> = {
  char: 'char',
  varchar: 'char',
  enum: 'char',
  set: 'char',
  tinytext: 'text',
  text: 'text',
  mediumtext: 'text',
  longtext: 'text',
  tinyint: 'int',
  smallint: 'int',
  mediumint: 'int',
  int: 'int',
  integer: 'int',
  bigint: 'int',
  year: 'int',
  decimal: 'decimal',
  numeric: 'decimal',
  float: 'decimal',
  double: 'decimal',
  real: 'decimal',
  date: 'date',
  datetime: 'datetime',
  timestamp: 'datetime',
  time: 'time',
};

/** The normalised type of a column; tinyint(1) and bit(1) are MySQL's booleans. */
export function normalizeMysqlType(dataType: string, columnType: string): NormalizedType {
  const type = columnType.toLowerCase();
  if (type.startsWith('tinyint(1)') || type === 'bit(1)' || type === 'boolean' || type === 'bool') return 'bool';
  return NORMALIZED[dataType.toLowerCase()] ?? 'other';
}

type TableRow = { table_schema: string; table_name: string; table_type: string; table_rows: number | string | null; table_comment: string };
type ColumnRow = {
  column_name: string;
  ordinal_position: number;
  column_type: string;
  data_type: string;
  char_length: number | string | null;
  numeric_precision: number | string | null;
  numeric_scale: number | string | null;
  is_nullable: string;
  column_key: string;
  column_comment: string;
};

const num = (v: number | string | null) => (v === null ? null : Number(v));

/** A MariaDB or MySQL source: the configured database is its one schema. */
export function mysqlConnector(settings: DatabaseSettings, password: string | null): Connector {
  const listTables = async (conn: mysql.Connection): Promise<TableInfo[]> =>
    (await select<TableRow>(conn, TABLES_SQL, [settings.database, MAX_TABLES])).map((t) => {
      const view = t.table_type === 'VIEW';
      return {
        schema: t.table_schema,
        name: t.table_name,
        kind: view ? 'view' : 'table',
        estimatedRows: view ? null : num(t.table_rows),
        comment: t.table_comment && !view ? t.table_comment : null,
      };
    });
  return {
    probe: () =>
      withConnection(settings, password, async (conn) => {
        const [version] = await select<{ version: string }>(conn, 'select version() as version', []);
        const tables = await listTables(conn);
        return `MySQL/MariaDB ${version?.version ?? '?'}: ${tables.length} tables and views in ${settings.database}`;
      }),
    tables: () => withConnection(settings, password, listTables),
    columns: (ref: TableRef) =>
      withConnection(settings, password, async (conn): Promise<ColumnInfo[] | null> => {
        if (ref.schema && ref.schema !== settings.database) return null;
        const found = await select<{ n: number }>(
          conn,
          'select count(*) as n from information_schema.TABLES where TABLE_SCHEMA = ? and TABLE_NAME = ?',
          [settings.database, ref.name],
        );
        if (!Number(found[0]?.n)) return null;
        const rows = await select<ColumnRow>(conn, COLUMNS_SQL, [settings.database, ref.name]);
        return rows.map((c) => {
          const normalizedType = normalizeMysqlType(c.data_type, c.column_type);
          const exact = ['decimal', 'numeric'].includes(c.data_type.toLowerCase());
          return {
            name: c.column_name,
            position: Number(c.ordinal_position),
            dataType: c.column_type,
            normalizedType,
            length: normalizedType === 'char' || normalizedType === 'text' ? num(c.char_length) : null,
            precision: exact ? num(c.numeric_precision) : null,
            scale: exact ? num(c.numeric_scale) : null,
            nullable: c.is_nullable === 'YES',
            primaryKey: c.column_key === 'PRI',
            comment: c.column_comment || null,
          };
        });
      }),
  };
}
