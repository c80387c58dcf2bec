import { randomBytes } from 'node:crypto';
import { ErrorCode, type FileLinkCreate } from '@shuyuan/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { sm3 } from '../../platform/crypto/provider';
import { enqueueEvidence } from '../../platform/evidence/evidence-log';
import { AppError, forbidden, notFound } from '../../platform/errors';
import type { RequestContext } from '../identity';
import { fileAccess, fileRow } from './files.access';
import type { FileStore } from './files.store';
import { grantState } from './grants.service';

const tokenHash = (token: string) => sm3(token).toString('hex');

/** A file download the route streams: where the bytes are, what to call them, how many. */
export interface Download {
  path: string;
  fileName: string;
  mediaType: string;
  size: number;
  sm3: string;
}

/** Why the grant behind a link stopped it: its validity period ended, or it was revoked. */
export type GrantStop = 'ended' | 'revoked';

/**
 * Whether a link stopped because of its grant, and why: the grant ended or was revoked (whichever came first) at
 * or before the link's own expiry. A link is never made to outlive its grant, so one cut to the grant's end stops
 * with it; a link whose own time ran out while the grant was still in force, or a link without a grant, says null.
 */
export function grantStop(
  linkExpiresAt: Date,
  grant: { status: 'active' | 'revoked'; valid_to: Date; revoked_at: Date | null } | null,
  now = Date.now(),
): GrantStop | null {
  if (!grant) return null;
  const revoked = grant.status === 'revoked' ? (grant.revoked_at?.getTime() ?? -Infinity) : Infinity;
  const ended = grant.valid_to.getTime();
  const end = Math.min(revoked, ended);
  if (end > now || end > linkExpiresAt.getTime()) return null;
  return revoked < ended ? 'revoked' : 'ended';
}

/**
 * Download links of exchanged files (文件下载链接): bearer secrets with a short life, made by the provider or a
 * department holding a live file grant, each download counted, audited and written to the evidence log.
 */
export class FileLinksService {
  constructor(private readonly store: FileStore) {}

