import pg from 'pg';
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

const SQLSTATE_STEPS: Record<string, SourceError['step']> = {
  '28P01': 'auth', // invalid_password
  '28000': 'auth', // invalid_authorization_specification: unknown role, no pg_hba entry, role may not log in
  '3D000': 'database', // invalid_catalog_name
  '3F000': 'database', // invalid_schema_name
  '42501': 'permission', // insufficient_privilege (also: no CONNECT right on the database)
  '53300': 'connect', // too_many_connections
  '57P03': 'connect', // cannot_connect_now
};

/** Turns a pg error into the step it failed at; `phase` decides what an unknown error means. */
function classify(error: unknown, phase: 'connect' | 'read'): SourceError {
  if (error instanceof SourceError) return error;
  const network = networkError(error);
  if (network) return network;
  const e = error as { code?: string; message?: string };
  const message = e?.message || String(error);
  const step = e?.code ? SQLSTATE_STEPS[e.code] : undefined;
  if (step) return new SourceError(step, e.code!, message);
  if (/timeout/i.test(message) && phase === 'connect') return new SourceError('connect', 'ETIMEDOUT', message);
  // pg's own SASL errors when the server asks for a password the settings do not have.
  if (/password/i.test(message) && phase === 'connect') return new SourceError('auth', e?.code ?? null, message);
  return new SourceError(phase, e?.code ?? null, message);
}

/** Opens one client, runs `fn`, and always closes it. Read-only session with a statement timeout. */
async function withClient<T>(settings: DatabaseSettings, password: string | null, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  await lookupHost(settings.host);
  const client = new pg.Client({
    host: settings.host.replace(/^\[(.*)\]$/, '$1'),
    port: settings.port,
    database: settings.database,
    user: settings.user,
    // A function, so that pg never falls back to PGPASSWORD or ~/.pgpass of the platform's own account.
    password: async () => password ?? '',
    ssl: false,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: STATEMENT_TIMEOUT_MS + 2_000,
    application_name: 'shuyuan-source',
    options: '-c default_transaction_read_only=on',
  });
  // A connection the server drops surfaces through the pending query; without a listener it would end the process.
  client.on('error', () => {});
  try {
    await client.connect().catch((error: unknown) => {
      throw classify(error, 'connect');
    });
    return await fn(client).catch((error: unknown) => {
      throw classify(error, 'read');
    });
  } finally {
    await client.end().catch(() => {});
  }
}

const TABLES_SQL = `
  select n.nspname as schema, c.relname as name,
    case when c.relkind in ('v', 'm') then 'view' else 'table' end as kind,
    case when c.relkind in ('r', 'm') and c.reltuples >= 0 then c.reltuples::float8 end as estimated_rows,
    obj_description(c.oid, 'pg_class') as comment,
    has_table_privilege(c.oid, 'SELECT') as readable
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition
    and n.nspname <> 'information_schema' and n.nspname !~ '^pg_'
    and ($1::text is null or n.nspname = $1)
    and has_schema_privilege(n.oid, 'USAGE')
  order by n.nspname, c.relname
  limit $2`;

const FIND_TABLE_SQL = `
  select c.oid, n.nspname as schema
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where c.relname = $1 and ($2::text is null or n.nspname = $2)
    and c.relkind in ('r', 'p', 'v', 'm', 'f')
    and n.nspname <> 'information_schema' and n.nspname !~ '^pg_'
    and has_schema_privilege(n.oid, 'USAGE')`;

const COLUMNS_SQL = `
  select a.attname as name, a.attnum::int as position,
    format_type(a.atttypid, a.atttypmod) as data_type,
    coalesce(bt.typname, t.typname) as type_name,
    case when t.typtype = 'd' then t.typtypmod else a.atttypmod end as typmod,
    not a.attnotnull and not (t.typtype = 'd' and t.typnotnull) as nullable,
    coalesce(a.attnum = any(i.indkey), false) as primary_key,
    col_description(a.attrelid, a.attnum) as comment
  from pg_catalog.pg_attribute a
  join pg_catalog.pg_type t on t.oid = a.atttypid
  left join pg_catalog.pg_type bt on t.typtype = 'd' and bt.oid = t.typbasetype
  left join pg_catalog.pg_index i on i.indrelid = a.attrelid and i.indisprimary
  where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped
  order by a.attnum`;

