import type { Migration } from 'kysely/migration';
import * as createIdentity from './20261123120000_create_identity';

/**
 * Every migration, in order. Forward-only: a landed migration is never edited; a change is a new
 * file with a later timestamp, added here.
 */
export const migrations: Record<string, Migration> = {
  '20261123120000_create_identity': createIdentity,
};
