import type { Database } from '../../db/database';
import type { SealedBox } from '../../platform/crypto/provider';
import { openSource } from '../sources';
import { gatewayPseudonymKey } from './gateway.service';
import type { TableRunDeps } from './sync/table-run';

/**
 * What table jobs need from the rest of the platform, for the server and the CLI alike: sources with their
 * credentials opened, the gateway's pseudonym keys, the cascade links, and the pool when on a PostgreSQL server.
 */
export function tableRunDeps(database: Database, box: SealedBox, masterKey: Buffer): TableRunDeps {
  const { db, pool } = database;
  return {
    db,
    ...(pool ? { pool } : {}),
    openSource: async (id) => (await openSource(db, box, id))?.resolved ?? null,
    pseudonymKey: gatewayPseudonymKey(masterKey),
    nodeLink: async (id) => {
      const node = await db.selectFrom('cascade_node').selectAll().where('id', '=', id).where('enabled', '=', true).executeTakeFirst();
      return node ? { baseUrl: node.base_url, key: node.link_key, secret: box.open(node.link_secret_sealed) } : null;
    },
  };
}
