import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { Permission } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { actorOf } from '../../platform/auth/auth-hook';
import type { SealedBox } from '../../platform/crypto/provider';
import { contextOf } from '../identity';
import { RETURN_PATH, ReturnReceipt } from './returns.protocol';
import { listReturned, receiveReturn } from './returns.service';

const ReturnedTable = z
  .object({
    id: z.uuid(),
    flowId: z.uuid(),
    flowName: z.string(),
    entryId: z.uuid(),
    resourceCode: z.string(),
    entryName: z.string(),
    departmentName: z.string(),
    fromNode: z.string(),
    storeTable: z.string(),
    regionPrefix: z.string(),
    rows: z.number().int(),
    lastReceivedAt: z.date().nullable(),
  })
  .meta({ id: 'ReturnedTable' });

/** Return flow (回流) on the receiving node: the signed endpoint the upper node pushes to, and what arrived. */
export const returnsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; box: SealedBox }> = async (app, { db, box }) => {
  app.get(
    '/exchange/returns',
    {
      config: { access: Permission.JobRead },
      schema: {
        tags: ['exchange'],
        summary: "Tables the upper node's return flows filled on this node, with rows and last arrival",
        response: { 200: z.object({ items: z.array(ReturnedTable) }) },
      },
    },
    async (req: FastifyRequest) => ({ items: await listReturned(contextOf(db, req)) }),
  );
  // The signature covers the exact bytes sent: this scope keeps the body as text.
  await app.register(async (raw) => {
    raw.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    (raw as unknown as typeof app).post(
      RETURN_PATH.replace('/api/v1', ''),
      {
        config: { access: 'public' },
        schema: {
          tags: ['cascade'],
          summary: "Receive a batch of an upper node's return flow (signed with the cascade link's secret, HMAC-SM3)",
          body: z.string(),
          response: { 200: ReturnReceipt },
        },
      },
      (req) => receiveReturn(db, box, { method: req.method, url: req.url, headers: req.headers, body: req.body }, actorOf(req)),
    );
  });
};
