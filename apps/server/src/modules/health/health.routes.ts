import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema';
import { pendingMigrations } from '../../db/migrate';

const Health = z.object({ status: z.literal('ok') });
const Ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.boolean(),
  pendingMigrations: z.array(z.string()),
  engine: z.string(),
});

/** /healthz (process alive) and /readyz (database reachable and migrations applied). */
export const healthRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; engine: string }> = async (app, { db, engine }) => {
  app.get(
    '/healthz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { tags: ['health'], summary: 'The process is alive', response: { 200: Health } },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { tags: ['health'], summary: 'The database is reachable and migrated', response: { 200: Ready, 503: Ready } },
    },
    async (_req, reply) => {
      let database = false;
      let pending: string[] = [];
      try {
        await sql`select 1`.execute(db);
        database = true;
        pending = await pendingMigrations(db);
      } catch {
        database = false;
      }
      const ready = database && pending.length === 0;
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', database, pendingMigrations: pending, engine });
    },
  );
};
