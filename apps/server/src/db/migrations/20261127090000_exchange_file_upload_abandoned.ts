import { sql, type Kysely } from 'kysely';

/**
 * An unfinished upload can be abandoned (放弃): its chunks leave the disk and the database, and its row stays
 * as `abandoned`, so that abandoning it again answers as before and records nothing more.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table exchange_file_upload drop constraint exchange_file_upload_status_check`.execute(db);
  await sql`alter table exchange_file_upload add constraint exchange_file_upload_status_check
    check (status in ('uploading', 'complete', 'failed', 'abandoned'))`.execute(db);
}
