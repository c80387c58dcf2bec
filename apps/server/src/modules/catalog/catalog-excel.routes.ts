import { PassThrough, type Writable } from 'node:stream';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, Permission } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError, badRequest } from '../../platform/errors';
import { contextOf } from '../identity';
import { ExportQuery, ImportJob, ImportJobParams, ImportResult } from './catalog-excel.schemas';
import { importWorkbook, prepareExport, writeEmptyTemplate } from './catalog-excel.service';
import { enqueueImport, getImportJob, listImportJobs } from './catalog-import.service';
import { ImportWorker, type ImportWorkerOptions } from './catalog-import.worker';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Room for the multipart envelope around the file when the declared length is checked up front. */
const ENVELOPE_BYTES = 64 * 1024;

/** The import settings: SHUYUAN_IMPORT_MAX_MB (default 20) and SHUYUAN_IMPORT_WORKER=0 for a process that runs no jobs. */
export function importSettings(env: NodeJS.ProcessEnv = process.env): { maxBytes: number; worker: boolean } {
  const mb = Number(env.SHUYUAN_IMPORT_MAX_MB ?? 20);
  if (!Number.isFinite(mb) || mb <= 0)
    throw new Error(`SHUYUAN_IMPORT_MAX_MB must be a positive number of MiB, not ${env.SHUYUAN_IMPORT_MAX_MB}`);
  return { maxBytes: Math.floor(mb * 1024 * 1024), worker: env.SHUYUAN_IMPORT_WORKER !== '0' };
}

const tooLarge = (maxBytes: number) =>
  new AppError(413, ErrorCode.BodyTooLarge, { field: 'file', maxBytes, maxMiB: maxBytes / 1024 / 1024 });

/** The uploaded workbook, refused before it is parsed when it is larger than the limit. */
async function uploadedFile(req: FastifyRequest, maxBytes: number): Promise<{ file: Buffer; fileName: string }> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  try {
    const part = await req.file({ limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });
    if (!part) throw badRequest(ErrorCode.ValidationFailed, { field: 'file', reason: 'no file in the request' });
    return { file: await part.toBuffer(), fileName: part.filename || 'catalog.xlsx' };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError(415, ErrorCode.UnsupportedMediaType, { expected: 'multipart/form-data' });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw badRequest(ErrorCode.ValidationFailed, { field: 'file', reason: 'one file per request' });
    throw error;
  }
}

/** Streams a workbook as a download; `write` runs after the headers are sent. */
function sendWorkbook(reply: FastifyReply, fileName: string, write: (out: Writable) => Promise<void>) {
  const out = new PassThrough();
  write(out).catch((err: unknown) => {
    reply.log.error({ err }, 'writing the workbook failed');
    out.destroy(err as Error);
  });
  return reply
    .type(XLSX)
    .header(
      'content-disposition',
      `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .send(out);
}

/**
 * Excel import and export of the catalog with the compilation template (编制模板): the template, a
 * synchronous import for small files, durable import jobs with progress, and the filtered export.
 */
export const catalogExcelRoutes: FastifyPluginAsyncZod<{
  db: Kysely<DB>;
  maxBytes?: number;
  worker?: ImportWorkerOptions | false;
}> = async (app, options) => {
  const { db } = options;
  const settings = importSettings();
  const maxBytes = options.maxBytes ?? settings.maxBytes;
  // Multipart bodies are accepted by this plugin's routes only (unless a parent already accepts them).
  if (!app.hasContentTypeParser('multipart/form-data')) await app.register(fastifyMultipart);
  const worker = options.worker !== false && settings.worker ? new ImportWorker(db, app.log, options.worker || {}) : null;
  if (worker) {
    app.addHook('onReady', async () => worker.start());
    app.addHook('onClose', async () => worker.stop());
  }
  const ctx = (request: FastifyRequest) => contextOf(db, request);
  const tags = ['catalog'];
  const P = Permission;

  app.get(
    '/catalog/template.xlsx',
    {
      config: { access: P.CatalogCompile },
      schema: { tags, summary: 'Download the compilation template (编制模板) with its drop-downs and guide', produces: [XLSX] },
    },
    (_req, reply) => sendWorkbook(reply, '目录编制模板.xlsx', writeEmptyTemplate),
  );
  app.post(
    '/catalog/import',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: 'Import a filled template at once (multipart, field `file`): every entry as a draft, or nothing',
        description:
          'Every row is checked first; any problem answers 400 IMPORT_INVALID with `details.errors` [{sheet, row, column, reason, kind}] ' +
          'and nothing is written. Larger files: POST /catalog/imports. The size limit (SHUYUAN_IMPORT_MAX_MB) answers 413.',
        consumes: ['multipart/form-data'],
        response: { 201: ImportResult },
      },
    },
    async (req, reply) => {
      const { file, fileName } = await uploadedFile(req, maxBytes);
      return reply.status(201).send(await importWorkbook(ctx(req), file, fileName));
    },
  );
  app.post(
    '/catalog/imports',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: 'Queue an import job for a filled template (multipart, field `file`); follow it with GET /catalog/imports/{id}',
        consumes: ['multipart/form-data'],
        response: { 202: ImportJob },
      },
    },
    async (req, reply) => {
      const { file, fileName } = await uploadedFile(req, maxBytes);
      const job = await enqueueImport(ctx(req), file, fileName);
      worker?.kick();
      return reply.status(202).send(job);
    },
  );
  app.get(
    '/catalog/imports',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: "The caller's latest import jobs (without their errors)",
        response: { 200: z.object({ items: z.array(ImportJob) }) },
      },
    },
    async (req) => ({ items: await listImportJobs(ctx(req)) }),
  );
  app.get(
    '/catalog/imports/:id',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: 'An import job: its progress, and every error once it failed',
        params: ImportJobParams,
        response: { 200: ImportJob },
      },
    },
    (req) => getImportJob(ctx(req), req.params.id),
  );
  app.get(
    '/catalog/export.xlsx',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: 'Export the entries GET /catalog/entries lists with the same filters (all of them) as the template',
        querystring: ExportQuery,
        produces: [XLSX],
      },
    },
    async (req, reply) => {
      const write = await prepareExport(ctx(req), req.query);
      return sendWorkbook(reply, `目录导出-${new Date().toISOString().slice(0, 10)}.xlsx`, write);
    },
  );
};
