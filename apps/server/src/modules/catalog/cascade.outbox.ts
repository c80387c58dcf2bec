import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { SealedBox } from '../../platform/crypto/provider';
import { signatureHeaders } from '../../platform/signing';

/** How a pushed change travels: the change and the entry as it stands, with its department. */
export interface CascadeChange {
  changeId: number;
  kind: 'published' | 'changed' | 'retired';
  revision: number;
  at: string;
  entry: {
    id: string;
    code: string;
    content: unknown;
    mountStatus: string;
    publishedAt: string | null;
    department: { name: string; agencyCode: string; divisionCode: string; level: string };
  };
}

export const CASCADE_PATH = '/api/v1/cascade/changes';
const BATCH = 200;
const LEASE_SECONDS = 30;
const REQUEST_TIMEOUT_MS = 5_000;
const MAX_BACKOFF_MS = 10_000;

/**
 * Queues a change of this node's own catalog for every enabled node of the cascade, in the
 * transaction that makes the change: it is sent exactly when it commits.
 */
export async function enqueueChange(trx: Transaction<DB>, changeId: number): Promise<void> {
  await sql`
    insert into cascade_outbox (node_id, change_id)
    select n.id, c.id from cascade_node n, catalog_change c join catalog_entry e on e.id = c.entry_id
    where n.enabled and c.id = ${changeId} and e.origin_node_id is null
    on conflict do nothing`.execute(trx);
}

/** Queues the latest change of every own published or retired entry for a node (a new node catches up). */
export async function enqueueBackfill(trx: Transaction<DB>, nodeId: string): Promise<number> {
  const result = await sql`
    insert into cascade_outbox (node_id, change_id)
    select ${nodeId}, max(c.id) from catalog_change c join catalog_entry e on e.id = c.entry_id
    where e.origin_node_id is null group by c.entry_id
    order by 2
    on conflict do nothing`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Builds the payload of a batch of outbox rows, in change order. */
async function payloadOf(db: Kysely<DB>, changeIds: readonly number[]): Promise<CascadeChange[]> {
  const rows = await db
    .selectFrom('catalog_change as c')
    .innerJoin('catalog_entry as e', 'e.id', 'c.entry_id')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select([
      'c.id',
      'c.kind',
      'c.revision',
      'c.at',
      'e.id as entry_id',
      'e.code',
      'e.content',
      'e.mount_status',
      'e.published_at',
      'd.name as department_name',
      'd.agency_code',
      'd.division_code',
      'd.level',
    ])
    .where('c.id', 'in', changeIds)
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    changeId: r.id,
    kind: r.kind,
    revision: r.revision,
    at: r.at.toISOString(),
    entry: {
      id: r.entry_id,
      code: r.code,
      content: r.content,
      mountStatus: r.mount_status,
      publishedAt: r.published_at?.toISOString() ?? null,
      department: { name: r.department_name, agencyCode: r.agency_code, divisionCode: r.division_code, level: r.level },
    },
  }));
}

/** Delay before the next attempt after `attempts` failures: 0.5 s doubling, at most 10 s. */
export function backoffMs(attempts: number): number {
  return Math.min(500 * 2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MS);
}

/**
 * Pushes each node's queued changes in order, one batch at a time, signed with the link's secret.
 * A node is leased while its batch is in flight, so several server processes never send one node's
 * changes at once; a failure leaves the batch queued and retries it after a backoff. The receiver
 * applies each change once (its inbox), so a batch sent twice after a crash does no harm.
 */
export class CascadePusher {
  private timer: NodeJS.Timeout | null = null;
  private running = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly box: SealedBox,
    private readonly log: { warn(obj: object, msg: string): void } = { warn: () => {} },
    private readonly intervalMs = 250,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.running) await new Promise((resolve) => setTimeout(resolve, 20));
  }

  /** One round over the nodes with work due; exposed for tests. */
  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const due = await this.db
        .selectFrom('cascade_outbox as o')
        .innerJoin('cascade_node as n', 'n.id', 'o.node_id')
        .select('o.node_id')
        .distinct()
        .where('o.delivered_at', 'is', null)
        .where('o.next_attempt_at', '<=', new Date())
        .where('n.enabled', '=', true)
        .execute();
      for (const { node_id } of due) await this.pushNode(node_id);
    } catch (err) {
      this.log.warn({ err }, 'cascade push round failed');
    } finally {
      this.running = false;
    }
  }

  private async pushNode(nodeId: string): Promise<void> {
    const node = await this.db
      .updateTable('cascade_node')
      .set({ leased_until: sql`now() + make_interval(secs => ${LEASE_SECONDS})` })
      .where('id', '=', nodeId)
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', sql<Date>`now()`)]))
      .returningAll()
      .executeTakeFirst();
    if (!node) return;
    try {
      const batch = await this.db
        .selectFrom('cascade_outbox')
        .select(['id', 'change_id', 'attempts'])
        .where('node_id', '=', nodeId)
        .where('delivered_at', 'is', null)
        .orderBy('change_id')
        .limit(BATCH)
        .execute();
      if (batch.length === 0) return;
      const changes = await payloadOf(
        this.db,
        batch.map((b) => b.change_id),
      );
      const body = JSON.stringify({ changes });
      const url = new URL(CASCADE_PATH, node.base_url);
      let error: string | null = null;
      try {
        const headers = signatureHeaders(
          { method: 'POST', url: url.pathname, body },
          { key: node.link_key, secret: this.box.open(node.link_secret_sealed) },
        );
        const res = await fetch(url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (!res.ok) error = `HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`;
      } catch (err) {
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        error = cause?.code ? `${cause.code}: ${cause.message ?? ''}` : (err as Error).message;
      }
      const ids = batch.map((b) => b.id);
      if (error === null) {
        await this.db.updateTable('cascade_outbox').set({ delivered_at: new Date(), last_error: null }).where('id', 'in', ids).execute();
        await this.db.updateTable('cascade_node').set({ last_success_at: new Date(), last_error: null }).where('id', '=', nodeId).execute();
        return;
      }
      const attempts = Math.max(...batch.map((b) => b.attempts)) + 1;
      await this.db
        .updateTable('cascade_outbox')
        .set({ attempts, last_error: error, next_attempt_at: new Date(Date.now() + backoffMs(attempts)) })
        .where('id', 'in', ids)
        .execute();
      await this.db.updateTable('cascade_node').set({ last_error: error, last_error_at: new Date() }).where('id', '=', nodeId).execute();
    } finally {
      await this.db.updateTable('cascade_node').set({ leased_until: null }).where('id', '=', nodeId).execute();
    }
  }
}
