import { sql, type Kysely } from 'kysely';

/**
 * The cascade (级联) between installs at different levels: the nodes this install talks to, an outbox
 * of catalog changes per node, an inbox that makes receiving idempotent, the nonces of signed requests,
 * and the origin of mirrored entries. Names and codes become unique per origin, since a lower node's
 * `人口基本信息` is not a duplicate of the province's own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table cascade_node (
      id uuid primary key default gen_random_uuid(),
      name text not null unique,
      role text not null check (role in ('upper', 'lower')),
      base_url text not null,
      region_code char(6) not null,
      link_key text not null unique,
      link_secret_sealed text not null,
      root_department_id uuid references department(id),
      enabled boolean not null default true,
      leased_until timestamptz,
      last_success_at timestamptz,
      last_error text,
      last_error_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table cascade_outbox (
      id bigint generated always as identity primary key,
      node_id uuid not null references cascade_node(id) on delete cascade,
      change_id bigint not null references catalog_change(id) on delete cascade,
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      delivered_at timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      unique (node_id, change_id)
    )`.execute(db);
  await sql`create index cascade_outbox_pending_idx on cascade_outbox (node_id, id) where delivered_at is null`.execute(db);

  await sql`
    create table cascade_inbox (
      node_id uuid not null references cascade_node(id) on delete cascade,
      remote_change_id bigint not null,
      received_at timestamptz not null default now(),
      primary key (node_id, remote_change_id)
    )`.execute(db);

  await sql`
    create table signature_nonce (
      key text not null,
      nonce text not null,
      expires_at timestamptz not null,
      primary key (key, nonce)
    )`.execute(db);
  await sql`create index signature_nonce_expiry_idx on signature_nonce (expires_at)`.execute(db);

  await sql`alter table catalog_entry add column origin_node_id uuid references cascade_node(id)`.execute(db);
  await sql`alter table catalog_entry add column origin_entry_id uuid`.execute(db);
  await sql`alter table catalog_entry add column region_code char(6)`.execute(db);
  await sql`create unique index catalog_entry_origin_idx on catalog_entry (origin_node_id, origin_entry_id) where origin_node_id is not null`.execute(
    db,
  );
  await sql`drop index catalog_entry_name_key_idx`.execute(db);
  await sql`create unique index catalog_entry_name_key_idx on catalog_entry (name_key) where status <> 'retired' and origin_node_id is null`.execute(
    db,
  );
  await sql`alter table catalog_entry drop constraint catalog_entry_code_key`.execute(db);
  await sql`create unique index catalog_entry_code_idx on catalog_entry (code) where origin_node_id is null`.execute(db);
  await sql`create index catalog_change_entry_idx on catalog_change (entry_id, id)`.execute(db);
}
