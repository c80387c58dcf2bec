import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { appendAudit, systemActor } from '../platform/audit/audit-log';
import type { SealedBox } from '../platform/crypto/provider';
import { DemoRandom } from './demo-random';
import { identityDemo, DEMO_PASSWORD, demoRoleLogins } from '../modules/identity/identity.demo';
import { sourcesDemo } from '../modules/sources';
import { catalogDemo } from '../modules/catalog/catalog.demo';
import { exchangeDemo } from '../modules/exchange/exchange.demo';

/** How much demo data to make: `small` for a laptop, `full` for load and benchmark runs. */
export type DemoScale = 'small' | 'full';

/** What each module's demo loader gets: the transaction, a seeded generator and shared lookups. */
export interface DemoContext {
  trx: Transaction<DB>;
  rng: DemoRandom;
  scale: DemoScale;
  box: SealedBox;
  /** Ids by demo key, filled by earlier loaders for later ones (e.g. `department:gat`). */
  ids: Map<string, string>;
  /** Published entries of a province-scale catalog to add on top of the demo catalog (`demo --catalog N`). */
  catalogEntries?: number;
  /** The demo applications with their keys, secrets and example lookups, written to demo.json for `shuyuan demo apps`. */
  apps: DemoApp[];
}

/** A demo application as `shuyuan demo apps` prints it (demo mode only). */
export interface DemoApp {
  app: string;
  key: string;
  secret: string;
  resources: { code: string; query: string }[];
}

/** A module's demo data. Later modules add theirs to `contributors`, in dependency order. */
export interface DemoContributor {
  name: string;
  load(ctx: DemoContext): Promise<Record<string, number>>;
}

const contributors: DemoContributor[] = [identityDemo, sourcesDemo, catalogDemo, exchangeDemo];

export const DEFAULT_SEED = 20261123;

/** One demo login per role, as printed at start and by `shuyuan demo logins`. */
export interface DemoLogin {
  role: string;
  login: string;
  password: string;
  department: string;
}

/** The per-role demo logins; deterministic, so they can be printed without opening the database. */
export function demoLogins(): DemoLogin[] {
  return demoRoleLogins.map(({ role, login, department }) => ({ role, login, password: DEMO_PASSWORD, department }));
}

/** True when the database has no departments yet, i.e. nothing to overwrite. */
export async function isEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('department').select('id').limit(1).executeTakeFirst();
  return !row;
}

/**
 * Loads the demo data in one transaction (all or nothing), marks the platform as in demo mode and
 * writes `<dataDir>/demo.json`, which lets `shuyuan demo logins` answer while a server holds the database.
 */
export async function loadDemo(
  db: Kysely<DB>,
  options: { seed?: number; scale?: DemoScale; box: SealedBox; dataDir: string; catalogEntries?: number },
): Promise<Record<string, number>> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 'small';
  const counts: Record<string, number> = {};
  let apps: DemoApp[] = [];
  await db.transaction().execute(async (trx) => {
    const ctx: DemoContext = {
      trx,
      rng: new DemoRandom(seed),
      scale,
      box: options.box,
      ids: new Map(),
      catalogEntries: options.catalogEntries,
      apps: [],
    };
    for (const contributor of contributors) Object.assign(counts, await contributor.load(ctx));
    apps = ctx.apps;
    const value = JSON.stringify({ seed, scale, loadedAt: new Date().toISOString() });
    await trx
      .insertInto('platform_setting')
      .values({ key: 'demo', value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    await appendAudit(trx, systemActor('demo'), { action: 'platform.demo.load', details: { seed, scale, counts } });
  });
  writeFileSync(
    join(options.dataDir, 'demo.json'),
    JSON.stringify({ seed, scale, loadedAt: new Date().toISOString(), apps }, null, 2) + '\n',
  );
  return counts;
}
