import { ErrorCode } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema';
import { appendAudit, type Actor } from '../../platform/audit/audit-log';
import type { SealedBox } from '../../platform/crypto/provider';
import { enqueueEvidence } from '../../platform/evidence/evidence-log';
import { badRequest, conflict } from '../../platform/errors';
import type { IncomingRequest } from '../../platform/signing';
import { cascade } from '../catalog';
import { departmentScope, type RequestContext } from '../identity';
import { ReturnBatch, type ReturnReceipt } from './returns.protocol';
import { storeSchemaOf } from './store';
import { kyselyRunner } from './sync/connections';
import { rowsDigest } from './sync/copy';
import { qualified, quoteIdent } from './sync/sql-side';
import { ensureTable, upsertRows, type TargetShape } from './sync/upsert';

/** The column of a returned table naming the run that last sent each row: rows a complete run did not send are gone upstream. */
export const RUN_STAMP = '_sy_run';

/** A returned table's name in the store: from the resource code, e.g. 101001/000001 → r_101001_000001. */
export const returnTableName = (code: string) => `r_${code.toLowerCase().replace(/[^a-z0-9]/g, '_')}`.slice(0, 63);

/**
 * Receives a batch of a return flow (回流) from the upper node: checks the link's signature, stores the rows
 * in the mirrored entry's department's store (upsert by key, stamped with the run), and on the final batch
 * drops the rows the run did not send. Each batch is an evidence leaf; a run's end is audited.
 */