  /** A link that downloads one version until it expires (or its downloads run out, or its grant ends). */
  async createLink(ctx: RequestContext, fileId: string, input: FileLinkCreate) {
    const file = await fileRow(ctx.db, fileId);
    const access = await fileAccess(ctx, file.entry_id);
    const token = randomBytes(32).toString('base64url');
    // A link never outlives the grant it was made under.
    const asked = Date.now() + input.expiresInMinutes * 60_000;
    const expiresAt = new Date(access.grantEnds ? Math.min(asked, access.grantEnds.getTime()) : asked);
    const link = await ctx.db.transaction().execute(async (trx) => {
      const link = await trx
        .insertInto('exchange_file_link')
        .values({
          file_id: file.id,
          grant_id: access.grantId,
          department_id: access.departmentId,
          token_hash: tokenHash(token),
          expires_at: expiresAt,
          max_downloads: input.maxDownloads,
          created_by: ctx.actor.userId,
        })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.file.link',
        targetType: 'exchange_file',
        targetId: file.id,
        targetLabel: `${file.file_name} v${file.version}`,
        details: { linkId: link.id, grantId: access.grantId, expiresAt: expiresAt.toISOString(), maxDownloads: input.maxDownloads },
      });
      return link;
    });
    return { id: link.id, url: `/api/v1/exchange/files/download/${token}`, expiresAt, maxDownloads: input.maxDownloads };
  }

  /**
   * Opens a download through a link, counting and auditing it (a range request that continues a download is
   * not counted again). Refuses with 410 a link past its time or downloads, or whose grant ended.
   */
  async download(db: Kysely<DB>, token: string, meta: { ip: string; userAgent: string | null; rangeStart: number }): Promise<Download> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw notFound('file_link');
    return db.transaction().execute(async (trx) => {
      const link = await trx
        .selectFrom('exchange_file_link as l')
        .innerJoin('exchange_file as f', 'f.id', 'l.file_id')
        .leftJoin('exchange_grant as g', 'g.id', 'l.grant_id')
        .select([
          'l.id',
          'l.expires_at',
          'l.max_downloads',
          'l.downloads',
          'l.revoked_at',
          'l.department_id',
          'l.grant_id',
          'f.id as file_id',
          'f.entry_id',
          'f.version',
          'f.file_name',
          'f.media_type',
          'f.size',
          'f.sm3',
          'f.storage_name',
          'g.status as grant_status',
          'g.valid_from',
          'g.valid_to',
        ])
        .where('l.token_hash', '=', tokenHash(token))
        .forUpdate('l')
        .executeTakeFirst();
      if (!link) throw notFound('file_link');
      const gone = (reason: string) => new AppError(410, ErrorCode.LinkExpired, { reason });
      if (link.revoked_at) throw gone('the link was withdrawn');
      if (link.expires_at.getTime() <= Date.now()) throw gone('the link expired');
      if (
        link.grant_id &&
        (link.grant_status !== 'active' ||
          grantState({ status: link.grant_status, valid_from: link.valid_from!, valid_to: link.valid_to! }) !== 'active')
      )
        throw gone('the grant behind the link ended');
      const counts = meta.rangeStart === 0;
      if (counts && link.max_downloads !== null && link.downloads >= link.max_downloads) throw gone('the link has been used up');
      const size = await this.store.size(link.storage_name);
      if (size === null) throw forbidden(ErrorCode.Forbidden, { reason: 'the file is missing from the store' });
      if (counts) {
        await trx
          .updateTable('exchange_file_link')
          .set({ downloads: sql`downloads + 1` })
          .where('id', '=', link.id)
          .execute();
        await appendAudit(
          trx,
          { userId: null, login: `link:${link.id.slice(0, 8)}`, departmentId: link.department_id, ip: meta.ip, userAgent: meta.userAgent },
          {
            action: 'exchange.file.download',
            targetType: 'exchange_file',
            targetId: link.file_id,
            targetLabel: `${link.file_name} v${link.version}`,
            details: { linkId: link.id, grantId: link.grant_id, download: link.downloads + 1 },
          },
        );
        await enqueueEvidence(trx, 'file_transfer', {
          op: 'download',
          file: link.file_id,
          entry: link.entry_id,
          version: link.version,
          sm3: link.sm3,
          size: link.size,
          link: link.id,
          grant: link.grant_id,
          department: link.department_id,
          at: new Date().toISOString(),
        });
      }
      return { path: this.store.filePath(link.storage_name), fileName: link.file_name, mediaType: link.media_type, size, sm3: link.sm3 };
    });
  }

  /**
   * A version's links (never their tokens): all of them for the provider; for a grantee, those of its departments
   * holding a live file grant (colleagues' links included: they share the grant, and any of them may withdraw them).
   */
  async listLinks(ctx: RequestContext, fileId: string) {
    const file = await fileRow(ctx.db, fileId);
    const access = await fileAccess(ctx, file.entry_id);
    let q = ctx.db
      .selectFrom('exchange_file_link as l')
      .innerJoin('department as d', 'd.id', 'l.department_id')
      .leftJoin('exchange_grant as g', 'g.id', 'l.grant_id')
      .select([
        'l.id',
        'l.expires_at',
        'l.max_downloads',
        'l.downloads',
        'l.revoked_at',
        'l.created_at',
        'l.grant_id',
        'd.name as department_name',
        'g.status as grant_status',
        'g.valid_from',
        'g.valid_to',
        'g.revoked_at as grant_revoked_at',
      ])
      .where('l.file_id', '=', file.id);
    if (!access.provider) q = q.where('l.department_id', 'in', [...access.consumers]);
    const rows = await q.orderBy('l.created_at', 'desc').limit(200).execute();
    const now = Date.now();
    return rows.map((r) => {
      const grant = r.grant_id
        ? { status: r.grant_status!, valid_from: r.valid_from!, valid_to: r.valid_to!, revoked_at: r.grant_revoked_at }
        : null;
      return {
        id: r.id,
        departmentName: r.department_name,
        grantId: r.grant_id,
        expiresAt: r.expires_at,
        maxDownloads: r.max_downloads,
        downloads: r.downloads,
        revokedAt: r.revoked_at,
        createdAt: r.created_at,
        // As download judges it: a link made under a grant stops with the grant.
        live:
          !r.revoked_at &&
          r.expires_at.getTime() > now &&
          (r.max_downloads === null || r.downloads < r.max_downloads) &&
          (!grant || grantState(grant, now) === 'active'),
        stoppedByGrant: grantStop(r.expires_at, grant, now),
      };
    });
  }

  /**
   * Withdraws a link at once: the provider, or any member of the department the link was made for while it holds a
   * live file grant on the entry (deny by default: anyone else, or a link the caller may not see, is not found).
   * Withdrawing it again changes and audits nothing.
   */
  async revokeLink(ctx: RequestContext, linkId: string) {
    const link = await ctx.db
      .selectFrom('exchange_file_link')
      .select(['id', 'file_id', 'department_id', 'created_by'])
      .where('id', '=', linkId)
      .executeTakeFirst();
    if (!link) throw notFound('file_link');
    const file = await fileRow(ctx.db, link.file_id);
    // Whether the link exists is no business of a caller who may not see it: every refusal says the same.
    const access = await fileAccess(ctx, file.entry_id).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    });
    if (!access || (!access.provider && !access.consumers.has(link.department_id))) throw notFound('file_link');
    await ctx.db.transaction().execute(async (trx) => {
      const [changed] = await trx
        .updateTable('exchange_file_link')
        .set({ revoked_at: new Date() })
        .where('id', '=', linkId)
        .where('revoked_at', 'is', null)
        .execute();
      if (Number(changed?.numUpdatedRows ?? 0) === 0) return;
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.file.link.revoke',
        targetType: 'exchange_file',
        targetId: file.id,
        details: { linkId, departmentId: link.department_id, createdBy: link.created_by },
      });
    });
  }
}
