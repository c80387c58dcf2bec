import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Permission } from '@shuyuan/contracts';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../platform/auth/auth-hook';
import type { SealedBox } from '../../platform/crypto/provider';
import { contextOf } from '../identity';
import { CascadeNode, EntryParams, NodeCreate, NodeUpdate } from './catalog.schemas';
import { CASCADE_PATH } from './cascade.outbox';
import * as cascade from './cascade.service';

/** The cascade between nodes: node registry and status, and the signed endpoint other nodes push to. */
export const cascadeRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; box: SealedBox }> = async (app, { db, box }) => {
  const ctx = (request: FastifyRequest) => contextOf(db, request);
  const tags = ['cascade'];
  const P = Permission;

  app.get(
    '/cascade/nodes',
    {
      config: { access: P.CascadeManage },
      schema: {
        tags,
        summary: 'Nodes of the cascade with their status: queue, lag, last error',
        response: { 200: z.object({ items: z.array(CascadeNode) }) },
      },
    },
    async (req) => ({ items: await cascade.listNodes(ctx(req)) }),
  );
  app.get(
    '/cascade/nodes/:id',
    {
      config: { access: P.CascadeManage },
      schema: { tags, summary: 'One node of the cascade', params: EntryParams, response: { 200: CascadeNode } },
    },
    (req) => cascade.getNode(ctx(req), req.params.id),
  );
  app.post(
    '/cascade/nodes',
    {
      config: { access: P.CascadeManage },
      schema: {
        tags,
        summary: 'Register an upper or lower node and the key of the link',
        body: NodeCreate,
        response: { 201: CascadeNode },
      },
    },
    async (req, reply) => reply.status(201).send(await cascade.createNode(ctx(req), box, req.body)),
  );
  app.patch(
    '/cascade/nodes/:id',
    {
      config: { access: P.CascadeManage },
      schema: {
        tags,
        summary: "Change a node's address, enable or disable it, rotate the link secret",
        params: EntryParams,
        body: NodeUpdate,
        response: { 200: CascadeNode },
      },
    },
    (req) => cascade.updateNode(ctx(req), box, req.params.id, req.body),
  );
  app.post(
    '/cascade/nodes/:id/retry',
    {
      config: { access: P.CascadeManage },
      schema: {
        tags,
        summary: "Send a node's queued changes now instead of after the backoff",
        params: EntryParams,
        response: { 200: CascadeNode },
      },
    },
    (req) => cascade.retryNode(ctx(req), req.params.id),
  );
  // The receiving endpoint checks a signature over the exact bytes sent: this scope keeps them as text.
  await app.register(async (raw) => {
    raw.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => done(null, body));
    receiveRoute(raw as unknown as typeof app, db, box);
  });
};

function receiveRoute(app: Parameters<FastifyPluginAsyncZod>[0], db: Kysely<DB>, box: SealedBox) {
  app.post(
    CASCADE_PATH.replace('/api/v1', ''),
    {
      config: { access: 'public' },
      schema: {
        tags: ['cascade'],
        summary: 'Receive catalog changes from another node (signed: X-Sy-Key … with the link secret, HMAC-SM3)',
        body: z.string(),
        response: { 200: z.object({ applied: z.number().int(), skipped: z.number().int() }) },
      },
    },
    (req) => cascade.receiveChanges(db, box, { method: req.method, url: req.url, headers: req.headers, body: req.body }, actorOf(req)),
  );
}
