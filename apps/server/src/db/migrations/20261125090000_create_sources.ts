import { sql, type Kysely } from 'kysely';

/**
 * Data sources (数据源) departments register so that catalog entries can be mounted to their tables.
 * Connection settings are JSON shaped by kind; credentials are one SM4-sealed JSON text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table data_source (
      id uuid primary key default gen_random_uuid(),
      department_id uuid not null references department(id),
      name text not null,
      kind text not null check (kind in ('postgresql', 'mysql', 'file', 'http_json')),
      description text not null default '',
      settings jsonb not null default '{}',
      credentials_sealed text,
      status text not null default 'active' check (status in ('active', 'disabled')),
      test_status text check (test_status in ('ok', 'failed')),
      test_step text check (test_step in ('dns', 'connect', 'auth', 'database', 'permission', 'read')),
      test_code text,
      test_message text,
      test_elapsed_ms integer,
      tested_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (department_id, name)
    )`.execute(db);
  await sql`create index data_source_kind_idx on data_source (kind)`.execute(db);
}
