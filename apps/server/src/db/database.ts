import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './dialect/pglite-dialect';
import { OID, parseDate, parseInt8, parseNumeric } from './dialect/type-parsers';
import type { DB } from './schema';

/** Which engine a database runs on. */
export type Engine = 'pglite' | 'postgres';

/** A Kysely instance with the engine it runs on. */
export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
  /** The pool behind `db` on a PostgreSQL server (for COPY on a connection of its own); none on PGlite. */
  pool?: pg.Pool;
}

/** Opens PGlite at a directory (or in memory when dataDir is null). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    extensions: { pg_trgm },
    parsers: { [OID.int8]: parseInt8, [OID.numeric]: parseNumeric, [OID.date]: parseDate },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}

/**
 * Opens a pg pool on a PostgreSQL server. An idle connection the server drops (a restart, an
 * administrator's terminate) is reported through `onIdleError` and replaced on the next checkout;
 * without a listener pg would throw it and end the process.
 */
export function openPostgres(
  connectionString: string,
  max = 10,
  onIdleError: (error: Error) => void = (error) => process.emitWarning(`idle PostgreSQL connection lost: ${error.message}`),
): Database {
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === OID.int8) return parseInt8;
      if (oid === OID.numeric) return parseNumeric;
      if (oid === OID.date) return parseDate;
      return pg.types.getTypeParser(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString, max, types: types as pg.CustomTypesConfig });
  pool.on('error', onIdleError);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', close: () => db.destroy(), pool };
}

/**
 * A Kysely over one checked-out pool connection: its transactions and the caller's raw queries (COPY)
 * share that connection. The connection goes back to the pool when the caller releases it, not when
 * Kysely is done with a query.
 */
export function singleConnection(client: pg.PoolClient | pg.ClientBase): Kysely<DB> {
  const borrowed = { query: (...args: unknown[]) => (client.query as (...a: unknown[]) => unknown)(...args), release: () => {} };
  const pool = { connect: async () => borrowed, end: async () => {} };
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }) });
}

/** Opens the database the configuration names: a server when DATABASE_URL is set, else PGlite. */
export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openPglite(`${options.dataDir}/pgdata`);
}
