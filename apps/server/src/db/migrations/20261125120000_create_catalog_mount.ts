import { sql, type Kysely } from 'kysely';

/** Mounts (挂接): which table, API or file stands behind a catalog entry, and their review. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table catalog_mount (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references catalog_entry(id) on delete cascade,
      kind text not null check (kind in ('table', 'api', 'file')),
      source_id uuid not null references data_source(id),
      resource_name text not null,
      column_map jsonb not null default '{}',
      diff jsonb not null,
      status text not null check (status in ('in_review', 'returned', 'mounted', 'removed')),
      comment text,
      requested_by uuid references app_user(id),
      reviewed_by uuid references app_user(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      reviewed_at timestamptz
    )`.execute(db);
  await sql`create index catalog_mount_entry_idx on catalog_mount (entry_id, status)`.execute(db);
  await sql`create index catalog_mount_source_idx on catalog_mount (source_id) where status <> 'removed'`.execute(db);
  // One live mount per entry and resource.
  await sql`create unique index catalog_mount_resource_idx on catalog_mount (entry_id, source_id, resource_name) where status <> 'removed'`.execute(
    db,
  );
}
