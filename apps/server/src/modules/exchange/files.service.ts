import { randomBytes, randomUUID } from 'node:crypto';
import { ErrorCode, type FileLinkCreate, type FileUploadCreate } from '@shuyuan/contracts';
import { sql } from 'kysely';
import { appendAudit } from '../../platform/audit/audit-log';
import { sm3 } from '../../platform/crypto/provider';
import { enqueueEvidence } from '../../platform/evidence/evidence-log';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/errors';
import { departmentScope, type RequestContext } from '../identity';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { IN_FORCE } from './exchange.repository';
import { grantState } from './grants.service';
import type { FileStore } from './files.store';

/** How long an unfinished upload keeps its chunks. */
const UPLOAD_DAYS = 7;

const invalid = (field: string, reason: string) => badRequest(ErrorCode.ValidationFailed, { field, reason });
const tokenHash = (token: string) => sm3(token).toString('hex');

type UploadRow = Awaited<ReturnType<typeof uploadById>>;
function uploadById(db: Kysely<DB>, id: string) {
  return db.selectFrom('exchange_file_upload').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A file download the route streams: where the bytes are, what to call them, how many. */
export interface Download {
  path: string;
  fileName: string;
  mediaType: string;
  size: number;
  sm3: string;
}

/**
 * File exchange (文件交换): a provider uploads versions of a resource's file in chunks, each checked with
 * SM3, resumable after a cut-off; grantees download a version through an expiring, audited link.
 */
export class FilesService {
  constructor(private readonly store: FileStore) {}

  private async entryOf(ctx: RequestContext, entryId: string) {
    return ctx.db
      .selectFrom('catalog_entry')
      .select(['id', 'code', 'name', 'department_id', 'status', 'sharing_methods'])
      .where('id', '=', entryId)
      .executeTakeFirst();
  }

  /** An upload of the caller's departments, or 404. */
  private async ownUpload(ctx: RequestContext, id: string): Promise<NonNullable<UploadRow>> {
    const row = await uploadById(ctx.db, id);
    const scope = await departmentScope(ctx.db, ctx.principal);
    if (!row || (scope && !scope.has(row.department_id))) throw notFound('file_upload');
    return row;
  }

  private async uploadOut(ctx: RequestContext, row: NonNullable<UploadRow>) {
    const chunks = await ctx.db.selectFrom('exchange_file_chunk').select('idx').where('upload_id', '=', row.id).orderBy('idx').execute();
    const received = new Set(chunks.map((c) => c.idx));
    return {
      id: row.id,
      entryId: row.entry_id,
      fileName: row.file_name,
      mediaType: row.media_type,
      size: row.size,
      sm3: row.sm3,
      chunkSize: row.chunk_size,
      chunkCount: row.chunk_count,
      received: [...received],
      missing: Array.from({ length: row.chunk_count }, (_, i) => i).filter((i) => !received.has(i)),
      status: row.status,
      failure: row.failure,
      fileId: row.file_id,
      expiresAt: row.expires_at,
      createdAt: row.created_at,
    };
  }

  async startUpload(ctx: RequestContext, input: FileUploadCreate) {
    const entry = await this.entryOf(ctx, input.entryId);
    const scope = await departmentScope(ctx.db, ctx.principal);
    if (!entry || (scope && !scope.has(entry.department_id))) throw notFound('catalog_entry');
    if (!(IN_FORCE as readonly string[]).includes(entry.status))
      throw conflict(ErrorCode.InvalidTransition, { reason: 'the entry is not published' });
    if (!entry.sharing_methods.includes('file')) throw invalid('entryId', 'the entry is not shared by file (文件)');
    const chunkCount = Math.ceil(input.size / input.chunkSize);
    const row = await ctx.db
      .insertInto('exchange_file_upload')
      .values({
        entry_id: entry.id,
        department_id: entry.department_id,
        file_name: input.fileName,
        media_type: input.mediaType,
        size: input.size,
        sm3: input.sm3,
        chunk_size: input.chunkSize,
        chunk_count: chunkCount,
        note: input.note,
        created_by: ctx.actor.userId,
        expires_at: new Date(Date.now() + UPLOAD_DAYS * 86_400_000),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return this.uploadOut(ctx, row);
  }

  /** The caller's departments' unfinished uploads of an entry: to resume one from another browser. */
  async listUploads(ctx: RequestContext, entryId: string) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    let q = ctx.db
      .selectFrom('exchange_file_upload as u')
      .select([
        'u.id',
        'u.file_name',
        'u.size',
        'u.sm3',
        'u.chunk_size',
        'u.chunk_count',
        'u.created_at',
        'u.expires_at',
        (eb) =>
          eb
            .selectFrom('exchange_file_chunk as c')
            .select((e) => e.fn.countAll<string>().as('n'))
            .whereRef('c.upload_id', '=', 'u.id')
            .as('received'),
      ])
      .where('u.entry_id', '=', entryId)
      .where('u.status', '=', 'uploading')
      .where('u.expires_at', '>', new Date());
    if (scope) q = q.where('u.department_id', 'in', [...scope]);
    const rows = await q.orderBy('u.created_at', 'desc').limit(100).execute();
    return rows.map((r) => ({
      id: r.id,
      fileName: r.file_name,
      size: r.size,
      sm3: r.sm3,
      chunkSize: r.chunk_size,
      chunkCount: r.chunk_count,
      receivedCount: Number(r.received ?? 0),
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    }));
  }

  async getUpload(ctx: RequestContext, id: string) {
    return this.uploadOut(ctx, await this.ownUpload(ctx, id));
  }

  /** Receives one chunk: its size must be the chunk's, its SM3 the one sent with it. Sending it again replaces it. */
  async putChunk(ctx: RequestContext, id: string, index: number, bytes: Buffer, declared: string | undefined) {
    const row = await this.ownUpload(ctx, id);
    if (row.status !== 'uploading') throw conflict(ErrorCode.InvalidTransition, { reason: `the upload is ${row.status}` });
    if (row.expires_at.getTime() < Date.now()) throw conflict(ErrorCode.InvalidTransition, { reason: 'the upload expired; start again' });
    if (!Number.isInteger(index) || index < 0 || index >= row.chunk_count)
      throw invalid('index', `a chunk from 0 to ${row.chunk_count - 1}`);
    const expected = index === row.chunk_count - 1 ? row.size - row.chunk_size * (row.chunk_count - 1) : row.chunk_size;
    if (bytes.byteLength !== expected) throw invalid('body', `chunk ${index} has ${expected} bytes, not ${bytes.byteLength}`);
    if (!declared || !/^[0-9a-f]{64}$/.test(declared)) throw invalid('x-sm3', "the chunk's SM3 in lower-case hex");
    const actual = sm3(bytes).toString('hex');
    if (actual !== declared) throw badRequest(ErrorCode.ChecksumMismatch, { chunk: index, expected: declared, actual });
    await this.store.writeChunk(row.id, index, bytes);
    await ctx.db
      .insertInto('exchange_file_chunk')
      .values({ upload_id: row.id, idx: index, size: bytes.byteLength, sm3: actual })
      .onConflict((oc) => oc.columns(['upload_id', 'idx']).doUpdateSet({ size: bytes.byteLength, sm3: actual, received_at: sql`now()` }))
      .execute();
    // A short receipt: a file of many chunks would otherwise answer every chunk with every index.
    const { n } = await ctx.db
      .selectFrom('exchange_file_chunk')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('upload_id', '=', row.id)
      .executeTakeFirstOrThrow();
    return { uploadId: row.id, index, size: bytes.byteLength, sm3: actual, receivedCount: Number(n), chunkCount: row.chunk_count };
  }

  /**
   * Joins the chunks, checks the whole file's SM3 and makes it the entry's next version, with an audit event
   * and an evidence leaf in the same transaction. A file whose SM3 differs is refused and the upload failed.
   */
  async complete(ctx: RequestContext, id: string) {
    const row = await this.ownUpload(ctx, id);
    if (row.status === 'complete') return this.fileOut(ctx, row.file_id!);
    if (row.status !== 'uploading') throw conflict(ErrorCode.InvalidTransition, { reason: `the upload is ${row.status}` });
    const upload = await this.uploadOut(ctx, row);
    if (upload.missing.length)
      throw conflict(ErrorCode.UploadIncomplete, { missing: upload.missing.slice(0, 100), count: upload.missing.length });
    const fileId = randomUUID();
    const actual = await this.store.assemble(row.id, row.chunk_count, fileId);
    if (actual !== row.sm3) {
      await this.store.discardAssembled(fileId);
      await ctx.db
        .updateTable('exchange_file_upload')
        .set({ status: 'failed', failure: `SM3 ${actual} is not the declared ${row.sm3}` })
        .where('id', '=', row.id)
        .execute();
      await this.store.dropChunks(row.id);
      throw badRequest(ErrorCode.ChecksumMismatch, { expected: row.sm3, actual });
    }
    // The file is in place before its row commits: a crash in between leaves an unreferenced file, never a row without one.
    await this.store.publish(fileId);
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const locked = await trx
          .selectFrom('exchange_file_upload')
          .select('status')
          .where('id', '=', row.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (locked.status !== 'uploading') throw conflict(ErrorCode.InvalidTransition, { reason: `the upload is ${locked.status}` });
        await trx.selectFrom('catalog_entry').select('id').where('id', '=', row.entry_id).forUpdate().execute();
        const { last } = await trx
          .selectFrom('exchange_file')
          .select((eb) => eb.fn.max('version').as('last'))
          .where('entry_id', '=', row.entry_id)
          .executeTakeFirstOrThrow();
        const version = Number(last ?? 0) + 1;
        await trx
          .insertInto('exchange_file')
          .values({
            id: fileId,
            entry_id: row.entry_id,
            version,
            file_name: row.file_name,
            media_type: row.media_type,
            size: row.size,
            sm3: row.sm3,
            note: row.note,
            storage_name: fileId,
            uploaded_by: ctx.actor.userId,
          })
          .execute();
        await trx.updateTable('exchange_file_upload').set({ status: 'complete', file_id: fileId }).where('id', '=', row.id).execute();
        await appendAudit(trx, ctx.actor, {
          action: 'exchange.file.upload',
          targetType: 'exchange_file',
          targetId: fileId,
          targetLabel: `${row.file_name} v${version}`,
          details: { entryId: row.entry_id, version, size: row.size, sm3: row.sm3 },
        });
        await enqueueEvidence(trx, 'file_transfer', {
          op: 'upload',
          file: fileId,
          entry: row.entry_id,
          version,
          name: row.file_name,
          size: row.size,
          sm3: row.sm3,
          department: row.department_id,
        });
      });
    } catch (error) {
      await this.store.discardAssembled(fileId);
      throw error;
    }
    await this.store.dropChunks(row.id);
    return this.fileOut(ctx, fileId);
  }

  /** Who may see an entry's files: its provider's departments, and consumers with a live file grant. */
  private async access(
    ctx: RequestContext,
    entryId: string,
  ): Promise<{ provider: boolean; grantId: string | null; departmentId: string; grantEnds: Date | null }> {
    const entry = await ctx.db.selectFrom('catalog_entry').select(['department_id']).where('id', '=', entryId).executeTakeFirst();
    if (!entry) throw notFound('exchange_file');
    const scope = await departmentScope(ctx.db, ctx.principal);
    if (!scope || scope.has(entry.department_id))
      return { provider: true, grantId: null, departmentId: scope ? entry.department_id : ctx.principal.departmentId, grantEnds: null };
    const grants = await ctx.db
      .selectFrom('exchange_grant')
      .select(['id', 'consumer_department_id', 'status', 'valid_from', 'valid_to'])
      .where('entry_id', '=', entryId)
      .where('method', '=', 'file')
      .where('status', '=', 'active')
      .where('consumer_department_id', 'in', [...scope])
      .execute();
    const live = grants.find((g) => grantState(g) === 'active');
    if (!live) throw notFound('exchange_file');
    return { provider: false, grantId: live.id, departmentId: live.consumer_department_id, grantEnds: live.valid_to };
  }

  private async fileRow(ctx: RequestContext, id: string) {
    const row = await ctx.db.selectFrom('exchange_file').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('exchange_file');
    return row;
  }

  private toFile(row: Awaited<ReturnType<FilesService['fileRow']>>) {
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

  private async fileOut(ctx: RequestContext, id: string) {
    return this.toFile(await this.fileRow(ctx, id));
  }

  /** An entry's file versions, newest first. */
  async list(ctx: RequestContext, entryId: string) {
    await this.access(ctx, entryId);
    const rows = await ctx.db.selectFrom('exchange_file').selectAll().where('entry_id', '=', entryId).orderBy('version', 'desc').execute();
    return rows.map((r) => this.toFile(r));
  }

  /** A link that downloads one version until it expires (or its downloads run out, or its grant ends). */
  async createLink(ctx: RequestContext, fileId: string, input: FileLinkCreate) {
    const file = await this.fileRow(ctx, fileId);
    const access = await this.access(ctx, file.entry_id);
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

  /** A version's links (never their tokens): all of them for the provider, its own department's for a grantee. */
  async listLinks(ctx: RequestContext, fileId: string) {
    const file = await this.fileRow(ctx, fileId);
    const access = await this.access(ctx, file.entry_id);
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
      ])
      .where('l.file_id', '=', file.id);
    if (!access.provider) q = q.where('l.department_id', '=', access.departmentId);
    const rows = await q.orderBy('l.created_at', 'desc').limit(200).execute();
    const now = Date.now();
    return rows.map((r) => ({
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
        (!r.grant_id || grantState({ status: r.grant_status!, valid_from: r.valid_from!, valid_to: r.valid_to! }, now) === 'active'),
    }));
  }

  /** Withdraws a link at once (the provider, or whoever made it); withdrawing it again changes and audits nothing. */
  async revokeLink(ctx: RequestContext, linkId: string) {
    const link = await ctx.db.selectFrom('exchange_file_link').selectAll().where('id', '=', linkId).executeTakeFirst();
    if (!link) throw notFound('file_link');
    const file = await this.fileRow(ctx, link.file_id);
    const access = await this.access(ctx, file.entry_id);
    if (!access.provider && link.created_by !== ctx.actor.userId) throw notFound('file_link');
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
        details: { linkId },
      });
    });
  }
}
