import { CatalogEntryContent, ErrorCode, divisionLevel, isValidUscc } from '@shuyuan/contracts';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import type { CascadeNodeTable, DB } from '../../db/schema';
import { appendAudit, type Actor } from '../../platform/audit/audit-log';
import type { SealedBox } from '../../platform/crypto/provider';
import { AppError, badRequest, conflict, notFound, rethrowUnique } from '../../platform/errors';
import { verifySignature, type IncomingRequest } from '../../platform/signing';
import type { RequestContext } from '../identity';
import type { NodeCreate, NodeUpdate } from './catalog.schemas';
import { enqueueBackfill } from './cascade.outbox';
import { derivedColumns } from './entries.repository';
import { markCatalogChanged } from './search-index.keeper';

type NodeRow = Selectable<CascadeNodeTable>;

/** A node with its queue: what the status page shows. */
async function toNode(db: Kysely<DB>, row: NodeRow) {
  const queue = await db
    .selectFrom('cascade_outbox')
    .select([sql<number>`count(*)`.as('length'), sql<Date | null>`min(created_at)`.as('oldest')])
    .where('node_id', '=', row.id)
    .where('delivered_at', 'is', null)
    .executeTakeFirstOrThrow();
  const received = await db
    .selectFrom('cascade_inbox')
    .select([sql<number>`count(*)`.as('n'), sql<Date | null>`max(received_at)`.as('last')])
    .where('node_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const oldest = queue.oldest ? new Date(queue.oldest) : null;
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    baseUrl: row.base_url,
    regionCode: row.region_code,
    key: row.link_key,
    enabled: row.enabled,
    rootDepartmentId: row.root_department_id,
    queueLength: Number(queue.length),
    /** Seconds the oldest undelivered change has waited; 0 when the queue is empty. */
    lagSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    receivedChanges: Number(received.n),
    lastReceivedAt: received.last ? new Date(received.last) : null,
    version: row.version,
    createdAt: row.created_at,
  };
}

export async function listNodes(ctx: RequestContext) {
  const rows = await ctx.db.selectFrom('cascade_node').selectAll().orderBy('role').orderBy('name').execute();
  return Promise.all(rows.map((r) => toNode(ctx.db, r)));
}

export async function getNode(ctx: RequestContext, id: string) {
  const row = await ctx.db.selectFrom('cascade_node').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('cascade node');
  return toNode(ctx.db, row);
}

/**
 * Registers the other end of a cascade link: its address, its region and the link's key and secret
 * (both ends hold the same pair; each signs what it sends and checks what it receives with it). A lower
 * node's departments are mirrored under a department standing for that node; this node's own
 * published catalog is queued for the new node at once.
 */
