import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { DB } from '../../../db/schema';
import type { ResolvedSource } from '../../sources';
import type { SqlRunner } from './sql-side';

/** A table job's statements may run this long; a source slower than that fails the run, which is retried. */
export const JOB_STATEMENT_TIMEOUT_MS = 120_000;
const CONNECT_TIMEOUT_MS = 10_000;

/** Why a table job could not reach or use a database: the run fails with this code and is retried. */
export class JobSourceError extends Error {
  constructor(
    readonly side: 'source' | 'target',
    message: string,
  ) {
    super(message);
  }
}

/** The platform's own database (the store), inside a transaction or not. */
export function kyselyRunner(db: Kysely<DB> | Transaction<DB>): SqlRunner {
  return {
    dialect: 'postgresql',
    async query(text, params) {
      return (await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, [...params]))).rows;
    },
    async execute(text, params) {
      return Number((await db.executeQuery(CompiledQuery.raw(text, [...params]))).numAffectedRows ?? 0);
    },
  };
}

/** The platform's own PostgreSQL pool, read with rows as arrays (pages of the store). */
export function poolRunner(pool: pg.Pool): SqlRunner {
  return {
    dialect: 'postgresql',
    query: async (text, params) => (await pool.query<Record<string, unknown>>(text, [...params])).rows,
    queryArrays: async (text, params) => (await pool.query<unknown[]>({ text, values: [...params], rowMode: 'array' })).rows,
    execute: async (text, params) => (await pool.query(text, [...params])).rowCount ?? 0,
  };
}

/** A connection to a department's database, closed by the job when its run ends. */
export interface RemoteConnection extends SqlRunner {
  close(): Promise<void>;
  /** The client of a PostgreSQL connection, for COPY. */
  pgClient?: pg.Client;
}

type DatabaseSource = Extract<ResolvedSource, { kind: 'postgresql' | 'mysql' }>;

/** Every PostgreSQL value as the server's own text: nothing lost to JavaScript numbers or dates on the way. */
const asText = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/**
 * Opens one connection to a source (read-only) or a consumer's database (read-write), in UTC so that
 * times travel unshifted. Failures become JobSourceError naming the side.
 */
export async function openRemote(source: DatabaseSource, side: 'source' | 'target'): Promise<RemoteConnection> {
  const host = source.settings.host.replace(/^\[(.*)\]$/, '$1');
  const fail = (error: unknown): never => {
    throw new JobSourceError(side, (error as Error)?.message || String(error));
  };
  if (source.kind === 'postgresql') {
    const client = new pg.Client({
      host,
      port: source.settings.port,
      database: source.settings.database,
      user: source.settings.user,
      password: async () => source.password ?? '',
      ssl: false,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: JOB_STATEMENT_TIMEOUT_MS,
      query_timeout: JOB_STATEMENT_TIMEOUT_MS + 5_000,
      application_name: side === 'source' ? 'shuyuan-aggregate' : 'shuyuan-distribute',
      options: side === 'source' ? '-c default_transaction_read_only=on -c TimeZone=UTC' : '-c TimeZone=UTC',
      types: asText,
    });
    client.on('error', () => {});
    await client.connect().catch(fail);
    return {
      dialect: 'postgresql',
      query: async (text, params) => (await client.query<Record<string, unknown>>(text, [...params]).catch(fail)).rows,
      queryArrays: async (text, params) =>
        (await client.query<unknown[]>({ text, values: [...params], rowMode: 'array' }).catch(fail)).rows,
      execute: async (text, params) => (await client.query(text, [...params]).catch(fail)).rowCount ?? 0,
      close: () => client.end().catch(() => {}),
      pgClient: client,
    };
  }
  const connection = await mysql
    .createConnection({
      host,
      port: source.settings.port,
      database: source.settings.database,
      user: source.settings.user,
      password: source.password ?? '',
      connectTimeout: CONNECT_TIMEOUT_MS,
      timezone: 'Z',
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: true,
      // Every value as the server's text, as for PostgreSQL.
      typeCast: (field) => field.string(),
    })
    .catch(fail);
  connection.on('error', () => {});
  await connection.query(`set time_zone = '+00:00'`).catch(fail);
  if (side === 'source') await connection.query('set session transaction read only').catch(fail);
  return {
    dialect: 'mysql',
    query: async (text, params) =>
      (await connection.query({ sql: text, values: [...params], timeout: JOB_STATEMENT_TIMEOUT_MS }).catch(fail))[0] as Record<
        string,
        unknown
      >[],
    queryArrays: async (text, params) =>
      (
        await connection.query({ sql: text, values: [...params], timeout: JOB_STATEMENT_TIMEOUT_MS, rowsAsArray: true }).catch(fail)
      )[0] as unknown[][],
    execute: async (text, params) => {
      const [result] = await connection.query({ sql: text, values: [...params], timeout: JOB_STATEMENT_TIMEOUT_MS }).catch(fail);
      return (result as mysql.ResultSetHeader).affectedRows ?? 0;
    },
    close: () => connection.end().catch(() => {}),
  };
}
