import { sql, type Kysely } from 'kysely';

/**
 * The version of what the gateway caches (application keys and secrets, APIs, grants, sources, the entries'
 * status): moved on by the transaction of any change to it, at its commit, so that every server process sees
 * a revocation from the next call on (ADR 010). The gateway reads the version in the statement that remembers
 * a call's nonce, which every call runs anyway, and looks its grant up again when the version moved.
 *
 * The triggers are deferred row triggers: the version row is locked last in a transaction, at commit, so it
 * never takes part in a lock cycle; a transaction moves it once (`last_xact`), however many rows it changes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table gateway_config_version (
      id smallint primary key check (id = 1),
      version bigint not null,
      last_xact xid8
    )`.execute(db);
  await sql`insert into gateway_config_version (id, version) values (1, 1)`.execute(db);
  await sql`
    create function bump_gateway_config_version() returns trigger language plpgsql as $$
    begin
      update gateway_config_version set version = version + 1, last_xact = pg_current_xact_id()
        where id = 1 and last_xact is distinct from pg_current_xact_id();
      return null;
    end $$`.execute(db);
  for (const table of ['client_app', 'app_secret', 'exchange_api', 'exchange_grant', 'data_source'])
    await sql`
      create constraint trigger ${sql.raw(`${table}_gateway_config`)}
        after insert or update or delete on ${sql.table(table)}
        deferrable initially deferred for each row execute function bump_gateway_config_version()`.execute(db);
  // An entry leaving force, or no longer shared by API, ends its API; a new code serves under another name.
  await sql`
    create constraint trigger catalog_entry_gateway_config
      after delete or update of status, sharing_methods, code on catalog_entry
      deferrable initially deferred for each row execute function bump_gateway_config_version()`.execute(db);
}
