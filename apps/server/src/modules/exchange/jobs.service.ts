import { ErrorCode, Permission, effectiveMask, type JobCreate, type JobUpdate, type MaskType, type UpdateCycle } from '@shuyuan/contracts';
import { sql } from 'kysely';
import type { JobColumn } from '../../db/schema';
import { appendAudit } from '../../platform/audit/audit-log';
import { AppError, badRequest, conflict, notFound, rethrowUnique } from '../../platform/errors';
import { departmentScope, departmentsRepository, type RequestContext } from '../identity';
import { connectorFor, type ColumnInfo, type ResolvedSource } from '../sources';
import { grantState } from './grants.service';
import { IN_FORCE } from './exchange.repository';
import { jobsRepository as repo, storeTableOf, type JobRow, type RunRow } from './jobs.repository';
import { cronProblem, nextRunAt } from './jobs.schedule';
import { storeSchemaOf } from './store';
import { driftOf } from './sync/table-run';
import { SEQ_COLUMN } from './sync/upsert';

const invalid = (field: string, reason: string) => badRequest(ErrorCode.ValidationFailed, { field, reason });

export function toRun(row: RunRow) {
  const end = row.finished_at ?? (row.status === 'running' ? row.heartbeat_at : null);
  return {
    id: row.id,
    jobId: row.job_id,
    trigger: row.trigger,
    status: row.status,
    attempts: row.attempts,
    phase: row.phase,
    rowsRead: row.rows_read,
    rowsWritten: row.rows_written,
    rowsDeleted: row.rows_deleted,
    batches: row.batches,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    drift: (row.drift as never) ?? null,
    nextAttemptAt: row.status === 'queued' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
    finishedAt: row.finished_at,
    durationMs: row.started_at && end ? end.getTime() - row.started_at.getTime() : null,
  };
}

/** What the caller may do with a job: its owner's departments manage it; the provider's only watch. */
export function jobActions(row: JobRow, scope: ReadonlySet<string> | null, canManage: boolean): ('run' | 'edit')[] {
  if (!canManage || (scope && !scope.has(row.department_id))) return [];
  return row.status === 'drift' ? ['edit'] : ['run', 'edit'];
}

export function toJob(row: JobRow, lastRun: RunRow | null, actions: ('run' | 'edit')[] = []) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    entryId: row.entry_id,
    resourceCode: row.resource_code,
    entryName: row.entry_name,
    providerDepartmentId: row.provider_department_id,
    providerDepartmentName: row.provider_department_name,
    mountId: row.mount_id,
    grantId: row.grant_id,
    sourceId: row.source_id,
    sourceName: row.source_name,
    sourceKind: row.source_kind,
    nodeId: row.node_id,
    nodeName: row.node_name,
    regionColumn: row.region_column,
    regionPrefix: row.region_prefix,
    remoteTable: row.remote_table,
    storeTable: `${row.store_schema}.${row.store_table}`,
    keyColumn: row.key_column,
    columns: row.columns,
    mode: row.mode,
    watermarkColumn: row.kind === 'distribute' ? null : row.watermark_column,
    watermark: row.watermark,
    detectDeletes: row.detect_deletes,
    batchSize: row.batch_size,
    schedule: row.schedule,
    cron: row.cron,
    nextRunAt: row.next_run_at,
    status: row.status,
    drift: (row.drift as never) ?? null,
    lastRun: lastRun ? toRun(lastRun) : null,
    actions,
    version: row.version,
    createdAt: row.created_at,
  };
}

/** A source's table name as a store table name: lower case, letters, digits and underscores. */
export function storeTableName(remote: string): string {
  const bare = remote
    .slice(remote.lastIndexOf('.') + 1)
    .toLowerCase()
    .replace(/[^a-z0-9_]/g, '_');
  return (/^[a-z_]/.test(bare) ? bare : `t_${bare}`).slice(0, 63);
}

const KEY_TYPES = new Set(['int', 'char', 'text']);

