import { basename, extname } from 'node:path';
import type { Readable } from 'node:stream';
import { ErrorCode } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { assertInScope } from '../../platform/auth/principal';
import type { SealedBox } from '../../platform/crypto/provider';
import { AppError, badRequest, conflict, notFound, rethrowUnique } from '../../platform/errors';
import { departmentScope, type RequestContext } from '../identity';
import { SourceError, type TableRef } from './connectors/connector';
import { introspectColumns, runTest, unreachable } from './sources.introspection';
import { connectorFor, type ResolvedSource } from './connectors/connector-for';
import { profileFile } from './connectors/file.connector';
import { discardFile, keepFile, receiveFile, removeStored, sourceFilesConfig, type SourceFilesConfig } from './source-files';
import { fromCreate, fromUpdate, resolveRow, resolveTestRequest, toSource } from './sources.mapping';
import { sourcesRepository as repo, type SourceRow } from './sources.repository';
import type { SourceCreate, SourceKind, SourceTestRequest, SourceUpdate } from './sources.schemas';
import { DEFAULT_PORTS, openCredentials, parseSettings, sealCredentials, type FileSettings } from './sources.settings';

const FOREIGN_KEY_VIOLATION = '23503';

/** An uploaded file as the route hands it over: its client-side name and its content stream. */
export interface FileUpload {
  fileName: string;
  stream: Readable;
  /** True when the stream stopped at the size limit. */
  truncated(): boolean;
}

/** The file name shown to people: the last path segment, without control characters. */
function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const last = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '');
  return (last || 'upload').slice(0, 255);
}

const FORMATS: Record<string, 'csv' | 'xlsx'> = { '.csv': 'csv', '.txt': 'csv', '.tsv': 'csv', '.xlsx': 'xlsx' };

/** Data sources (数据源) of departments: registration, connection tests, introspection, file uploads. */
export class SourcesService {
  constructor(
    private readonly box: SealedBox,
    readonly files: SourceFilesConfig = sourceFilesConfig(),
  ) {}

  private async visible(ctx: RequestContext, id: string): Promise<SourceRow> {
    const row = await repo.findById(ctx.db, id);
    if (!row) throw notFound('data_source');
    assertInScope(await departmentScope(ctx.db, ctx.principal), row.department_id, 'data_source');
    return row;
  }

