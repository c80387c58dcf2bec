import { sql, type Kysely } from 'kysely';

/**
 * Table exchange (库表交换): aggregation jobs (归集) that copy a department's source table into the platform's
 * store, distribution jobs that push a grant's masked fields into the consumer's own database, and their runs.
 * A run is claimed with FOR UPDATE SKIP LOCKED and a lease, so several server processes never run it twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Every store row carries the sequence number of its last change: distribution reads what changed since its watermark.
  await sql`create sequence exchange_store_seq`.execute(db);

  await sql`
    create table exchange_job (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('aggregate', 'distribute')),
      name text not null,
      department_id uuid not null references department(id),
      entry_id uuid not null references catalog_entry(id),
      mount_id uuid references catalog_mount(id),
      grant_id uuid references exchange_grant(id),
      source_id uuid not null references data_source(id),
      remote_table text not null,
      store_schema text not null,
      store_table text not null,
      key_column text not null,
      columns jsonb not null,
      mode text not null check (mode in ('full', 'incremental')),
      watermark_column text,
      watermark text,
      watermark_key text,
      detect_deletes boolean not null default true,
      batch_size integer not null default 5000 check (batch_size between 100 and 50000),
      schedule text not null default 'manual' check (schedule in ('manual', 'cycle', 'cron')),
      cron text,
      next_run_at timestamptz,
      status text not null default 'active' check (status in ('active', 'paused', 'drift')),
      drift jsonb,
      created_by uuid references app_user(id),
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check ((kind = 'aggregate') = (mount_id is not null)),
      check ((kind = 'distribute') = (grant_id is not null)),
      check ((mode = 'incremental') <= (watermark_column is not null)),
      check ((schedule = 'cron') = (cron is not null))
    )`.execute(db);
  // One writer per table: one aggregation per store table, one distribution per consumer table.
  await sql`create unique index exchange_job_store_idx on exchange_job (store_schema, store_table) where kind = 'aggregate'`.execute(db);
  await sql`create unique index exchange_job_target_idx on exchange_job (source_id, remote_table) where kind = 'distribute'`.execute(db);
  await sql`create index exchange_job_department_idx on exchange_job (department_id)`.execute(db);
  await sql`create index exchange_job_due_idx on exchange_job (next_run_at) where status = 'active'`.execute(db);

  await sql`
    create table exchange_run (
      id uuid primary key default gen_random_uuid(),
      job_id uuid not null references exchange_job(id) on delete cascade,
      trigger text not null check (trigger in ('schedule', 'manual')),
      status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed', 'drift')),
      attempts integer not null default 0,
      claim_token uuid,
      leased_until timestamptz,
      next_attempt_at timestamptz not null default now(),
      phase text check (phase in ('schema', 'copy', 'deletes')),
      cursor text,
      rows_read bigint not null default 0,
      rows_written bigint not null default 0,
      rows_deleted bigint not null default 0,
      batches integer not null default 0,
      error_code text,
      error_message text,
      drift jsonb,
      created_by uuid references app_user(id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      heartbeat_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  // A job never runs twice at once, whichever process queued or claimed it.
  await sql`create unique index exchange_run_live_idx on exchange_run (job_id) where status in ('queued', 'running')`.execute(db);
  await sql`create index exchange_run_job_idx on exchange_run (job_id, created_at desc)`.execute(db);
  await sql`create index exchange_run_claim_idx on exchange_run (next_attempt_at) where status in ('queued', 'running')`.execute(db);
}
