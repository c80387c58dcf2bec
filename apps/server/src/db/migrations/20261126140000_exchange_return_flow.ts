import { sql, type Kysely } from 'kysely';

/**
 * Return flow (回流): an upper node's job that pushes a resource's rows for a region to a lower node of the
 * cascade, and, on the lower node, the tables those rows land in and the batches received.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exchange_job drop constraint exchange_job_kind_check`.execute(db);
  await sql`alter table exchange_job add constraint exchange_job_kind_check check (kind in ('aggregate', 'distribute', 'return'))`.execute(
    db,
  );
  await sql`alter table exchange_job alter column source_id drop not null`.execute(db);
  await sql`alter table exchange_job add column node_id uuid references cascade_node(id)`.execute(db);
  await sql`alter table exchange_job add column region_column text`.execute(db);
  await sql`alter table exchange_job add column region_prefix text`.execute(db);
  await sql`alter table exchange_job add constraint exchange_job_return_check
    check ((kind = 'return') = (node_id is not null) and (kind = 'return') = (source_id is null)
      and (kind = 'return') <= (region_column is not null and region_prefix is not null))`.execute(db);
  await sql`create unique index exchange_job_return_idx on exchange_job (entry_id, node_id, region_prefix) where kind = 'return'`.execute(
    db,
  );

  // On the lower node: one table per return flow of an upper node, under the mirrored entry's department.
  await sql`
    create table exchange_return_table (
      id uuid primary key default gen_random_uuid(),
      node_id uuid not null references cascade_node(id),
      flow_id uuid not null,
      flow_name text not null,
      origin_entry_id uuid not null,
      entry_id uuid not null references catalog_entry(id),
      store_schema text not null,
      store_table text not null,
      key_column text not null,
      columns jsonb not null,
      region_prefix text not null,
      row_count bigint not null default 0,
      last_run_id uuid,
      last_received_at timestamptz,
      created_at timestamptz not null default now(),
      unique (node_id, flow_id),
      unique (store_schema, store_table)
    )`.execute(db);
  await sql`create index exchange_return_table_entry_idx on exchange_return_table (entry_id)`.execute(db);
  await sql`
    create table exchange_return_batch (
      node_id uuid not null references cascade_node(id),
      run_id uuid not null,
      seq integer not null,
      flow_id uuid not null,
      row_count integer not null,
      digest text not null,
      received_at timestamptz not null default now(),
      primary key (node_id, run_id, seq)
    )`.execute(db);
}
