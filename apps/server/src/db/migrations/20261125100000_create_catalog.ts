import { sql, type Kysely } from 'kysely';

/**
 * The resource catalog: entries (content as JSON, facets as columns), their published versions, the
 * lifecycle timeline, information systems and their links, code sequences and the change feed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table info_system (
      id uuid primary key default gen_random_uuid(),
      department_id uuid not null references department(id),
      name text not null,
      status text not null check (status in ('planned', 'building', 'running', 'retired')),
      on_gov_cloud boolean not null default false,
      description text not null default '',
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (department_id, name)
    )`.execute(db);

  await sql`
    create table catalog_entry (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      name text not null,
      name_key text not null,
      department_id uuid not null references department(id),
      status text not null check (status in ('draft', 'submitted', 'returned', 'published', 'change_review', 'retire_review', 'retired')),
      mount_status text not null default 'unmounted'
        check (mount_status in ('unmounted', 'in_review', 'returned', 'mounted', 'change_in_review')),
      content jsonb not null,
      pending jsonb,
      revision integer not null default 0,
      version integer not null default 1,
      resource_attribute text not null,
      domain text not null,
      data_level text not null,
      format_class text not null,
      sharing_type text not null,
      sharing_methods text[] not null default '{}',
      open_type text not null,
      update_cycle text not null,
      tags text[] not null default '{}',
      item_count integer not null default 0,
      apply_count integer not null default 0,
      search_vector tsvector not null,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      submitted_at timestamptz,
      published_at timestamptz,
      review_started_at timestamptz
    )`.execute(db);
  // Names are unique among the entries in force, whatever their punctuation, width or spacing.
  await sql`create unique index catalog_entry_name_key_idx on catalog_entry (name_key) where status <> 'retired'`.execute(db);
  await sql`create index catalog_entry_department_idx on catalog_entry (department_id, status)`.execute(db);
  await sql`create index catalog_entry_status_idx on catalog_entry (status, updated_at desc)`.execute(db);
  await sql`create index catalog_entry_search_idx on catalog_entry using gin (search_vector)`.execute(db);
  await sql`create index catalog_entry_name_trgm_idx on catalog_entry using gin (name gin_trgm_ops)`.execute(db);
  await sql`create index catalog_entry_updated_idx on catalog_entry (updated_at desc, id)`.execute(db);

  await sql`
    create table catalog_entry_version (
      entry_id uuid not null references catalog_entry(id) on delete cascade,
      revision integer not null,
      content jsonb not null,
      published_at timestamptz not null default now(),
      published_by uuid references app_user(id),
      primary key (entry_id, revision)
    )`.execute(db);

  await sql`
    create table catalog_event (
      id bigint generated always as identity primary key,
      entry_id uuid not null references catalog_entry(id) on delete cascade,
      action text not null,
      from_status text,
      to_status text,
      actor_id uuid references app_user(id),
      actor_name text not null,
      comment text,
      details jsonb not null default '{}',
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index catalog_event_entry_idx on catalog_event (entry_id, id)`.execute(db);

  await sql`
    create table catalog_entry_system (
      entry_id uuid not null references catalog_entry(id) on delete cascade,
      system_id uuid not null references info_system(id),
      primary key (entry_id, system_id)
    )`.execute(db);
  await sql`create index catalog_entry_system_system_idx on catalog_entry_system (system_id)`.execute(db);

  await sql`
    create table catalog_code_sequence (
      segment text primary key,
      last_value integer not null
    )`.execute(db);

  // The change feed other systems (and lower or upper nodes) follow: one row per published change.
  await sql`
    create table catalog_change (
      id bigint generated always as identity primary key,
      entry_id uuid not null references catalog_entry(id) on delete cascade,
      code text not null,
      kind text not null check (kind in ('published', 'changed', 'retired')),
      revision integer not null,
      at timestamptz not null default now()
    )`.execute(db);
}