const NORMALIZED: Record<string, NormalizedType> = {
  varchar: 'char',
  bpchar: 'char',
  char: 'char',
  name: 'char',
  uuid: 'char',
  text: 'text',
  citext: 'text',
  int2: 'int',
  int4: 'int',
  int8: 'int',
  numeric: 'decimal',
  float4: 'decimal',
  float8: 'decimal',
  money: 'decimal',
  date: 'date',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  time: 'time',
  timetz: 'time',
  bool: 'bool',
};

/** Length, precision and scale from a type modifier (varchar(n), numeric(p, s)), as pg encodes them. */
function sizes(typeName: string, typmod: number) {
  const mod = typmod - 4;
  const isChar = typeName === 'varchar' || typeName === 'bpchar';
  const isNumeric = typeName === 'numeric';
  return {
    length: isChar && typmod > 4 ? mod : null,
    precision: isNumeric && typmod > 4 ? (mod >> 16) & 0xffff : null,
    scale: isNumeric && typmod > 4 ? mod & 0xffff : null,
  };
}

type TableRow = {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  estimated_rows: number | null;
  comment: string | null;
  readable: boolean;
};

/** A PostgreSQL source: one client per call, closed in `finally`, read-only, statement timeout. */
export function postgresConnector(settings: DatabaseSettings, password: string | null): Connector {
  const listTables = async (client: pg.Client) => (await client.query<TableRow>(TABLES_SQL, [settings.schema, MAX_TABLES])).rows;
  return {
    probe: () =>
      withClient(settings, password, async (client) => {
        const { rows } = await client.query<{ version: string }>(`select current_setting('server_version') as version`);
        if (settings.schema) {
          const found = await client.query<{ usage: boolean }>(
            `select has_schema_privilege(n.oid, 'USAGE') as usage from pg_catalog.pg_namespace n where n.nspname = $1`,
            [settings.schema],
          );
          if (!found.rows[0]) throw new SourceError('database', '3F000', `schema "${settings.schema}" does not exist`);
          if (!found.rows[0].usage) throw new SourceError('permission', '42501', `permission denied for schema ${settings.schema}`);
        }
        const tables = await listTables(client);
        const readable = tables.filter((t) => t.readable).length;
        if (tables.length > 0 && readable === 0)
          throw new SourceError('permission', '42501', `${settings.user} sees ${tables.length} tables or views but may read none of them`);
        return `PostgreSQL ${rows[0]?.version ?? '?'}: ${readable} of ${tables.length} tables and views readable`;
      }),
    tables: () =>
      withClient(settings, password, async (client): Promise<TableInfo[]> =>
        (await listTables(client)).map((t) => ({
          schema: t.schema,
          name: t.name,
          kind: t.kind,
          estimatedRows: t.estimated_rows === null ? null : Math.round(t.estimated_rows),
          comment: t.comment,
        })),
      ),
    columns: (ref: TableRef) =>
      withClient(settings, password, async (client): Promise<ColumnInfo[] | null> => {
        if (settings.schema && ref.schema && ref.schema !== settings.schema) return null;
        const found = (
          await client.query<{ oid: number; schema: string }>(FIND_TABLE_SQL, [ref.name, settings.schema ?? ref.schema ?? null])
        ).rows;
        const table = found.length === 1 ? found[0] : found.find((t) => t.schema === 'public');
        if (!table) return null;
        const { rows } = await client.query<{
          name: string;
          position: number;
          data_type: string;
          type_name: string;
          typmod: number;
          nullable: boolean;
          primary_key: boolean;
          comment: string | null;
        }>(COLUMNS_SQL, [table.oid]);
        return rows.map((c) => ({
          name: c.name,
          position: c.position,
          dataType: c.data_type,
          normalizedType: c.type_name.startsWith('_') ? 'other' : (NORMALIZED[c.type_name] ?? 'other'),
          ...sizes(c.type_name, c.typmod),
          nullable: c.nullable,
          primaryKey: c.primary_key,
          comment: c.comment,
        }));
      }),
  };
}
