import { sql, type Kysely } from 'kysely';

/**
 * Sharing and exchange (数据共享交换): the APIs providers declare on their entries, the grants that
 * let consumers call them, and the gateway's call log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One API per catalog entry, served at /gateway/v1/{resource code}.
  await sql`
    create table exchange_api (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null unique references catalog_entry(id),
      access text not null check (access in ('logical', 'physical', 'forward')),
      source_id uuid references data_source(id),
      resource_name text not null,
      fields jsonb not null,
      params jsonb not null,
      key_field text not null,
      page_size_max integer not null default 100 check (page_size_max between 1 and 1000),
      timeout_ms integer not null default 5000 check (timeout_ms between 100 and 60000),
      status text not null default 'active' check (status in ('active', 'disabled')),
      created_by uuid references app_user(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((access = 'physical') = (source_id is null))
    )`.execute(db);
  await sql`create index exchange_api_source_idx on exchange_api (source_id)`.execute(db);

  await sql`
    create table exchange_grant (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references catalog_entry(id),
      consumer_department_id uuid not null references department(id),
      app_id uuid references client_app(id),
      method text not null check (method in ('api', 'table', 'file')),
      fields text[] not null,
      row_filter jsonb not null default '[]',
      masks jsonb not null default '{}',
      purpose text not null,
      valid_from timestamptz not null,
      valid_to timestamptz not null,
      calls_per_day integer check (calls_per_day > 0),
      calls_per_second integer check (calls_per_second > 0),
      status text not null default 'active' check (status in ('active', 'revoked')),
      revoked_at timestamptz,
      revoked_by uuid references app_user(id),
      revoke_reason text,
      created_by uuid references app_user(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (valid_to > valid_from),
      check ((method = 'api') <= (app_id is not null))
    )`.execute(db);
  // One live grant per application, resource and method; a new one replaces a revoked one.
  await sql`create unique index exchange_grant_live_idx on exchange_grant (app_id, entry_id, method) where status = 'active'`.execute(db);
  await sql`create index exchange_grant_consumer_idx on exchange_grant (consumer_department_id, status)`.execute(db);
  await sql`create index exchange_grant_entry_idx on exchange_grant (entry_id, status)`.execute(db);

  // A nonce only has to outlive the ±5 minute timestamp window, not a crash of the database server: without
  // WAL, remembering one costs no disk flush on the gateway's hot path. (After a server crash the table is
  // empty, so a request signed in the last minutes could be replayed once; ADR 010 weighs this.)
  await sql`alter table signature_nonce set unlogged`.execute(db);

  // Every gateway call, refused ones too; `id` comes from the gateway, so a replayed write-ahead file inserts nothing twice.
  await sql`
    create table gateway_call (
      id uuid primary key,
      called_at timestamptz not null,
      app_id uuid,
      app_key text,
      consumer_department_id uuid,
      grant_id uuid,
      api_id uuid,
      provider_department_id uuid,
      resource_code text,
      fields text[] not null default '{}',
      row_count integer not null default 0,
      request_digest text not null,
      response_digest text,
      status smallint not null,
      code text,
      latency_ms real not null,
      leaf_index bigint not null
    )`.execute(db);
  await sql`create index gateway_call_time_idx on gateway_call (called_at desc)`.execute(db);
  await sql`create index gateway_call_provider_idx on gateway_call (provider_department_id, called_at desc)`.execute(db);
  await sql`create index gateway_call_consumer_idx on gateway_call (consumer_department_id, called_at desc)`.execute(db);
  await sql`create index gateway_call_grant_idx on gateway_call (grant_id, called_at desc)`.execute(db);
}
