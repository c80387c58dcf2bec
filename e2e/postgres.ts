import pg from 'pg';

/**
 * The PostgreSQL a demo server's source points at: the local test database with trust auth, or
 * TEST_DATABASE_URL. The browser and the server run on this machine, so both reach the same server.
 */
export const PG_URL = new URL(process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');

/** Null when PostgreSQL answers, else why the tests that need it are skipped (printed); REQUIRE_SERVICES=1 makes it a failure. */
export async function postgresUnavailable(what: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL.href, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    const reason = `PostgreSQL at ${PG_URL.host}${PG_URL.pathname} is unreachable (${(error as Error).message})`;
    if (process.env.REQUIRE_SERVICES === '1') throw new Error(`REQUIRE_SERVICES=1 but ${reason}`);
    console.warn(`[e2e] ${what} skipped: ${reason}`);
    return reason;
  } finally {
    await client.end().catch(() => undefined);
  }
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
