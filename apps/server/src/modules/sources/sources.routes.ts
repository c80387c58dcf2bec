import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ErrorCode, Permission } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import type { SealedBox } from '../../platform/crypto/provider';
import { AppError, badRequest } from '../../platform/errors';
import { contextOf } from '../identity';
import { sourceFilesConfig, type SourceFilesConfig } from './source-files';
import {
  DataSource,
  SourceColumn,
  SourceCreate,
  SourceIdParams,
  SourceQuery,
  SourceTable,
  SourceTestRequest,
  SourceTestResult,
  SourceUpdate,
  TableParams,
  TableQuery,
} from './sources.schemas';
import { SourcesService } from './sources.service';

const P = Permission;
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** The multipart plugin's errors in our vocabulary: 413 past the size limit, 415 when not multipart. */
function uploadError(error: unknown, maxBytes: number): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, ErrorCode.BodyTooLarge, { field: 'file', maxBytes });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return new AppError(415, ErrorCode.UnsupportedMediaType, { expected: 'multipart/form-data' });
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
    return badRequest(ErrorCode.ValidationFailed, { field: 'file', reason: 'one file per request' });
  return error;
}

/** Data sources (数据源登记) under /api/v1/sources: registration, tests, introspection, file uploads. */
export const sourcesRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; box: SealedBox; files?: SourceFilesConfig }> = async (
  app,
  { db, box, files },
) => {
  const sources = new SourcesService(box, files ?? sourceFilesConfig());
  const maxBytes = sources.files.maxBytes;
  // Registered here, so multipart bodies are accepted by this plugin's routes only.
  await app.register(fastifyMultipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true });
  const ctx = (request: FastifyRequest) => contextOf(db, request);
  const tags = ['sources'];

  app.get(
    '/sources',
    {
      config: { access: P.SourceRead },
      schema: { tags, summary: 'List data sources visible to the caller', querystring: SourceQuery, response: { 200: items(DataSource) } },
    },
    async (req) => ({ items: await sources.list(ctx(req), req.query) }),
  );
  app.get(
    '/sources/:id',
    {
      config: { access: P.SourceRead },
      schema: { tags, summary: 'Get a data source', params: SourceIdParams, response: { 200: DataSource } },
    },
    (req) => sources.get(ctx(req), req.params.id),
  );
  app.post(
    '/sources',
    {
      config: { access: P.SourceManage },
      schema: { tags, summary: 'Register a data source (credentials are sealed)', body: SourceCreate, response: { 201: DataSource } },
    },
    async (req, reply) => reply.status(201).send(await sources.create(ctx(req), req.body)),
  );
  app.patch(
    '/sources/:id',
    {
      config: { access: P.SourceManage },
      schema: {
        tags,
        summary: 'Update a data source (optimistic version)',
        params: SourceIdParams,
        body: SourceUpdate,
        response: { 200: DataSource },
      },
    },
    (req) => sources.update(ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/sources/:id',
    {
      config: { access: P.SourceManage },
      schema: { tags, summary: 'Delete a data source that nothing is mounted on', params: SourceIdParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await sources.delete(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/sources/test',
    {
      config: { access: P.SourceManage },
      schema: { tags, summary: 'Test unsaved connection settings', body: SourceTestRequest, response: { 200: SourceTestResult } },
    },
    (req) => sources.testSettings(ctx(req), req.body),
  );
  app.post(
    '/sources/:id/test',
    {
      config: { access: P.SourceManage },
      schema: { tags, summary: 'Test a data source and record the result', params: SourceIdParams, response: { 200: SourceTestResult } },
    },
    (req) => sources.test(ctx(req), req.params.id),
  );
  app.get(
    '/sources/:id/tables',
    {
      config: { access: P.SourceRead },
      schema: { tags, summary: 'List the tables and views of a source', params: SourceIdParams, response: { 200: items(SourceTable) } },
    },
    async (req) => ({ items: await sources.tables(ctx(req), req.params.id) }),
  );
  app.get(
    '/sources/:id/tables/:table/columns',
    {
      config: { access: P.SourceRead },
      schema: {
        tags,
        summary: 'List the columns of a table (schema in the query where a source has several)',
        params: TableParams,
        querystring: TableQuery,
        response: { 200: items(SourceColumn) },
      },
    },
    async (req) => ({
      items: await sources.columns(ctx(req), req.params.id, { name: req.params.table, schema: req.query.schema ?? null }),
    }),
  );
  app.put(
    '/sources/:id/file',
    {
      config: { access: P.SourceManage },
      schema: {
        tags,
        summary: 'Upload the CSV or XLSX file of a file source (multipart, field `file`)',
        consumes: ['multipart/form-data'],
        params: SourceIdParams,
        response: { 200: DataSource },
      },
    },
    async (req) => {
      const part = await req.file().catch((error: unknown) => Promise.reject(uploadError(error, maxBytes)));
      if (!part) throw badRequest(ErrorCode.ValidationFailed, { field: 'file', reason: 'no file in the request' });
      return sources
        .uploadFile(ctx(req), req.params.id, { fileName: part.filename, stream: part.file, truncated: () => part.file.truncated })
        .catch((error: unknown) => Promise.reject(uploadError(error, maxBytes)));
    },
  );
};
