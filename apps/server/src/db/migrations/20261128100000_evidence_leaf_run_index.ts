import { sql, type Kysely } from 'kysely';

/**
 * The evidence leaves of a table-job run (归集, 分发 and 回流 batches name their run), found without reading the
 * whole log: a partial index on the run named in the entry, for those kinds only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index evidence_leaf_run on evidence_leaf (((entry::jsonb) ->> 'run'), index)
    where kind in ('table_batch', 'return_flow')`.execute(db);
}
