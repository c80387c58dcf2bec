import pg from 'pg';
import { unavailable } from '../apps/server/src/modules/sources/testing/live-services';

/**
 * The PostgreSQL a demo server's source points at: the local test database with trust auth, or
 * TEST_DATABASE_URL. The browser and the server run on this machine, so both reach the same server.
 */
export const PG_URL = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');

/** Null when PostgreSQL answers, else why the tests that need it are skipped (printed); REQUIRE_SERVICES=1 makes it a failure. */
export function postgresUnavailable(what: string): Promise<string | null> {
  return unavailable(`PostgreSQL (${what})`, PG_URL.href, () => runSql('select 1'));
}

/** Runs SQL statements one after another on the test database. */
export async function runSql(...statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL.href });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}
