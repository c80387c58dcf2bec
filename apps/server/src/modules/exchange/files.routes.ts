import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ErrorCode, FILE_CHUNK, FileLinkCreate, FileUploadCreate, Permission } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { contextOf } from '../identity';
import { ProvenLeavesOut, type EvidenceLog } from '../evidence';
import { IdParams, EvidenceListQuery } from './exchange.schemas';
import { ExchangeFile, FileChunkReceipt, FileLink, FileLinkSummary, FileUpload, FileUploadSummary } from './files.schemas';
import type { FilesService } from './files.service';

const P = Permission;

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` within a file of `size` bytes; null when absent or unsatisfiable. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}

/** File exchange under /api/v1/exchange/files: chunked uploads, versions, links, and the download. */
export const filesRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; files: FilesService; evidence: EvidenceLog }> = async (
  app,
  { db, files, evidence },
) => {
  const ctx = (request: FastifyRequest) => contextOf(db, request);
  const tags = ['exchange'];
  // Chunks arrive as raw bytes, up to the largest chunk size, in this plugin only.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: FILE_CHUNK.max }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/exchange/files/uploads',
    {
      config: { access: P.FileManage },
      schema: {
        tags,
        summary: "Start a chunked upload of a new version of one of the department's files (SM3 of the whole file declared)",
        body: FileUploadCreate,
        response: { 201: FileUpload },
      },
    },
    async (req, reply) => reply.status(201).send(await files.startUpload(ctx(req), req.body)),
  );
  app.get(
    '/exchange/files/uploads',
    {
      config: { access: P.FileManage },
      schema: {
        tags,
        summary: "The caller's departments' unfinished uploads of an entry (to resume from any browser)",
        querystring: z.strictObject({ entryId: z.uuid() }),
        response: { 200: z.object({ items: z.array(FileUploadSummary) }) },
      },
    },
    async (req) => ({ items: await files.listUploads(ctx(req), req.query.entryId) }),
  );
  app.get(
    '/exchange/files/:id/links',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: "A version's download links with their downloads (all for the provider, the department's own for a grantee)",
        params: IdParams,
        response: { 200: z.object({ items: z.array(FileLinkSummary) }) },
      },
    },
    async (req) => ({ items: await files.links.listLinks(ctx(req), req.params.id) }),
  );
  app.get(
    '/exchange/files/:id/evidence',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: "A version's evidence: its upload's and downloads' leaves with inclusion proofs, in log order",
        description:
          "The provider sees every transfer of the version; a grantee its upload and its own departments' downloads. " +
          '`queued` transfers are not sequenced into the log yet (within seconds).',
        params: IdParams,
        querystring: EvidenceListQuery,
        response: { 200: ProvenLeavesOut },
      },
    },
    async (req) => evidence.provenNamed({ ...(await files.evidence(ctx(req), req.params.id)), limit: req.query.limit }),
  );
  app.get(
    '/exchange/files/uploads/:id',
    {
      config: { access: P.FileManage },
      schema: {
        tags,
        summary: 'An upload: which chunks arrived, which are missing (to resume)',
        params: IdParams,
        response: { 200: FileUpload },
      },
    },
    (req) => files.getUpload(ctx(req), req.params.id),
  );
  app.put(
    '/exchange/files/uploads/:id/chunks/:index',
    {
      config: { access: P.FileManage },
      schema: {
        tags,
        summary: 'Send one chunk (application/octet-stream) with its SM3 in the x-sm3 header; a tampered chunk is refused',
        params: z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(1_000_000) }),
        headers: z.object({ 'x-sm3': z.string().optional() }).passthrough(),
        response: { 200: FileChunkReceipt },
      },
    },
    async (req) => {
      const body = req.body;
      if (!Buffer.isBuffer(body)) throw new AppError(415, ErrorCode.UnsupportedMediaType, { expected: 'application/octet-stream' });
      return files.putChunk(ctx(req), req.params.id, req.params.index, body, req.headers['x-sm3'] as string | undefined);
    },
  );
  app.post(
    '/exchange/files/uploads/:id/complete',
    {
      config: { access: P.FileManage },
      schema: {
        tags,
        summary: "Join the chunks, check the file's SM3, and publish it as the entry's next version",
        params: IdParams,
        response: { 201: ExchangeFile },
      },
    },
    async (req, reply) => reply.status(201).send(await files.complete(ctx(req), req.params.id)),
  );
  app.delete(
    '/exchange/files/uploads/:id',
    {
      config: { access: P.FileManage },
      schema: {
        tags,
        summary:
          'Abandon an unfinished upload: its chunks are removed, it is kept as abandoned and audited; again answers 204 and records nothing',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await files.abandonUpload(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/exchange/files',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: "An entry's file versions: for its provider and for departments holding a live file grant",
        querystring: z.strictObject({ entryId: z.uuid() }),
        response: { 200: z.object({ items: z.array(ExchangeFile) }) },
      },
    },
    async (req) => ({ items: await files.list(ctx(req), req.query.entryId) }),
  );
  app.post(
    '/exchange/files/:id/links',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: 'An expiring download link for a version (the provider, or a grantee of a live file grant); audited',
        params: IdParams,
        body: FileLinkCreate,
        response: { 201: FileLink },
      },
    },
    async (req, reply) => reply.status(201).send(await files.links.createLink(ctx(req), req.params.id, req.body)),
  );
  app.delete(
    '/exchange/files/links/:id',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary:
          "Withdraw a download link at once (the provider, or any member of the link's department while it holds a live file grant); again answers 204",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await files.links.revokeLink(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/exchange/files/download/:token',
    {
      // The link is the credential: whoever holds it may download until it expires; every download is audited.
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Download through a link (Range requests resume a download); 410 LINK_EXPIRED once it has expired',
        params: z.object({ token: z.string().max(200) }),
      },
    },
    async (req, reply) => {
      const rangeHeader = req.headers.range;
      const first = /^bytes=(\d+)-/.exec(rangeHeader ?? '');
      const download = await files.links.download(db, req.params.token, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        rangeStart: first ? Number(first[1]) : rangeHeader ? -1 : 0,
      });
      const range = parseRange(rangeHeader, download.size);
      reply
        .header('accept-ranges', 'bytes')
        .header('x-sm3', download.sm3)
        .header('content-type', download.mediaType)
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="${download.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
        );
      if (range === 'invalid') return reply.status(416).header('content-range', `bytes */${download.size}`).send();
      if (range) {
        reply
          .status(206)
          .header('content-range', `bytes ${range.start}-${range.end}/${download.size}`)
          .header('content-length', range.end - range.start + 1);
        return reply.send(createReadStream(download.path, { start: range.start, end: range.end }));
      }
      reply.header('content-length', download.size);
      return reply.send(createReadStream(download.path));
    },
  );
};
