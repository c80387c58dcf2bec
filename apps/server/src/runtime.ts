import { allPermissions } from '@shuyuan/contracts';
import { openDatabase, type Database } from './db/database';
import { migrateToLatest } from './db/migrate';
import { syncBuiltinRoles } from './modules/identity';
import type { RequestContext } from './modules/identity';
import { systemActor } from './platform/audit/audit-log';
import type { Config } from './platform/config';
import { loadMasterKey } from './platform/crypto/master-key';
import { acquireDataDir } from './platform/data-dir-lock';

/** An opened, migrated database with the master key: what every command that needs data starts from. */
export interface Runtime {
  database: Database;
  masterKey: Buffer;
  migrated: string[];
  close(): Promise<void>;
}

/** Opens the configured database (taking the data directory lock on PGlite), migrates it and syncs the built-in roles. */
export async function openRuntime(config: Config, command: string): Promise<Runtime> {
  const release = config.databaseUrl ? () => {} : acquireDataDir(config.dataDir, command, command === 'serve' ? config.port : undefined);
  try {
    const masterKey = loadMasterKey(config.masterKey, config.dataDir);
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    const migrated = await migrateToLatest(database.db);
    await syncBuiltinRoles(database.db);
    return {
      database,
      masterKey,
      migrated,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** A service context for work the operator does from the command line: all permissions, every department. */
export function cliContext(database: Database): RequestContext {
  const login = `cli:${process.env.USER ?? 'operator'}`;
  return {
    db: database.db,
    actor: systemActor(login),
    principal: {
      userId: '00000000-0000-0000-0000-000000000000',
      login,
      displayName: login,
      departmentId: '00000000-0000-0000-0000-000000000000',
      roles: ['platform_admin'],
      permissions: new Set(allPermissions),
      mustChangePassword: false,
      via: 'token',
    },
  };
}
