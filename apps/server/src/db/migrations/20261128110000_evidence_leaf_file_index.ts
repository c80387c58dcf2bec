import { sql, type Kysely } from 'kysely';

/** The evidence leaves of a file version (its upload and every download name it), found without reading the whole log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index evidence_leaf_file on evidence_leaf (((entry::jsonb) ->> 'file'), index)
    where kind = 'file_transfer'`.execute(db);
}