  async list(ctx: RequestContext, query: { departmentId?: string | undefined; kind?: SourceKind | undefined; q?: string | undefined }) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    return (await repo.list(ctx.db, { departmentIds: scope ? [...scope] : null, ...query })).map(toSource);
  }

  async get(ctx: RequestContext, id: string) {
    return toSource(await this.visible(ctx, id));
  }

  async create(ctx: RequestContext, input: SourceCreate) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    const { settings, credentials } = fromCreate(input);
    return ctx.db.transaction().execute(async (trx) => {
      const department = await trx.selectFrom('department').select('id').where('id', '=', input.departmentId).executeTakeFirst();
      if (!department || (scope && !scope.has(input.departmentId)))
        throw badRequest(ErrorCode.ValidationFailed, { field: 'departmentId', reason: 'no such department' });
      const { id } = await repo
        .insert(trx, {
          department_id: input.departmentId,
          name: input.name,
          kind: input.kind,
          description: input.description ?? '',
          settings: JSON.stringify(settings),
          credentials_sealed: sealCredentials(this.box, credentials),
        })
        .catch((e: unknown) => rethrowUnique(e, { department_id_name: 'name' }));
      await appendAudit(trx, ctx.actor, {
        action: 'catalog.source.create',
        targetType: 'data_source',
        targetId: id,
        targetLabel: input.name,
        details: { kind: input.kind, departmentId: input.departmentId },
      });
      return toSource((await repo.findById(trx, id))!);
    });
  }

  async update(ctx: RequestContext, id: string, input: SourceUpdate) {
    const current = await this.visible(ctx, id);
    const { version, ...changes } = input;
    const connection = fromUpdate(current, input, this.box);
    return ctx.db.transaction().execute(async (trx) => {
      const updated = await repo
        .update(trx, id, version, {
          ...(changes.name !== undefined ? { name: changes.name } : {}),
          ...(changes.description !== undefined ? { description: changes.description } : {}),
          ...(changes.status !== undefined ? { status: changes.status } : {}),
          ...(connection
            ? { settings: JSON.stringify(connection.settings), credentials_sealed: sealCredentials(this.box, connection.credentials) }
            : {}),
        })
        .catch((e: unknown) => rethrowUnique(e, { department_id_name: 'name' }));
      if (!updated) throw conflict(ErrorCode.VersionConflict, { current: toSource((await repo.findById(trx, id)) ?? current) });
      await appendAudit(trx, ctx.actor, {
        action: 'catalog.source.update',
        targetType: 'data_source',
        targetId: id,
        targetLabel: changes.name ?? current.name,
        details: { changed: Object.keys(changes), ...(changes.status ? { status: changes.status } : {}) },
      });
      return toSource((await repo.findById(trx, id))!);
    });
  }

  async delete(ctx: RequestContext, id: string) {
    const current = await this.visible(ctx, id);
    await ctx.db.transaction().execute(async (trx) => {
      // A removed mount no longer holds its source; a live one does: the database refuses and we answer 409.
      await trx.deleteFrom('catalog_mount').where('source_id', '=', id).where('status', '=', 'removed').execute();
      await repo.delete(trx, id).catch((e: { code?: string }) => {
        if (e?.code === FOREIGN_KEY_VIOLATION) throw conflict(ErrorCode.Conflict, { reason: 'catalog mounts refer to the source' });
        throw e;
      });
      await appendAudit(trx, ctx.actor, {
        action: 'catalog.source.delete',
        targetType: 'data_source',
        targetId: id,
        targetLabel: current.name,
        details: { kind: current.kind },
      });
    });
    if (current.kind === 'file') await removeStored(this.files, id);
  }

  /** Tests a stored source and records the result on it. */
  async test(ctx: RequestContext, id: string) {
    const row = await this.visible(ctx, id);
    // The connection is tried outside any transaction: a slow source must not hold one open.
    const result = await runTest(connectorFor(resolveRow(row, this.box, this.files)));
    await ctx.db.transaction().execute(async (trx) => {
      await repo.recordTest(trx, id, result);
      await appendAudit(trx, ctx.actor, {
        action: 'catalog.source.test',
        targetType: 'data_source',
        targetId: id,
        targetLabel: row.name,
        details: { kind: row.kind, status: result.status, step: result.step, code: result.code, elapsedMs: result.elapsedMs },
      });
    });
    return result;
  }

  /** Tests settings before they are saved; nothing is stored but the audit record. */
  async testSettings(ctx: RequestContext, input: SourceTestRequest) {
    let stored = {};
    if (input.sourceId) {
      const row = await this.visible(ctx, input.sourceId);
      if (row.kind !== input.kind) throw badRequest(ErrorCode.ValidationFailed, { field: 'sourceId', reason: `a ${row.kind} source` });
      stored = openCredentials(this.box, row.credentials_sealed);
    }
    const result = await runTest(connectorFor(resolveTestRequest(input, stored)));
    const target =
      input.kind === 'http_json' ? input.connection.url : `${input.connection.host}:${input.connection.port ?? DEFAULT_PORTS[input.kind]}`;
    await ctx.db.transaction().execute((trx) =>
      appendAudit(trx, ctx.actor, {
        action: 'catalog.source.test',
        targetType: 'data_source',
        ...(input.sourceId ? { targetId: input.sourceId } : {}),
        targetLabel: target,
        details: {
          kind: input.kind,
          unsaved: true,
          status: result.status,
          step: result.step,
          code: result.code,
          elapsedMs: result.elapsedMs,
        },
      }),
    );
    return result;
  }

  async tables(ctx: RequestContext, id: string) {
    const row = await this.visible(ctx, id);
    return connectorFor(resolveRow(row, this.box, this.files))
      .tables()
      .catch(unreachable);
  }

  async columns(ctx: RequestContext, id: string, ref: TableRef) {
    await this.visible(ctx, id);
    return introspectColumns(ctx.db, this.box, id, ref, this.files);
  }

  /** The columns of a table as the caller may see them, with what kind of resource it is: the catalog's mount wizard reads this. */
  async readColumns(ctx: RequestContext, id: string, table: string) {
    const row = await this.visible(ctx, id);
    if (row.status === 'disabled')
      throw conflict(ErrorCode.Conflict, { reason: 'the source is disabled: enable it before mounting from it' });
    // A PostgreSQL resource is named `schema.table` when the source spans several schemas.
    const dot = table.indexOf('.');
    const ref = row.kind === 'postgresql' && dot > 0 ? { schema: table.slice(0, dot), name: table.slice(dot + 1) } : { name: table };
    const columns = await introspectColumns(ctx.db, this.box, id, ref, this.files);
    const kind = row.kind === 'http_json' ? ('api' as const) : row.kind === 'file' ? ('file' as const) : ('table' as const);
    return { kind, columns };
  }

  /** Stores a CSV or XLSX file as the content of a file source, replacing the previous one. */
  async uploadFile(ctx: RequestContext, id: string, upload: FileUpload) {
    let row: SourceRow;
    try {
      row = await this.visible(ctx, id);
    } catch (error) {
      upload.stream.resume();
      throw error;
    }
    const fileName = cleanFileName(upload.fileName);
    const format = FORMATS[extname(fileName).toLowerCase()];
    if (row.kind !== 'file' || !format) {
      upload.stream.resume();
      const reason = row.kind !== 'file' ? `a ${row.kind} source takes no file` : 'a .csv or .xlsx file';
      throw badRequest(ErrorCode.ValidationFailed, { field: 'file', reason });
    }

    const received = await receiveFile(this.files, id, upload.stream);
    const storedName = `${id}/${received.sha256}.${format}`;
    let file: FileSettings;
    try {
      if (upload.truncated()) throw new AppError(413, ErrorCode.BodyTooLarge, { field: 'file', maxBytes: this.files.maxBytes });
      if (received.size === 0) throw badRequest(ErrorCode.ValidationFailed, { field: 'file', reason: 'the file is empty' });
      const profile = await profileFile(received.tmpPath, format, true).catch((e: unknown) => {
        if (e instanceof SourceError) throw badRequest(ErrorCode.ValidationFailed, { field: 'file', reason: e.message });
        throw e;
      });
      file = {
        fileName,
        fileSize: received.size,
        sha256: received.sha256,
        format,
        encoding: profile.encoding,
        delimiter: profile.delimiter,
        sheet: profile.sheet,
        rowCount: profile.rowCount,
        storedName,
        uploadedAt: new Date().toISOString(),
      };
      await keepFile(this.files, received.tmpPath, storedName);
    } catch (error) {
      await discardFile(received.tmpPath);
      throw error;
    }

    const previous = parseSettings('file', row.settings);
    try {
      const saved = await ctx.db.transaction().execute(async (trx) => {
        if (!(await repo.update(trx, id, row.version, { settings: JSON.stringify(file) })))
          throw conflict(ErrorCode.VersionConflict, { current: toSource((await repo.findById(trx, id)) ?? row) });
        await appendAudit(trx, ctx.actor, {
          action: 'catalog.source.upload',
          targetType: 'data_source',
          targetId: id,
          targetLabel: row.name,
          details: { fileName, fileSize: file.fileSize, sha256: file.sha256, format, rowCount: file.rowCount },
        });
        return toSource((await repo.findById(trx, id))!);
      });
      if (previous && previous.storedName !== storedName) await removeStored(this.files, previous.storedName);
      return saved;
    } catch (error) {
      if (previous?.storedName !== storedName) await removeStored(this.files, storedName);
      throw error;
    }
  }
}

/** A column reader for the catalog's mounts: `(ctx, sourceId, table) → { kind, columns }`, scoped to the caller. */
export function sourceColumnReader(box: SealedBox, files: SourceFilesConfig = sourceFilesConfig()) {
  const service = new SourcesService(box, files);
  return (ctx: RequestContext, sourceId: string, table: string) => service.readColumns(ctx, sourceId, table);
}

/**
 * A source with its credentials opened, for another module's own connections (the gateway's logical
 * access); null when there is no such source or it is disabled. No scope check: callers check grants.
 */
export async function openSource(
  db: Kysely<DB>,
  box: SealedBox,
  sourceId: string,
  files: SourceFilesConfig = sourceFilesConfig(),
): Promise<{ version: number; resolved: ResolvedSource } | null> {
  const row = await repo.findById(db, sourceId);
  if (!row || row.status !== 'active') return null;
  return { version: row.version, resolved: resolveRow(row, box, files) };
}