export async function receiveReturn(db: Kysely<DB>, box: SealedBox, request: IncomingRequest, actor: Actor): Promise<ReturnReceipt> {
  const node = await cascade.verifyNodeRequest(db, box, request);
  let json: unknown;
  try {
    json = JSON.parse(typeof request.body === 'string' ? request.body : Buffer.from(request.body ?? '').toString('utf8'));
  } catch {
    throw badRequest(ErrorCode.MalformedJson);
  }
  const parsed = ReturnBatch.safeParse(json);
  if (!parsed.success) throw badRequest(ErrorCode.ValidationFailed, { issues: parsed.error.issues.slice(0, 20) });
  const batch = parsed.data;
  if (node.role !== 'upper') throw conflict(ErrorCode.InvalidTransition, { reason: 'rows return from an upper node only' });
  if (!batch.columns.some((c) => c.name === batch.key))
    throw badRequest(ErrorCode.ValidationFailed, { field: 'key', reason: 'not a column' });
  if (batch.rows.some((r) => r.length !== batch.columns.length))
    throw badRequest(ErrorCode.ValidationFailed, { field: 'rows', reason: `every row has ${batch.columns.length} values` });

  // The catalog reaches this node before the rows: without the mirrored entry, the upper node tries again later.
  const entry = await db
    .selectFrom('catalog_entry as e')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select(['e.id', 'e.code', 'e.department_id', 'd.agency_code'])
    .where('e.origin_node_id', '=', node.id)
    .where('e.origin_entry_id', '=', batch.entry.id)
    .executeTakeFirst();
  if (!entry)
    throw conflict(ErrorCode.InvalidTransition, { reason: `the catalog entry ${batch.entry.code} has not reached this node yet` });

  const schema = storeSchemaOf(entry.agency_code);
  const table = returnTableName(entry.code);
  const shape: TargetShape = { table: `${schema}.${table}`, columns: batch.columns, key: batch.key, sequenced: true, stamp: RUN_STAMP };
  const digest = rowsDigest(batch.rows);
  return db.transaction().execute(async (trx) => {
    const registered = await trx
      .selectFrom('exchange_return_table')
      .select(['id', 'store_schema', 'store_table', 'key_column'])
      .where('node_id', '=', node.id)
      .where('flow_id', '=', batch.flowId)
      .forUpdate()
      .executeTakeFirst();
    if (registered && registered.key_column !== batch.key)
      throw conflict(ErrorCode.SchemaDrift, { reason: 'the flow changed its key; the upper node must start a new flow' });
    if (!registered)
      await trx
        .insertInto('exchange_return_table')
        .values({
          node_id: node.id,
          flow_id: batch.flowId,
          flow_name: batch.flowName,
          origin_entry_id: batch.entry.id,
          entry_id: entry.id,
          store_schema: schema,
          store_table: table,
          key_column: batch.key,
          columns: JSON.stringify(batch.columns),
          region_prefix: batch.regionPrefix,
        })
        .execute();
    const runner = kyselyRunner(trx);
    await ensureTable(runner, shape);
    const stored = await upsertRows(runner, shape, batch.rows, batch.runId);
    let deleted = 0;
    if (batch.final)
      deleted = await runner.execute(
        `delete from ${qualified('postgresql', shape.table)} where ${quoteIdent('postgresql', RUN_STAMP)} is distinct from $1`,
        [batch.runId],
      );
    await trx
      .insertInto('exchange_return_batch')
      .values({ node_id: node.id, run_id: batch.runId, seq: batch.seq, flow_id: batch.flowId, row_count: batch.rows.length, digest })
      .onConflict((oc) =>
        oc.columns(['node_id', 'run_id', 'seq']).doUpdateSet({ row_count: batch.rows.length, digest, received_at: sql`now()` }),
      )
      .execute();
    // The table is counted once per run, at its end: a count per batch would scan it again for every batch.
    const counted = batch.final
      ? Number(
          (
            await trx
              .selectFrom(sql.raw(qualified('postgresql', shape.table)).as('t'))
              .select((eb) => eb.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )
      : null;
    await trx
      .updateTable('exchange_return_table')
      .set({
        columns: JSON.stringify(batch.columns),
        flow_name: batch.flowName,
        ...(counted !== null ? { row_count: counted } : {}),
        last_run_id: batch.runId,
        last_received_at: new Date(),
      })
      .where('node_id', '=', node.id)
      .where('flow_id', '=', batch.flowId)
      .execute();
    await enqueueEvidence(trx, 'return_flow', {
      op: batch.final ? 'receive_final' : 'receive',
      node: node.id,
      flow: batch.flowId,
      run: batch.runId,
      seq: batch.seq,
      entry: entry.id,
      rows: batch.rows.length,
      deleted,
      digest,
    });
    if (batch.final)
      await appendAudit(trx, actor, {
        action: 'exchange.return.receive',
        targetType: 'catalog_entry',
        targetId: entry.id,
        targetLabel: entry.code,
        details: { node: node.name, flowId: batch.flowId, runId: batch.runId, rows: counted, deleted },
      });
    return { stored, deleted };
  });
}

/** The tables return flows filled on this node, with their volumes: for the bureau and the entries' departments. */
export async function listReturned(ctx: RequestContext) {
  const scope = await departmentScope(ctx.db, ctx.principal);
  let q = ctx.db
    .selectFrom('exchange_return_table as r')
    .innerJoin('catalog_entry as e', 'e.id', 'r.entry_id')
    .innerJoin('cascade_node as n', 'n.id', 'r.node_id')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .select([
      'r.id',
      'r.flow_id',
      'r.flow_name',
      'r.entry_id',
      'e.code',
      'e.name as entry_name',
      'd.name as department_name',
      'n.name as node_name',
      'r.store_schema',
      'r.store_table',
      'r.region_prefix',
      'r.row_count',
      'r.last_received_at',
    ]);
  if (scope) q = q.where('e.department_id', 'in', [...scope]);
  const rows = await q.orderBy(sql`r.last_received_at desc nulls last`).execute();
  return rows.map((r) => ({
    id: r.id,
    flowId: r.flow_id,
    flowName: r.flow_name,
    entryId: r.entry_id,
    resourceCode: r.code,
    entryName: r.entry_name,
    departmentName: r.department_name,
    fromNode: r.node_name,
    storeTable: `${r.store_schema}.${r.store_table}`,
    regionPrefix: r.region_prefix,
    rows: r.row_count,
    lastReceivedAt: r.last_received_at,
  }));
}
