import mysql from 'mysql2/promise';
import pg from 'pg';
/**
 * The real database servers the connector tests run against:
 * - PostgreSQL: TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test
 * - MariaDB/MySQL: TEST_MARIADB_URL or MARIADB_URL, else mysql://root@127.0.0.1:3306/test
 * An unreachable server skips its tests with the reason printed; with REQUIRE_SERVICES=1 it fails them.
 */
export const liveServices = {
  postgresUrl: process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
  mariadbUrl: process.env.TEST_MARIADB_URL || process.env.MARIADB_URL || 'mysql://root@127.0.0.1:3306/test',
  required: process.env.REQUIRE_SERVICES === '1',
};

export { settingsFromUrl } from '../sources.settings';

/**
 * Probes a service: null when it answers, else the reason it is skipped (printed). Throws when
 * REQUIRE_SERVICES=1, so CI fails instead of skipping.
 */
export async function unavailable(name: string, url: string, probe: () => Promise<void>): Promise<string | null> {
  try {
    await probe();
    return null;
  } catch (error) {
    const reason = `${name} at ${url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')} is unreachable (${(error as Error).message})`;
    if (liveServices.required) throw new Error(`REQUIRE_SERVICES=1 but ${reason}`);
    console.warn(`[tests] ${name} connector tests: skipped, ${reason}; start it or set the URL to run them`);
    return reason;
  }
}

/** Null when the test PostgreSQL answers, else why its tests are skipped (and under REQUIRE_SERVICES=1, a failure). */
export function postgresUnavailable(): Promise<string | null> {
  return unavailable('PostgreSQL', liveServices.postgresUrl, async () => {
    const client = new pg.Client({ connectionString: liveServices.postgresUrl, connectionTimeoutMillis: 3_000 });
    try {
      await client.connect();
    } finally {
      await client.end().catch(() => {});
    }
  });
}

/** Null when the test MariaDB answers, else why its tests are skipped (and under REQUIRE_SERVICES=1, a failure). */
export function mariadbUnavailable(): Promise<string | null> {
  return unavailable('MariaDB', liveServices.mariadbUrl, async () => {
    const connection = await mysql.createConnection({ uri: liveServices.mariadbUrl, connectTimeout: 3_000 });
    await connection.end();
  });
}
