import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { notFound } from '../../platform/errors';
import { departmentScope, type RequestContext } from '../identity';
import { grantState } from './grants.service';

/** What the caller may do with an entry's files: as its provider, or as a department holding a live file grant. */
export interface FileAccess {
  /** One of the provider's departments (or platform-wide): every version, link and upload of the entry. */
  provider: boolean;
  /** The grant a link made now is made under; null for the provider. */
  grantId: string | null;
  /** The department a link made now belongs to. */
  departmentId: string;
  /** When that grant ends: a link made now never outlives it. */
  grantEnds: Date | null;
  /**
   * The caller's departments holding a live file grant on the entry (none for the provider). A department's links
   * are made under the grant it holds, so every member who may make links sees and withdraws all of them.
   */
  consumers: ReadonlySet<string>;
}

/** Who may see an entry's files: its provider's departments, and consumers with a live file grant; 404 for anyone else. */
export async function fileAccess(ctx: RequestContext, entryId: string): Promise<FileAccess> {
  const entry = await ctx.db.selectFrom('catalog_entry').select(['department_id']).where('id', '=', entryId).executeTakeFirst();
  if (!entry) throw notFound('exchange_file');
  const scope = await departmentScope(ctx.db, ctx.principal);
  if (!scope || scope.has(entry.department_id))
    return {
      provider: true,
      grantId: null,
      departmentId: scope ? entry.department_id : ctx.principal.departmentId,
      grantEnds: null,
      consumers: new Set(),
    };
  const grants = await ctx.db
    .selectFrom('exchange_grant')
    .select(['id', 'consumer_department_id', 'status', 'valid_from', 'valid_to'])
    .where('entry_id', '=', entryId)
    .where('method', '=', 'file')
    .where('status', '=', 'active')
    .where('consumer_department_id', 'in', [...scope])
    .execute();
  const live = grants.filter((g) => grantState(g) === 'active');
  const first = live[0];
  if (!first) throw notFound('exchange_file');
  return {
    provider: false,
    grantId: first.id,
    departmentId: first.consumer_department_id,
    grantEnds: first.valid_to,
    consumers: new Set(live.map((g) => g.consumer_department_id)),
  };
}

/** One file version, or 404. */
export async function fileRow(db: Kysely<DB>, id: string) {
  const row = await db.selectFrom('exchange_file').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('exchange_file');
  return row;
}

/** A file version as the API shows it. */
export function toFile(row: Awaited<ReturnType<typeof fileRow>>) {
  return {
    id: row.id,
    entryId: row.entry_id,
    version: row.version,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sm3: row.sm3,
    note: row.note,
    createdAt: row.created_at,
  };
}
