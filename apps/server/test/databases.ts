import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import pg from 'pg';
import { openPglite, openPostgres, type Database, type Engine } from '../src/db/database';
import { migrateToLatest } from '../src/db/migrate';
import { syncBuiltinRoles } from '../src/modules/identity';

const url = process.env.TEST_DATABASE_URL;
const required = process.env.REQUIRE_SERVICES === '1';

/** Engines every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): Engine[] {
  if (!url && required) throw new Error('REQUIRE_SERVICES=1 but TEST_DATABASE_URL is not set: the PostgreSQL half of the suite cannot run');
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

let warned = false;
function warnSkipped() {
  if (warned || url) return;
  warned = true;
  console.warn(
    '[tests] PostgreSQL: skipped, TEST_DATABASE_URL is not set (set it, e.g. postgres://postgres@127.0.0.1:5432/test, to run every database test on a server too)',
  );
}

/** Creates a fresh, migrated database on an engine; `drop` removes it. */
export async function createTestDatabase(engine: Engine): Promise<Database & { drop(): Promise<void> }> {
  if (engine === 'pglite') {
    const database = await openPglite(null);
    await migrateToLatest(database.db);
    await syncBuiltinRoles(database.db);
    return { ...database, drop: () => database.close() };
  }
  const name = `shuyuan_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`PostgreSQL at TEST_DATABASE_URL is unreachable: ${(error as Error).message}`);
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url!);
  target.pathname = `/${name}`;
  // The drop below terminates whatever connection is still closing; that is expected, not an error.
  const database = openPostgres(target.toString(), 5, () => {});
  await migrateToLatest(database.db);
  await syncBuiltinRoles(database.db);
  return {
    ...database,
    drop: async () => {
      await database.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/**
 * Runs a suite once per engine, each with its own fresh migrated database (Backstage's
 * TestDatabases.eachSupportedId). `get()` returns the database inside tests.
 */
export function describeEachEngine(title: string, suite: (get: () => Database, engine: Engine) => void): void {
  warnSkipped();
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      let database: (Database & { drop(): Promise<void> }) | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(engine);
      });
      afterAll(async () => {
        await database?.drop();
      });
      suite(() => {
        if (!database) throw new Error('the test database is not ready');
        return database;
      }, engine);
    });
  }
}
