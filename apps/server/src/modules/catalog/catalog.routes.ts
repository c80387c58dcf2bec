import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Permission } from '@shuyuan/contracts';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { contextOf } from '../identity';
import {
  ChangeFeed,
  ChangeQuery,
  Entry,
  EntryCreate,
  EntryParams,
  EntryQuery,
  EntrySearchResult,
  EntryUpdate,
  EntryVersion,
  FieldChange,
  InfoSystem,
  InfoSystemCreate,
  InfoSystemUpdate,
  Mount,
  MountCreate,
  MountPreview,
  MountReview,
  RetireBody,
  ReviewBody,
  SystemQuery,
  TimelineEvent,
  VersionBody,
  UpdateRequestBody,
  CatalogStats,
} from './catalog.schemas';
import * as entries from './entries.service';
import * as mounts from './mounts.service';
import type { ColumnReader } from './mounts.service';
import { searchEntries } from './search.service';
import * as systems from './systems.service';

const P = Permission;
const items = <T extends z.ZodType>(schema: T) => z.object({ items: z.array(schema) });

/** The resource catalog under /api/v1/catalog: entries, their lifecycle, search, systems, the change feed. */
export const catalogRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; readColumns: ColumnReader }> = async (app, { db, readColumns }) => {
  const ctx = (request: FastifyRequest) => contextOf(db, request);
  const tags = ['catalog'];

  app.get(
    '/catalog/entries',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: 'Search and browse catalog entries with facets',
        description:
          'Chinese full-text search over name, summary, data items, tags and department (prefix words, small typos tolerated), ' +
          'filters as comma-separated values, facet counts, highlighting. `scope=mine` lists the caller department subtree with drafts; ' +
          '`scope=review` the review queue.',
        querystring: EntryQuery,
        response: { 200: EntrySearchResult },
      },
    },
    (req) => searchEntries(ctx(req), req.query),
  );
  app.post(
    '/catalog/entries',
    {
      config: { access: P.CatalogCompile },
      schema: { tags, summary: 'Compile a new entry (a draft)', body: EntryCreate, response: { 201: Entry } },
    },
    async (req, reply) => reply.status(201).send(await entries.createEntry(ctx(req), req.body)),
  );
  app.get(
    '/catalog/entries/:id',
    { config: { access: P.CatalogRead }, schema: { tags, summary: 'Get an entry', params: EntryParams, response: { 200: Entry } } },
    (req) => entries.getEntry(ctx(req), req.params.id),
  );
  app.put(
    '/catalog/entries/:id',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: 'Save an entry: a draft in place, a published entry as a pending change',
        params: EntryParams,
        body: EntryUpdate,
        response: { 200: Entry },
      },
    },
    (req) => entries.updateEntry(ctx(req), req.params.id, req.body.content, req.body.version),
  );
  app.delete(
    '/catalog/entries/:id',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: 'Delete a draft that was never published',
        params: EntryParams,
        body: VersionBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await entries.deleteEntry(ctx(req), req.params.id, req.body.version);
      return reply.status(204).send(null);
    },
  );
  const transition = (path: string, summary: string, run: (c: ReturnType<typeof ctx>, id: string, version: number) => Promise<unknown>) =>
    app.post(
      `/catalog/entries/:id/${path}`,
      { config: { access: P.CatalogCompile }, schema: { tags, summary, params: EntryParams, body: VersionBody, response: { 200: Entry } } },
      (req) => run(ctx(req), req.params.id, req.body.version) as Promise<z.infer<typeof Entry>>,
    );
  transition('submit', 'Submit a draft, or a pending change, for review', entries.submitEntry);
  transition('withdraw', 'Take a submission, change or retirement back out of review', entries.withdrawEntry);
  transition('discard-change', "Drop a published entry's pending change", entries.discardChange);
  app.post(
    '/catalog/entries/:id/retire',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: 'Ask for a published entry to be retired (下线)',
        params: EntryParams,
        body: RetireBody,
        response: { 200: Entry },
      },
    },
    (req) => entries.requestRetire(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/catalog/entries/:id/review',
    {
      config: { access: P.CatalogReview },
      schema: {
        tags,
        summary: 'Approve (publish, apply the change, retire) or return what is in review',
        params: EntryParams,
        body: ReviewBody,
        response: { 200: Entry },
      },
    },
    (req) => entries.reviewEntry(ctx(req), req.params.id, req.body),
  );
  app.post(
    '/catalog/entries/:id/request-update',
    {
      config: { access: P.CatalogReview },
      schema: {
        tags,
        summary: 'Ask the department to update a published entry after a change in its duties (due in 10 working days)',
        params: EntryParams,
        body: UpdateRequestBody,
        response: { 200: Entry },
      },
    },
    (req) => entries.requestUpdate(ctx(req), req.params.id, req.body.reason, req.body.version),
  );
  app.get(
    '/catalog/stats',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: 'Catalog figures: entries by status, review and update deadlines met and overdue',
        querystring: z.strictObject({ scope: z.enum(['all', 'mine']).default('all') }),
        response: { 200: CatalogStats },
      },
    },
    (req) => entries.catalogStats(ctx(req), req.query.scope),
  );
  app.get(
    '/catalog/entries/:id/timeline',
    {
      config: { access: P.CatalogRead },
      schema: { tags, summary: "An entry's lifecycle, step by step", params: EntryParams, response: { 200: items(TimelineEvent) } },
    },
    async (req) => ({ items: await entries.entryTimeline(ctx(req), req.params.id) }),
  );
  app.get(
    '/catalog/entries/:id/versions',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: 'Published versions of an entry, newest first',
        params: EntryParams,
        response: { 200: items(EntryVersion) },
      },
    },
    async (req) => ({ items: await entries.entryVersions(ctx(req), req.params.id) }),
  );
  app.get(
    '/catalog/entries/:id/diff',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: 'Differences between two versions (revision numbers, `current` or `pending`)',
        params: EntryParams,
        querystring: z.strictObject({
          from: z
            .string()
            .regex(/^(\d+|current|pending)$/)
            .optional(),
          to: z
            .string()
            .regex(/^(\d+|current|pending)$/)
            .optional(),
        }),
        response: { 200: z.object({ from: z.string(), to: z.string(), changes: z.array(FieldChange) }) },
      },
    },
    (req) => entries.entryDiff(ctx(req), req.params.id, req.query.from, req.query.to),
  );
  app.get(
    '/catalog/changes',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: 'The feed of published changes (publish, change, retire) after a position',
        description: 'Follow it by passing the `next` of one answer as `since` of the next request.',
        querystring: ChangeQuery,
        response: { 200: ChangeFeed },
      },
    },
    (req) => entries.changesSince(ctx(req), req.query.since, req.query.limit),
  );

  app.get(
    '/catalog/entries/:id/mounts',
    {
      config: { access: P.CatalogRead },
      schema: { tags, summary: 'Resources mounted to an entry (挂接)', params: EntryParams, response: { 200: items(Mount) } },
    },
    async (req) => ({ items: await mounts.listMounts(ctx(req), req.params.id) }),
  );
  app.post(
    '/catalog/entries/:id/mounts/preview',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: "Compare a resource's columns with the entry's data items (missing, extra, type mismatch) without writing",
        params: EntryParams,
        body: MountCreate,
        response: { 200: MountPreview },
      },
    },
    (req) => mounts.previewMount(ctx(req), readColumns, req.params.id, req.body),
  );
  app.post(
    '/catalog/entries/:id/mounts',
    {
      config: { access: P.CatalogCompile },
      schema: {
        tags,
        summary: 'Request a mount; refused with MOUNT_INCOMPLETE when the resource does not cover the data items',
        params: EntryParams,
        body: MountCreate,
        response: { 201: Mount },
      },
    },
    async (req, reply) => reply.status(201).send(await mounts.createMount(ctx(req), readColumns, req.params.id, req.body)),
  );
  app.post(
    '/catalog/mounts/:id/review',
    {
      config: { access: P.CatalogReview },
      schema: { tags, summary: 'Approve or return a requested mount', params: EntryParams, body: MountReview, response: { 200: Mount } },
    },
    (req) => mounts.reviewMount(ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/catalog/mounts/:id',
    {
      config: { access: P.CatalogCompile },
      schema: { tags, summary: 'Take a mount off its entry', params: EntryParams, body: VersionBody, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await mounts.removeMount(ctx(req), req.params.id, req.body.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/catalog/systems',
    {
      config: { access: P.CatalogRead },
      schema: { tags, summary: 'List information systems (政务信息系统)', querystring: SystemQuery, response: { 200: items(InfoSystem) } },
    },
    async (req) => ({ items: await systems.listSystems(ctx(req), req.query) }),
  );
  app.get(
    '/catalog/systems/:id',
    {
      config: { access: P.CatalogRead },
      schema: { tags, summary: 'Get an information system', params: EntryParams, response: { 200: InfoSystem } },
    },
    (req) => systems.getSystem(ctx(req), req.params.id),
  );
  app.get(
    '/catalog/systems/:id/entries',
    {
      config: { access: P.CatalogRead },
      schema: {
        tags,
        summary: 'Published entries linked to a system',
        params: EntryParams,
        response: { 200: items(z.object({ id: z.uuid(), code: z.string(), name: z.string(), status: z.string() })) },
      },
    },
    async (req) => ({ items: await systems.systemEntries(ctx(req), req.params.id) }),
  );
  app.post(
    '/catalog/systems',
    {
      config: { access: P.SystemManage },
      schema: { tags, summary: 'Register an information system', body: InfoSystemCreate, response: { 201: InfoSystem } },
    },
    async (req, reply) => reply.status(201).send(await systems.createSystem(ctx(req), req.body)),
  );
  app.patch(
    '/catalog/systems/:id',
    {
      config: { access: P.SystemManage },
      schema: { tags, summary: 'Update an information system', params: EntryParams, body: InfoSystemUpdate, response: { 200: InfoSystem } },
    },
    (req) => systems.updateSystem(ctx(req), req.params.id, req.body),
  );
  app.delete(
    '/catalog/systems/:id',
    {
      config: { access: P.SystemManage },
      schema: { tags, summary: 'Delete an information system no entry links', params: EntryParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await systems.deleteSystem(ctx(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