/** A division code's significant digits: 320100 → 3201, 320000 → 32, 320102 → 320102. */
export function divisionPrefix(code: string): string {
  let prefix = code;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}

const WATERMARK_TYPES = new Set(['int', 'date', 'datetime']);

export interface JobsDeps {
  openSource: (sourceId: string) => Promise<ResolvedSource | null>;
  /** Called after a run is queued in this process, so the worker starts it at once. */
  onQueued?: () => void;
}

/** Table jobs (库表): aggregation into the store and distribution to consumers, their schedules and runs. */
export class JobsService {
  constructor(private readonly deps: JobsDeps) {}

  private async visible(ctx: RequestContext, id: string): Promise<JobRow> {
    const row = await repo.find(ctx.db, id);
    const scope = await departmentScope(ctx.db, ctx.principal);
    if (!row || (scope && !scope.has(row.department_id) && !scope.has(row.provider_department_id))) throw notFound('exchange_job');
    return row;
  }

  /** A job the caller may change: its owner's departments (the provider's for aggregation, the consumer's for distribution). */
  private async owned(ctx: RequestContext, id: string): Promise<JobRow> {
    const row = await this.visible(ctx, id);
    const scope = await departmentScope(ctx.db, ctx.principal);
    if (scope && !scope.has(row.department_id)) throw notFound('exchange_job');
    return row;
  }

  private async lastRun(ctx: RequestContext, row: JobRow) {
    return row.last_run_id ? ((await repo.run(ctx.db, row.last_run_id)) ?? null) : null;
  }