export async function createNode(ctx: RequestContext, box: SealedBox, input: z.infer<typeof NodeCreate>) {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const root = await trx
      .insertInto('department')
      .values({
        parent_id: null,
        name: `${input.name}（级联）`,
        short_name: input.name,
        level: divisionLevel(input.regionCode),
        division_code: input.regionCode,
        agency_code: input.agencyCode,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => rethrowUnique(e, { department_agency_code_key: 'agencyCode', department_root_name_idx: 'name' }));
    const row = await trx
      .insertInto('cascade_node')
      .values({
        name: input.name,
        role: input.role,
        base_url: input.baseUrl,
        region_code: input.regionCode,
        link_key: input.key,
        link_secret_sealed: box.seal(input.secret),
        root_department_id: root.id,
        enabled: input.enabled,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((e: unknown) => rethrowUnique(e, { cascade_node_name_key: 'name', cascade_node_link_key_key: 'key' }));
    const queued = input.enabled ? await enqueueBackfill(trx, row.id) : 0;
    await appendAudit(trx, ctx.actor, {
      action: 'catalog.cascade.node.create',
      targetType: 'cascade_node',
      targetId: row.id,
      targetLabel: input.name,
      details: { role: input.role, baseUrl: input.baseUrl, regionCode: input.regionCode, key: input.key, queued },
    });
    return row.id;
  });
  return getNode(ctx, id);
}

export async function updateNode(ctx: RequestContext, box: SealedBox, id: string, input: z.infer<typeof NodeUpdate>) {
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('cascade_node').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound('cascade node');
    if (current.version !== input.version) throw conflict(ErrorCode.VersionConflict, { current: await toNode(trx, current) });
    await trx
      .updateTable('cascade_node')
      .set({
        ...(input.baseUrl !== undefined ? { base_url: input.baseUrl } : {}),
        ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
        ...(input.secret !== undefined ? { link_secret_sealed: box.seal(input.secret) } : {}),
        version: current.version + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    if (input.enabled === true && !current.enabled) await enqueueBackfill(trx, id);
    await appendAudit(trx, ctx.actor, {
      action: input.secret !== undefined ? 'catalog.cascade.node.rotate_secret' : 'catalog.cascade.node.update',
      targetType: 'cascade_node',
      targetId: id,
      targetLabel: current.name,
      details: { changed: Object.keys(input).filter((k) => k !== 'version' && k !== 'secret') },
    });
  });
  return getNode(ctx, id);
}

/** Sends again every queued change of a node now, without waiting for its backoff. */
export async function retryNode(ctx: RequestContext, id: string) {
  await getNode(ctx, id);
  await ctx.db
    .updateTable('cascade_outbox')
    .set({ next_attempt_at: new Date() })
    .where('node_id', '=', id)
    .where('delivered_at', 'is', null)
    .execute();
  return getNode(ctx, id);
}

const IncomingChange = z.object({
  changeId: z.number().int().min(1),
  kind: z.enum(['published', 'changed', 'retired']),
  revision: z.number().int().min(0),
  at: z.string(),
  entry: z.object({
    id: z.uuid(),
    code: z.string().min(1).max(100),
    content: z.unknown(),
    mountStatus: z.enum(['unmounted', 'in_review', 'returned', 'mounted', 'change_in_review']),
    publishedAt: z.string().nullable(),
    department: z.object({
      name: z.string().min(1).max(200),
      agencyCode: z.string().refine(isValidUscc, 'invalid agency code'),
      divisionCode: z.string().regex(/^\d{6}$/),
      level: z.enum(['province', 'city', 'county']),
    }),
  }),
});
export const IncomingBatch = z.strictObject({ changes: z.array(IncomingChange).max(1000) });

/** Refusals of a signed cascade request, as 401s with stable codes. */
const refusalError = (refusal: string) => new AppError(401, ErrorCode.Unauthenticated, { signature: refusal });

/**
 * Receives a batch of changes from a node of the cascade, signed with the link's secret. Each change
 * applies once (the inbox remembers it), in one transaction with the others; entries land read-only,
 * tagged with the node's region, under departments mirrored from the sender.
 */
/**
 * Checks a request another node of the cascade signed with the link's secret (HMAC-SM3, a nonce used once);
 * returns the sending node. Refuses with 401 and the signature's refusal code.
 */
export async function verifyNodeRequest(db: Kysely<DB>, box: SealedBox, request: IncomingRequest): Promise<NodeRow> {
  const verdict = await verifySignature(
    request,
    async (key) => {
      const node = await db
        .selectFrom('cascade_node')
        .select('link_secret_sealed')
        .where('link_key', '=', key)
        .where('enabled', '=', true)
        .executeTakeFirst();
      return node ? [box.open(node.link_secret_sealed)] : null;
    },
    async (key, nonce, expiresAt) => {
      await db.deleteFrom('signature_nonce').where('expires_at', '<', new Date()).execute();
      const inserted = await db
        .insertInto('signature_nonce')
        .values({ key, nonce, expires_at: expiresAt })
        .onConflict((oc) => oc.doNothing())
        .returning('nonce')
        .executeTakeFirst();
      return !!inserted;
    },
  );
  if (!verdict.ok) throw refusalError(verdict.refusal);
  return (await db.selectFrom('cascade_node').selectAll().where('link_key', '=', verdict.key).executeTakeFirst())!;
}

export async function receiveChanges(db: Kysely<DB>, box: SealedBox, request: IncomingRequest, actor: Actor) {
  const node = await verifyNodeRequest(db, box, request);
  let json: unknown;
  try {
    json = JSON.parse(typeof request.body === 'string' ? request.body : Buffer.from(request.body ?? '').toString('utf8'));
  } catch {
    throw badRequest(ErrorCode.MalformedJson);
  }
  const parsed = IncomingBatch.safeParse(json);
  if (!parsed.success) throw badRequest(ErrorCode.ValidationFailed, { issues: parsed.error.issues.slice(0, 20) });
  let applied = 0;
  let skipped = 0;
  await db.transaction().execute(async (trx) => {
    for (const change of parsed.data.changes) {
      const fresh = await trx
        .insertInto('cascade_inbox')
        .values({ node_id: node.id, remote_change_id: change.changeId })
        .onConflict((oc) => oc.doNothing())
        .returning('remote_change_id')
        .executeTakeFirst();
      if (!fresh) {
        skipped++;
        continue;
      }
      await applyChange(trx, node, change);
      applied++;
    }
    if (applied > 0)
      await appendAudit(trx, actor, {
        action: 'catalog.cascade.receive',
        targetType: 'cascade_node',
        targetId: node.id,
        targetLabel: node.name,
        details: { applied, skipped },
      });
  });
  if (applied > 0) markCatalogChanged(db);
  return { applied, skipped };
}

async function mirrorDepartment(trx: Transaction<DB>, node: NodeRow, department: z.infer<typeof IncomingChange>['entry']['department']) {
  const existing = await trx
    .selectFrom('department')
    .select(['id', 'name'])
    .where('agency_code', '=', department.agencyCode)
    .executeTakeFirst();
  if (existing) return existing;
  return trx
    .insertInto('department')
    .values({
      parent_id: node.root_department_id,
      name: department.name,
      level: department.level as 'province' | 'city' | 'county',
      division_code: department.divisionCode,
      agency_code: department.agencyCode,
    })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

async function applyChange(trx: Transaction<DB>, node: NodeRow, change: z.infer<typeof IncomingChange>) {
  const current = await trx
    .selectFrom('catalog_entry')
    .select(['id', 'revision'])
    .where('origin_node_id', '=', node.id)
    .where('origin_entry_id', '=', change.entry.id)
    .forUpdate()
    .executeTakeFirst();
  if (change.kind === 'retired') {
    if (current)
      await trx
        .updateTable('catalog_entry')
        .set({ status: 'retired', version: sql`version + 1`, updated_at: new Date() })
        .where('id', '=', current.id)
        .execute();
    return;
  }
  if (current && current.revision > change.revision) return; // an older state arriving late
  const parsed = CatalogEntryContent.safeParse(change.entry.content);
  if (!parsed.success)
    throw badRequest(ErrorCode.ValidationFailed, { changeId: change.changeId, issues: parsed.error.issues.slice(0, 10) });
  // Systems are registered where they run; a mirrored entry names none here.
  const content = { ...parsed.data, systemIds: [] };
  const department = await mirrorDepartment(trx, node, change.entry.department);
  const values = {
    ...derivedColumns(content, department.name),
    code: change.entry.code,
    department_id: department.id,
    status: 'published' as const,
    mount_status: change.entry.mountStatus,
    content: JSON.stringify(content),
    revision: change.revision,
    published_at: change.entry.publishedAt ?? new Date(),
    region_code: node.region_code,
    updated_at: new Date(),
  };
  if (current) {
    await trx
      .updateTable('catalog_entry')
      .set({ ...values, version: sql`version + 1` })
      .where('id', '=', current.id)
      .execute();
  } else {
    await trx
      .insertInto('catalog_entry')
      .values({ ...values, pending: null, origin_node_id: node.id, origin_entry_id: change.entry.id })
      .execute();
  }
}
