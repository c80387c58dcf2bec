import { sql, type Kysely } from 'kysely';

/**
 * File exchange (文件交换): chunked, resumable uploads checked with SM3, versions of a resource's file, and the
 * expiring links grantees download them through. The bytes live in the data directory, not in the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table exchange_file_upload (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references catalog_entry(id),
      department_id uuid not null references department(id),
      file_name text not null,
      media_type text not null,
      size bigint not null check (size > 0),
      sm3 text not null check (sm3 ~ '^[0-9a-f]{64}$'),
      chunk_size integer not null check (chunk_size > 0),
      chunk_count integer not null check (chunk_count > 0),
      note text not null default '',
      status text not null default 'uploading' check (status in ('uploading', 'complete', 'failed')),
      failure text,
      file_id uuid,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index exchange_file_upload_entry_idx on exchange_file_upload (entry_id, created_at desc)`.execute(db);

  // One row per chunk received and checked; a chunk sent twice replaces itself.
  await sql`
    create table exchange_file_chunk (
      upload_id uuid not null references exchange_file_upload(id) on delete cascade,
      idx integer not null check (idx >= 0),
      size integer not null,
      sm3 text not null,
      received_at timestamptz not null default now(),
      primary key (upload_id, idx)
    )`.execute(db);

  await sql`
    create table exchange_file (
      id uuid primary key default gen_random_uuid(),
      entry_id uuid not null references catalog_entry(id),
      version integer not null,
      file_name text not null,
      media_type text not null,
      size bigint not null,
      sm3 text not null,
      note text not null default '',
      storage_name text not null,
      uploaded_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      leaf_index bigint,
      unique (entry_id, version)
    )`.execute(db);

  // A link is a bearer secret: only its SM3 is kept. Every download through it is counted and audited.
  await sql`
    create table exchange_file_link (
      id uuid primary key default gen_random_uuid(),
      file_id uuid not null references exchange_file(id),
      grant_id uuid references exchange_grant(id),
      department_id uuid not null references department(id),
      token_hash text not null unique,
      expires_at timestamptz not null,
      max_downloads integer check (max_downloads > 0),
      downloads integer not null default 0,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index exchange_file_link_file_idx on exchange_file_link (file_id, created_at desc)`.execute(db);
}
