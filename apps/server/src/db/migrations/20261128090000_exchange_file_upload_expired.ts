import { sql, type Kysely } from 'kysely';

/**
 * An upload left unfinished past its expiry is ended by the platform (`expired`): its chunks leave the disk and
 * the database, as when a person abandons it, and the row says which of the two happened.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exchange_file_upload drop constraint exchange_file_upload_status_check`.execute(db);
  await sql`alter table exchange_file_upload add constraint exchange_file_upload_status_check
    check (status in ('uploading', 'complete', 'failed', 'abandoned', 'expired'))`.execute(db);
}
