import { randomUUID } from 'node:crypto';
import { ErrorCode, type FileUploadCreate } from '@shuyuan/contracts';
import { sql } from 'kysely';
import { appendAudit, systemActor, type Actor } from '../../platform/audit/audit-log';
import { sm3 } from '../../platform/crypto/provider';
import { enqueueEvidence } from '../../platform/evidence/evidence-log';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { departmentScope, type RequestContext } from '../identity';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { IN_FORCE } from './exchange.repository';
import { FileLinksService } from './file-links.service';
import { fileAccess, fileRow, toFile } from './files.access';
import type { FileStore } from './files.store';

/** How long an unfinished upload keeps its chunks. */
const UPLOAD_DAYS = 7;
/** Expired uploads ended per transaction. */
const SWEEP_BATCH = 100;

const invalid = (field: string, reason: string) => badRequest(ErrorCode.ValidationFailed, { field, reason });

type UploadRow = Awaited<ReturnType<typeof uploadById>>;
function uploadById(db: Kysely<DB>, id: string) {
  return db.selectFrom('exchange_file_upload').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What ending an upload needs of its row. */
type EndedUpload = Pick<NonNullable<UploadRow>, 'id' | 'entry_id' | 'file_name' | 'size' | 'sm3' | 'chunk_count' | 'created_by'>;

/**
 * Ends an unfinished upload inside the caller's transaction (its row locked): its chunk rows go, its status becomes
 * `abandoned` (a person) or `expired` (the platform), and the audit event is written. The chunk files leave the disk
 * after the commit (`FileStore.dropChunks`).
 */
async function endUpload(
  trx: Transaction<DB>,
  row: EndedUpload,
  status: 'abandoned' | 'expired',
  actor: Actor,
  more: Record<string, unknown> = {},
): Promise<void> {
  const { numDeletedRows } = await trx.deleteFrom('exchange_file_chunk').where('upload_id', '=', row.id).executeTakeFirst();
  await trx.updateTable('exchange_file_upload').set({ status }).where('id', '=', row.id).execute();
  await appendAudit(trx, actor, {
    action: status === 'abandoned' ? 'exchange.file.upload.abandon' : 'exchange.file.upload.expire',
    targetType: 'exchange_file_upload',
    targetId: row.id,
    targetLabel: row.file_name,
    details: {
      entryId: row.entry_id,
      size: row.size,
      sm3: row.sm3,
      chunksReceived: Number(numDeletedRows),
      chunkCount: row.chunk_count,
      startedBy: row.created_by,
      ...more,
    },
  });
}

/**
 * File exchange (文件交换): a provider uploads versions of a resource's file in chunks, each checked with
 * SM3, resumable after a cut-off; grantees download a version through an expiring, audited link (`links`).
 */
export class FilesService {
  /** The download links of the versions, on the same store. */
  readonly links: FileLinksService;

  constructor(private readonly store: FileStore) {
    this.links = new FileLinksService(store);
  }

  private async entryOf(ctx: RequestContext, entryId: string) {
    return ctx.db
      .selectFrom('catalog_entry')
      .select(['id', 'code', 'name', 'department_id', 'status', 'sharing_methods'])
      .where('id', '=', entryId)
      .executeTakeFirst();
  }

  /**
   * An upload of the caller's departments, or 404: whoever may upload to its entry (an upload belongs to the entry's
   * department, which an entry never changes).
   */
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

  /** The caller's departments' unfinished uploads of an entry, with who started each: to resume one from another browser. */
  async listUploads(ctx: RequestContext, entryId: string) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    let q = ctx.db
      .selectFrom('exchange_file_upload as u')
      .leftJoin('app_user as s', 's.id', 'u.created_by')
      .select([
        'u.id',
        'u.created_by',
        's.display_name as created_by_name',
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
      createdBy: r.created_by,
      createdByName: r.created_by_name,
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
    // The chunk counts only while the upload is still going on (not abandoned or completed meanwhile): its row is
    // shared-locked, so abandoning waits for this chunk and then removes it with the others.
    const n = await ctx.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('exchange_file_upload').select('status').where('id', '=', row.id).forShare().executeTakeFirst();
      if (current?.status !== 'uploading') return null;
      await trx
        .insertInto('exchange_file_chunk')
        .values({ upload_id: row.id, idx: index, size: bytes.byteLength, sm3: actual })
        .onConflict((oc) => oc.columns(['upload_id', 'idx']).doUpdateSet({ size: bytes.byteLength, sm3: actual, received_at: sql`now()` }))
        .execute();
      // A short receipt: a file of many chunks would otherwise answer every chunk with every index.
      const { n } = await trx
        .selectFrom('exchange_file_chunk')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('upload_id', '=', row.id)
        .executeTakeFirstOrThrow();
      return Number(n);
    });
    if (n === null) {
      // Whatever ended the upload already took its chunks, or will once it commits: this one must not stay behind.
      await this.store.dropChunks(row.id);
      throw conflict(ErrorCode.InvalidTransition, { reason: 'the upload is no longer going on' });
    }
    return { uploadId: row.id, index, size: bytes.byteLength, sm3: actual, receivedCount: n, chunkCount: row.chunk_count };
  }

  /**
   * Joins the chunks, checks the whole file's SM3 and makes it the entry's next version, with an audit event
   * and an evidence leaf in the same transaction. A file whose SM3 differs is refused and the upload failed.
   */
  async complete(ctx: RequestContext, id: string) {
    const row = await this.ownUpload(ctx, id);
    if (row.status === 'complete') return this.fileOut(ctx, row.file_id!);
    if (row.status !== 'uploading') throw conflict(ErrorCode.InvalidTransition, { reason: `the upload is ${row.status}` });
    // Past its expiry an upload is over, whether or not the hourly sweep has ended it yet (as for a chunk).
    if (row.expires_at.getTime() < Date.now()) throw conflict(ErrorCode.InvalidTransition, { reason: 'the upload expired; start again' });
    const upload = await this.uploadOut(ctx, row);
    if (upload.missing.length)
      throw conflict(ErrorCode.UploadIncomplete, { missing: upload.missing.slice(0, 100), count: upload.missing.length });
    const fileId = randomUUID();
    const actual = await this.store.assemble(row.id, row.chunk_count, fileId).catch(async (error: unknown) => {
      // The chunks went while they were being joined: the upload was abandoned meanwhile.
      const now = await uploadById(ctx.db, row.id);
      if (now?.status !== 'uploading') throw conflict(ErrorCode.InvalidTransition, { reason: `the upload is ${now?.status ?? 'gone'}` });
      throw error;
    });
    if (actual !== row.sm3) {
      await this.store.discardAssembled(fileId);
      await ctx.db
        .updateTable('exchange_file_upload')
        .set({ status: 'failed', failure: `SM3 ${actual} is not the declared ${row.sm3}` })
        .where('id', '=', row.id)
        .where('status', '=', 'uploading')
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

  /**
   * Abandons an unfinished upload (放弃): its chunks leave the database and the disk, its row stays as `abandoned`,
   * and an audit event is written in the same transaction. Whoever may upload to the entry may abandon it, also once
   * it expired; abandoning it again changes and audits nothing. A completed or failed upload is not unfinished (409).
   */
  async abandonUpload(ctx: RequestContext, id: string): Promise<void> {
    const row = await this.ownUpload(ctx, id);
    await ctx.db.transaction().execute(async (trx) => {
      const { status } = await trx
        .selectFrom('exchange_file_upload')
        .select('status')
        .where('id', '=', row.id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      // Abandoned already, or ended by the platform at its expiry: its chunks are gone, there is nothing to change.
      if (status === 'abandoned' || status === 'expired') return;
      if (status !== 'uploading') throw conflict(ErrorCode.InvalidTransition, { reason: `the upload is ${status}` });
      await endUpload(trx, row, 'abandoned', ctx.actor);
    });
    // After the commit, and again on a repeat: a crash in between leaves chunks that nothing reads, until then.
    await this.store.dropChunks(row.id);
  }

  /**
   * Ends the uploads left unfinished past their expiry: each becomes `expired`, its chunk rows go and an audit
   * event is written in the same transaction, and after the commit its chunks leave the disk. Every server process
   * runs this at start and hourly; an upload another process is ending (or a chunk is being received for) is
   * skipped, not waited for. Returns how many it ended.
   */
  async sweepExpiredUploads(db: Kysely<DB>, now = new Date()): Promise<number> {
    let ended = 0;
    for (;;) {
      const done = await db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('exchange_file_upload')
          .select(['id', 'entry_id', 'file_name', 'size', 'sm3', 'chunk_count', 'created_by', 'expires_at'])
          .where('status', '=', 'uploading')
          .where('expires_at', '<=', now)
          .orderBy('expires_at')
          .limit(SWEEP_BATCH)
          .forUpdate()
          .skipLocked()
          .execute();
        for (const row of rows)
          await endUpload(trx, row, 'expired', systemActor('file-uploads'), { expiredAt: row.expires_at.toISOString() });
        return rows.map((r) => r.id);
      });
      // After the commit: a crash in between leaves chunk files that nothing reads; `dropChunks` of an ended upload is harmless.
      for (const id of done) await this.store.dropChunks(id);
      ended += done.length;
      if (done.length < SWEEP_BATCH) return ended;
    }
  }

  private async fileOut(ctx: RequestContext, id: string) {
    return toFile(await fileRow(ctx.db, id));
  }

  /**
   * Which evidence leaves of a visible version the caller sees: its upload and every download, or for a grantee, the
   * upload and its own departments' downloads.
   */
  async evidence(ctx: RequestContext, fileId: string) {
    const file = await fileRow(ctx.db, fileId);
    const access = await fileAccess(ctx, file.entry_id);
    const visible = access.provider
      ? undefined
      : sql<boolean>`((entry::jsonb) ->> 'op' = 'upload' or (entry::jsonb) ->> 'department' in (${sql.join([...access.consumers])}))`;
    return { by: 'file' as const, value: file.id, ...(visible ? { also: visible } : {}) };
  }

  /** An entry's file versions, newest first. */
  async list(ctx: RequestContext, entryId: string) {
    await fileAccess(ctx, entryId);
    const rows = await ctx.db.selectFrom('exchange_file').selectAll().where('entry_id', '=', entryId).orderBy('version', 'desc').execute();
    return rows.map(toFile);
  }
}
