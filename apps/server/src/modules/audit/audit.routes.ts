import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Permission, limits } from '@shuyuan/contracts';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { departmentScope } from '../identity';
import type { FastifyRequest } from 'fastify';
import { auditRepository as repo, type AuditFilter } from './audit.repository';

const AuditQuery = z.strictObject({
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(100).optional(),
  outcome: z.enum(['success', 'failure']).optional(),
  departmentId: z.uuid().optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const AuditEventOut = z
  .object({
    id: z.number().int(),
    occurredAt: z.date(),
    actorUserId: z.string().nullable(),
    actorLogin: z.string().nullable(),
    actorDepartmentId: z.string().nullable(),
    actorDepartmentName: z.string().nullable(),
    action: z.string(),
    outcome: z.enum(['success', 'failure']),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    targetLabel: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

type Row = Awaited<ReturnType<typeof repo.batchBefore>>[number];

function toEvent(r: Row) {
  return {
    id: Number(r.id),
    occurredAt: r.occurred_at,
    actorUserId: r.actor_user_id,
    actorLogin: r.actor_login,
    actorDepartmentId: r.actor_department_id,
    actorDepartmentName: r.actor_department_name,
    action: r.action,
    outcome: r.outcome,
    targetType: r.target_type,
    targetId: r.target_id,
    targetLabel: r.target_label,
    ip: r.ip,
    details: r.details,
  };
}

/** Quotes a CSV field and defuses spreadsheet formulas (a leading = + - @). */
export function csvField(value: unknown): string {
  let text =
    value === null || value === undefined
      ? ''
      : value instanceof Date
        ? value.toISOString()
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The filter of a request, narrowed to the caller's departments unless it acts on all of them. */
async function toFilter(
  db: Kysely<DB>,
  req: FastifyRequest,
  q: Omit<z.infer<typeof AuditQuery>, 'limit' | 'offset'>,
): Promise<AuditFilter> {
  const scope = await departmentScope(db, req.principal!);
  let departmentIds = q.departmentId ? [q.departmentId] : undefined;
  if (scope) departmentIds = (departmentIds ?? [...scope]).filter((id) => scope.has(id));
  return { actor: q.actor, action: q.action, outcome: q.outcome, departmentIds, from: q.from, to: q.to };
}

const CSV_HEADER = [
  'id',
  'occurred_at',
  'actor_login',
  'actor_department',
  'action',
  'outcome',
  'target_type',
  'target_id',
  'target_label',
  'ip',
  'details',
];

/** The audit log: list with filters, the action vocabulary, and a streamed CSV export. */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  const tags = ['audit'];
  app.get(
    '/audit/events',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags,
        summary: 'List audit events, newest first',
        querystring: AuditQuery,
        response: { 200: z.object({ items: z.array(AuditEventOut), total: z.number().int() }) },
      },
    },
    async (req) => {
      const { rows, total } = await repo.page(db, await toFilter(db, req, req.query), req.query.limit, req.query.offset);
      return { items: rows.map(toEvent), total };
    },
  );

  app.get(
    '/audit/actions',
    {
      config: { access: Permission.AuditRead },
      schema: { tags, summary: 'Every action that occurs in the log', response: { 200: z.object({ items: z.array(z.string()) }) } },
    },
    async () => ({ items: await repo.actions(db) }),
  );

  app.get(
    '/audit/events.csv',
    {
      config: { access: Permission.AuditExport },
      schema: {
        tags,
        summary: 'Export the filtered audit log as CSV (UTF-8 with BOM)',
        querystring: AuditQuery.omit({ limit: true, offset: true }),
        produces: ['text/csv'],
      },
    },
    async (req, reply) => {
      const filter = await toFilter(db, req, req.query);
      async function* lines() {
        yield '\uFEFF' + CSV_HEADER.join(',') + '\r\n';
        let before: number | null = null;
        for (;;) {
          const batch = await repo.batchBefore(db, filter, before, 1000);
          if (batch.length === 0) return;
          yield (
            batch
              .map((r) =>
                [
                  r.id,
                  r.occurred_at,
                  r.actor_login,
                  r.actor_department_name,
                  r.action,
                  r.outcome,
                  r.target_type,
                  r.target_id,
                  r.target_label,
                  r.ip,
                  r.details,
                ]
                  .map(csvField)
                  .join(','),
              )
              .join('\r\n') + '\r\n'
          );
          before = Number(batch[batch.length - 1]!.id);
        }
      }
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
        .send(Readable.from(lines()));
    },
  );
};
