import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { copyText } from '../../../db/copy-text';
import type { JobColumn } from '../../../db/schema';
import { postgresType, qualified, quoteIdent } from './sql-side';
import { SEQ_COLUMN, type TargetShape } from './upsert';

/**
 * Upserts rows into a PostgreSQL table through COPY: the rows go as text into a temporary table of this session,
 * then one INSERT … SELECT … ON CONFLICT moves them in, leaving unchanged rows (and their sequence number) alone.
 * Runs inside the caller's transaction when there is one. Returns the rows inserted or changed.
 */
export async function copyUpsert(
  client: pg.ClientBase,
  shape: TargetShape,
  rows: readonly (readonly (string | null)[])[],
  stampValue?: string,
): Promise<number> {
  if (rows.length === 0) return 0;
  const d = 'postgresql';
  const stamped = !!shape.stamp && stampValue !== undefined;
  const columns: JobColumn[] = stamped ? [...shape.columns, { name: shape.stamp!, type: 'text', dataType: 'text' }] : [...shape.columns];
  const stage = `sy_stage_${columns.length}`;
  await client.query(`create temp table if not exists ${stage} (${columns.map((_, i) => `a${i} text`).join(', ')})`);
  await client.query(`truncate ${stage}`);
  await pipeline(Readable.from([copyText(rows, stamped ? stampValue : undefined)]), client.query(copyFrom(`copy ${stage} from stdin`)));
  const names = columns.map((c) => quoteIdent(d, c.name));
  const key = quoteIdent(d, shape.key);
  const others = columns.filter((c) => c.name !== shape.key).map((c) => quoteIdent(d, c.name));
  const cast = columns.map((c, i) => `a${i}::${postgresType(c)}`).join(', ');
  let text = `insert into ${qualified(d, shape.table)} as t (${names.join(', ')}) select ${cast} from ${stage} on conflict (${key}) do `;
  if (others.length === 0) text += 'nothing';
  else {
    const set = others.map((n) => `${n} = excluded.${n}`);
    if (shape.sequenced) set.push(`${quoteIdent(d, SEQ_COLUMN)} = nextval('public.exchange_store_seq')`);
    text += `update set ${set.join(', ')} where (${others.map((n) => `t.${n}`).join(', ')}) is distinct from (${others.map((n) => `excluded.${n}`).join(', ')})`;
  }
  const result = await client.query(text);
  return result.rowCount ?? 0;
}
