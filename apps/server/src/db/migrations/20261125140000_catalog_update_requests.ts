import { sql, type Kysely } from 'kysely';

/**
 * Update requests: when a department's duties change (职责调整), the bureau asks it to update an entry,
 * which it must do within 10 working days; the request stands until a change or a retirement is submitted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table catalog_entry add column update_requested_at timestamptz`.execute(db);
  await sql`alter table catalog_entry add column update_request_reason text`.execute(db);
  await sql`create index catalog_entry_update_requested_idx on catalog_entry (update_requested_at) where update_requested_at is not null`.execute(
    db,
  );
  await sql`create index catalog_entry_review_started_idx on catalog_entry (review_started_at) where review_started_at is not null`.execute(
    db,
  );
}
