import { sql, type Kysely } from 'kysely';

/**
 * Catalog import jobs (目录批量导入): the uploaded workbook, where its validation stands, the errors it
 * found and how many entries it created. A worker claims a job with FOR UPDATE SKIP LOCKED and holds
 * it by a lease (`claim_token`, `heartbeat_at`); nothing is written to the catalog until the job's
 * final transaction, which also marks it done, so an abandoned job is simply run again from the start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table catalog_import (
      id uuid primary key default gen_random_uuid(),
      status text not null default 'queued' check (status in ('queued', 'validating', 'importing', 'done', 'failed')),
      file_name text not null,
      file_size integer not null,
      file bytea,
      total_rows integer,
      processed_rows integer not null default 0,
      progress real not null default 0,
      entry_count integer not null default 0,
      error_count integer not null default 0,
      errors jsonb not null default '[]',
      failure_code text,
      created_by uuid not null references app_user(id),
      department_id uuid not null references department(id),
      permissions text[] not null default '{}',
      ip text,
      user_agent text,
      attempts integer not null default 0,
      claim_token uuid,
      heartbeat_at timestamptz,
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  await sql`create index catalog_import_pending_idx on catalog_import (created_at) where status in ('queued', 'validating', 'importing')`.execute(
    db,
  );
  await sql`create index catalog_import_creator_idx on catalog_import (created_by, created_at desc)`.execute(db);
}