  async list(
    ctx: RequestContext,
    query: {
      kind?: 'aggregate' | 'distribute' | 'return' | undefined;
      entryId?: string | undefined;
      grantId?: string | undefined;
      role?: 'owner' | 'provider' | undefined;
    },
  ) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    const manage = ctx.principal.permissions.has(Permission.JobManage);
    // Asked for its own role, even the bureau means its own departments, not everyone's.
    const own = !scope && query.role ? await departmentsRepository.subtreeIds(ctx.db, ctx.principal.departmentId) : null;
    const rows = await repo.list(ctx.db, { departmentIds: scope ? [...scope] : own, ...query });
    const runs = new Map<string, RunRow>();
    const ids = rows.map((r) => r.last_run_id).filter((id): id is string => !!id);
    if (ids.length)
      for (const run of await ctx.db.selectFrom('exchange_run').selectAll().where('id', 'in', ids).execute()) runs.set(run.id, run);
    return rows.map((r) => toJob(r, (r.last_run_id && runs.get(r.last_run_id)) || null, jobActions(r, scope, manage)));
  }

  async get(ctx: RequestContext, id: string) {
    const row = await this.visible(ctx, id);
    const scope = await departmentScope(ctx.db, ctx.principal);
    return toJob(row, await this.lastRun(ctx, row), jobActions(row, scope, ctx.principal.permissions.has(Permission.JobManage)));
  }

  /**
   * Which evidence leaves are a visible job's run's: its batches' (each batch of rows read, written and deleted is
   * one), naming the run and its job; 404 for a run of another job, or a job the caller may not see.
   */
  async runEvidence(ctx: RequestContext, id: string, runId: string) {
    await this.visible(ctx, id);
    const run = await repo.run(ctx.db, runId);
    if (!run || run.job_id !== id) throw notFound('exchange_run');
    return { by: 'run' as const, value: runId, also: sql<boolean>`(entry::jsonb) ->> 'job' = ${id}` };
  }

  async runs(ctx: RequestContext, id: string, limit: number) {
    await this.visible(ctx, id);
    return (await repo.runs(ctx.db, id, limit)).map(toRun);
  }

  private async sourceColumns(ctx: RequestContext, sourceId: string, table: string): Promise<ColumnInfo[] | null> {
    const source = await this.deps.openSource(sourceId);
    if (!source || (source.kind !== 'postgresql' && source.kind !== 'mysql'))
      throw invalid('mountId', 'table jobs read PostgreSQL and MySQL/MariaDB sources only');
    const dot = table.indexOf('.');
    try {
      return await connectorFor(source).columns(
        dot < 0 ? { schema: null, name: table } : { schema: table.slice(0, dot), name: table.slice(dot + 1) },
      );
    } catch (error) {
      throw new AppError(502, ErrorCode.SourceUnavailable, { reason: (error as Error).message });
    }
  }

  private checkSchedule(schedule: 'manual' | 'cycle' | 'cron', cron: string | null | undefined) {
    if (schedule === 'cron') {
      if (!cron) throw invalid('cron', 'a cron expression is required for a cron schedule');
      const problem = cronProblem(cron);
      if (problem) throw invalid('cron', problem);
    }
  }

  async create(ctx: RequestContext, input: JobCreate) {
    this.checkSchedule(input.schedule, input.cron);
    const scope = await departmentScope(ctx.db, ctx.principal);
    const values =
      input.kind === 'aggregate'
        ? await this.aggregateValues(ctx, input, scope)
        : input.kind === 'distribute'
          ? await this.distributeValues(ctx, input, scope)
          : await this.returnValues(ctx, input, scope);
    // A return flow sends the region's rows in full each run; the lower node drops what the run did not send.
    const mode = input.kind === 'return' ? 'full' : input.mode;
    const cycle = values.cycle;
    const schedule = { schedule: input.schedule, cron: input.schedule === 'cron' ? input.cron : null };
    const id = await ctx.db.transaction().execute(async (trx) => {
      const { id } = await repo
        .insert(trx, {
          ...values.row,
          columns: JSON.stringify(values.row.columns),
          mode,
          detect_deletes: input.kind === 'return' ? true : input.detectDeletes,
          batch_size: input.batchSize,
          ...schedule,
          next_run_at: nextRunAt(schedule, cycle),
          created_by: ctx.actor.userId,
        })
        .catch((e: unknown) =>
          rethrowUnique(e, {
            exchange_job_store_idx: 'targetTable',
            exchange_job_target_idx: 'targetTable',
            exchange_job_return_idx: 'nodeId',
          }),
        );
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.job.create',
        targetType: 'exchange_job',
        targetId: id,
        targetLabel: values.row.name,
        details: {
          kind: input.kind,
          entryId: values.row.entry_id,
          grantId: values.row.grant_id,
          sourceId: values.row.source_id,
          remoteTable: values.row.remote_table,
          storeTable: `${values.row.store_schema}.${values.row.store_table}`,
          columns: values.row.columns.map((c) => c.name),
          nodeId: values.row.node_id,
          regionPrefix: values.row.region_prefix,
          mode,
          schedule: input.schedule,
        },
      });
      return id;
    });
    return this.get(ctx, id);
  }

  private async aggregateValues(ctx: RequestContext, input: Extract<JobCreate, { kind: 'aggregate' }>, scope: ReadonlySet<string> | null) {
    const mount = await ctx.db
      .selectFrom('catalog_mount as m')
      .innerJoin('catalog_entry as e', 'e.id', 'm.entry_id')
      .innerJoin('department as d', 'd.id', 'e.department_id')
      .select([
        'm.id',
        'm.kind',
        'm.status',
        'm.source_id',
        'm.resource_name',
        'm.entry_id',
        'e.department_id',
        'e.name as entry_name',
        'e.status as entry_status',
        'e.content',
        'd.agency_code',
      ])
      .where('m.id', '=', input.mountId)
      .executeTakeFirst();
    if (!mount || (scope && !scope.has(mount.department_id))) throw notFound('catalog_mount');
    if (mount.status !== 'mounted' || mount.kind !== 'table')
      throw conflict(ErrorCode.InvalidTransition, { reason: 'only an approved table mount can be aggregated' });

    const current = await this.sourceColumns(ctx, mount.source_id, mount.resource_name);
    if (!current) throw conflict(ErrorCode.InvalidTransition, { reason: `the source has no table ${mount.resource_name}` });
    const byName = new Map(current.map((c) => [c.name, c]));
    const names = input.columns ?? current.map((c) => c.name);
    for (const [i, n] of names.entries()) if (!byName.has(n)) throw invalid(`columns.${i}`, `the source table has no column ${n}`);
    if (new Set(names.map((n) => n.toLowerCase())).size !== names.length) throw invalid('columns', 'a column is listed twice');
    const key = byName.get(input.keyColumn);
    if (!key || !names.includes(key.name)) throw invalid('keyColumn', 'the key must be one of the copied columns');
    if (!key.primaryKey || current.filter((c) => c.primaryKey).length !== 1)
      throw invalid('keyColumn', "the key must be the source table's single-column primary key");
    if (!KEY_TYPES.has(key.normalizedType)) throw invalid('keyColumn', 'the key must be an integer or a text column');
    if (input.mode === 'incremental') {
      const w = input.watermarkColumn ? byName.get(input.watermarkColumn) : undefined;
      if (!w || !names.includes(w.name))
        throw invalid('watermarkColumn', 'incremental mode needs a copied update-time or increasing-key column');
      if (!WATERMARK_TYPES.has(w.normalizedType)) throw invalid('watermarkColumn', 'the watermark must be a date, time or integer column');
    } else if (input.watermarkColumn) throw invalid('watermarkColumn', 'only incremental mode uses a watermark');
    for (const n of names) if (n.toLowerCase() === SEQ_COLUMN) throw invalid('columns', `${SEQ_COLUMN} is the store's own column`);
    const columns: JobColumn[] = names.map((n) => ({ name: n, type: byName.get(n)!.normalizedType, dataType: byName.get(n)!.dataType }));
    // The request is checked first; that the resource is aggregated already is a conflict, not bad input.
    const existing = await repo.aggregationOf(ctx.db, mount.entry_id);
    if (existing) throw conflict(ErrorCode.Duplicate, { field: 'mountId', reason: 'the resource is aggregated by another job already' });
    return {
      cycle: mount.content.updateCycle as UpdateCycle,
      row: {
        kind: 'aggregate' as const,
        name: input.name ?? `${mount.entry_name} 归集`,
        department_id: mount.department_id,
        entry_id: mount.entry_id,
        mount_id: mount.id,
        grant_id: null,
        source_id: mount.source_id,
        remote_table: mount.resource_name,
        store_schema: storeSchemaOf(mount.agency_code),
        store_table: input.targetTable ?? storeTableName(mount.resource_name),
        key_column: key.name,
        columns,
        watermark_column: input.mode === 'incremental' ? input.watermarkColumn : null,
        node_id: null,
        region_column: null,
        region_prefix: null,
      },
    };
  }

  private async distributeValues(
    ctx: RequestContext,
    input: Extract<JobCreate, { kind: 'distribute' }>,
    scope: ReadonlySet<string> | null,
  ) {
    const grant = await ctx.db
      .selectFrom('exchange_grant as g')
      .innerJoin('catalog_entry as e', 'e.id', 'g.entry_id')
      .select([
        'g.id',
        'g.entry_id',
        'g.consumer_department_id',
        'g.method',
        'g.status',
        'g.valid_from',
        'g.valid_to',
        'g.fields',
        'g.masks',
        'e.name as entry_name',
        'e.status as entry_status',
        'e.content',
      ])
      .where('g.id', '=', input.grantId)
      .executeTakeFirst();
    if (!grant || (scope && !scope.has(grant.consumer_department_id))) throw notFound('grant');
    if (grant.method !== 'table') throw invalid('grantId', 'only a table grant (库表) is distributed');
    if (grantState(grant) !== 'active') throw conflict(ErrorCode.GrantExpired, { reason: 'the grant is not in force' });
    if (!(IN_FORCE as readonly string[]).includes(grant.entry_status))
      throw conflict(ErrorCode.InvalidTransition, { reason: 'the entry is not published' });
    const target = await ctx.db
      .selectFrom('data_source')
      .select(['id', 'department_id', 'kind', 'status'])
      .where('id', '=', input.targetSourceId)
      .executeTakeFirst();
    if (!target || target.department_id !== grant.consumer_department_id)
      throw invalid('targetSourceId', "not a data source of the grant's consumer department");
    if (target.kind !== 'postgresql' && target.kind !== 'mysql') throw invalid('targetSourceId', 'a PostgreSQL or MySQL/MariaDB database');
    if (target.kind === 'mysql' && input.targetTable.includes('.')) throw invalid('targetTable', 'a MySQL table is named without a schema');
    const aggregation = await storeTableOf(ctx.db, grant.entry_id);
    if (!aggregation)
      throw conflict(ErrorCode.InvalidTransition, { reason: 'the provider has not aggregated this resource into the store yet' });
    if (!grant.fields.includes(aggregation.key_column))
      throw invalid('grantId', `the grant does not give the key ${aggregation.key_column}`);
    const sensitive =
      (grant.content.items ?? []).find((item) => (item.nameEn ?? '').toLowerCase() === aggregation.key_column)?.sensitive ?? false;
    const keyMask = effectiveMask({
      sensitive,
      fieldDefault: null,
      grantMask: (grant.masks as Record<string, MaskType>)[aggregation.key_column],
    });
    if (keyMask !== 'none') throw invalid('grantId', 'the key is masked by the grant; rows could not be matched');
    const columns = aggregation.columns.filter((c) => grant.fields.includes(c.name));
    return {
      cycle: grant.content.updateCycle as UpdateCycle,
      row: {
        kind: 'distribute' as const,
        name: input.name ?? `${grant.entry_name} 分发`,
        department_id: grant.consumer_department_id,
        entry_id: grant.entry_id,
        mount_id: null,
        grant_id: grant.id,
        source_id: target.id,
        remote_table: input.targetTable,
        store_schema: aggregation.store_schema,
        store_table: aggregation.store_table,
        key_column: aggregation.key_column,
        columns,
        watermark_column: input.mode === 'incremental' ? SEQ_COLUMN : null,
        node_id: null,
        region_column: null,
        region_prefix: null,
      },
    };
  }

  /** 回流: the rows of an aggregated resource whose region column starts with the node's region, to a lower node. */
  private async returnValues(ctx: RequestContext, input: Extract<JobCreate, { kind: 'return' }>, scope: ReadonlySet<string> | null) {
    const entry = await ctx.db
      .selectFrom('catalog_entry')
      .select(['id', 'name', 'department_id', 'status', 'content'])
      .where('id', '=', input.entryId)
      .executeTakeFirst();
    if (!entry || (scope && !scope.has(entry.department_id))) throw notFound('catalog_entry');
    if (!(IN_FORCE as readonly string[]).includes(entry.status))
      throw conflict(ErrorCode.InvalidTransition, { reason: 'the entry is not published' });
    const node = await ctx.db
      .selectFrom('cascade_node')
      .select(['id', 'name', 'role', 'enabled', 'region_code'])
      .where('id', '=', input.nodeId)
      .executeTakeFirst();
    if (!node) throw invalid('nodeId', 'no such node of the cascade');
    if (node.role !== 'lower') throw invalid('nodeId', 'rows return to a lower node (下级节点)');
    // A disabled node may get a flow (its runs wait with a clear failure until the link is enabled again).
    const stored = await storeTableOf(ctx.db, entry.id);
    if (!stored) throw conflict(ErrorCode.InvalidTransition, { reason: 'the resource has not been aggregated into the store yet' });
    const region = stored.columns.find((c) => c.name === input.regionColumn);
    if (!region) throw invalid('regionColumn', `the store table has no column ${input.regionColumn}`);
    if (region.type !== 'char' && region.type !== 'text') throw invalid('regionColumn', 'a text column: a division code or an ID number');
    const prefix = input.regionPrefix ?? divisionPrefix(node.region_code);
    return {
      cycle: entry.content.updateCycle as UpdateCycle,
      row: {
        kind: 'return' as const,
        name: input.name ?? `${entry.name} 回流 ${node.name}`,
        department_id: entry.department_id,
        entry_id: entry.id,
        mount_id: null,
        grant_id: null,
        source_id: null,
        remote_table: stored.store_table,
        store_schema: stored.store_schema,
        store_table: stored.store_table,
        key_column: stored.key_column,
        columns: stored.columns,
        watermark_column: null,
        node_id: node.id,
        region_column: region.name,
        region_prefix: prefix,
      },
    };
  }

  async update(ctx: RequestContext, id: string, input: JobUpdate) {
    const row = await this.owned(ctx, id);
    if (row.version !== input.version) throw conflict(ErrorCode.VersionConflict, { version: row.version });
    const schedule = input.schedule ?? row.schedule;
    const cron = schedule === 'cron' ? (input.cron !== undefined ? input.cron : row.cron) : null;
    this.checkSchedule(schedule, cron);
    const values: Record<string, unknown> = { schedule, cron };
    if (input.name !== undefined) values.name = input.name;
    if (input.detectDeletes !== undefined) values.detect_deletes = input.detectDeletes;
    if (input.batchSize !== undefined) values.batch_size = input.batchSize;
    if (row.status === 'drift' && input.status === 'active' && !input.acceptDrift)
      throw conflict(ErrorCode.SchemaDrift, {
        reason: 'the job stopped on a schema change; accept the new columns to resume',
        drift: row.drift,
      });
    if (input.acceptDrift) {
      if (row.kind !== 'aggregate') throw invalid('acceptDrift', 'only an aggregation has a source schema');
      const current = await this.sourceColumns(ctx, row.source_id!, row.remote_table);
      if (!current) throw conflict(ErrorCode.SchemaDrift, { reason: `the source has no table ${row.remote_table}` });
      const drift = driftOf(row.columns, current);
      if (drift.some((d) => d.change === 'type'))
        throw conflict(ErrorCode.SchemaDrift, {
          reason: 'a column changed its type: the store table cannot take it; make a new job',
          drift,
        });
      if (drift.some((d) => d.column === row.key_column || d.column === row.watermark_column))
        throw conflict(ErrorCode.SchemaDrift, { reason: 'the key or the watermark column is gone; make a new job', drift });
      const gone = new Set(drift.map((d) => d.column));
      values.columns = JSON.stringify(row.columns.filter((c) => !gone.has(c.name)));
      values.drift = null;
      values.status = 'active';
    } else if (input.status) values.status = input.status;
    const status = (values.status as string | undefined) ?? row.status;
    values.next_run_at = status === 'active' ? nextRunAt({ schedule, cron }, row.entry_content.updateCycle as UpdateCycle) : null;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.update(trx, id, input.version, values))) throw conflict(ErrorCode.VersionConflict, {});
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.job.update',
        targetType: 'exchange_job',
        targetId: id,
        targetLabel: row.name,
        details: { ...input, version: undefined },
      });
    });
    return this.get(ctx, id);
  }

  /** Queues a run now; 409 while one is queued or running. */
  async runNow(ctx: RequestContext, id: string) {
    const row = await this.owned(ctx, id);
    if (row.status === 'drift') throw conflict(ErrorCode.SchemaDrift, { reason: 'the job stopped on a schema change', drift: row.drift });
    const run = await ctx.db.transaction().execute(async (trx) => {
      const run = await repo.enqueue(trx, id, 'manual', ctx.actor.userId);
      if (!run) throw conflict(ErrorCode.Conflict, { reason: 'a run of this job is queued or running already' });
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.job.run',
        targetType: 'exchange_job',
        targetId: id,
        targetLabel: row.name,
        details: { runId: run.id },
      });
      return run;
    });
    this.deps.onQueued?.();
    return toRun(run);
  }
}
