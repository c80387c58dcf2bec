import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { notFound } from '../../platform/errors';
import type { EvidenceLog } from '../evidence';
import { departmentScope, type RequestContext } from '../identity';
import { dayStart } from './gateway.quota';

type Role = 'consumer' | 'provider' | undefined;

/** Restricts calls to those whose consumer or provider is in scope (or one side, by role). */
function scoped(db: Kysely<DB>, scope: ReadonlySet<string> | null, role: Role) {
  let q = db.selectFrom('gateway_call as c');
  if (scope) {
    const ids = scope.size ? [...scope] : [''];
    if (role === 'consumer') q = q.where('c.consumer_department_id', 'in', ids);
    else if (role === 'provider') q = q.where('c.provider_department_id', 'in', ids);
    else q = q.where((eb) => eb.or([eb('c.consumer_department_id', 'in', ids), eb('c.provider_department_id', 'in', ids)]));
  } else if (role === 'consumer') q = q.where('c.consumer_department_id', 'is not', null);
  else if (role === 'provider') q = q.where('c.provider_department_id', 'is not', null);
  return q;
}

interface CallFilter {
  role?: Role;
  grantId?: string | undefined;
  apiId?: string | undefined;
  appId?: string | undefined;
}

/** The gateway's call log as providers, consumers and the bureau read it, with each call's proof. */
export class CallsService {
  constructor(private readonly evidence: EvidenceLog) {}

  private filtered(ctx: RequestContext, scope: ReadonlySet<string> | null, f: CallFilter) {
    let q = scoped(ctx.db, scope, f.role);
    if (f.grantId) q = q.where('c.grant_id', '=', f.grantId);
    if (f.apiId) q = q.where('c.api_id', '=', f.apiId);
    if (f.appId) q = q.where('c.app_id', '=', f.appId);
    return q;
  }

  async list(
    ctx: RequestContext,
    query: CallFilter & {
      outcome?: 'ok' | 'refused' | undefined;
      code?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
      limit: number;
      before?: string | undefined;
    },
  ) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    let q = this.filtered(ctx, scope, query)
      .leftJoin('client_app as a', 'a.id', 'c.app_id')
      .leftJoin('department as d', 'd.id', 'c.consumer_department_id')
      .selectAll('c')
      .select(['a.name as app_name', 'd.name as consumer_department_name']);
    if (query.outcome === 'ok') q = q.where('c.status', '<', 400);
    if (query.outcome === 'refused') q = q.where('c.status', '>=', 400);
    if (query.code) q = q.where('c.code', '=', query.code);
    if (query.from) q = q.where('c.called_at', '>=', new Date(query.from));
    if (query.to) q = q.where('c.called_at', '<', new Date(query.to));
    if (query.before) {
      const anchor = await ctx.db.selectFrom('gateway_call').select(['called_at', 'id']).where('id', '=', query.before).executeTakeFirst();
      if (anchor)
        q = q.where((eb) =>
          eb.or([eb('c.called_at', '<', anchor.called_at), eb.and([eb('c.called_at', '=', anchor.called_at), eb('c.id', '<', anchor.id)])]),
        );
    }
    const rows = await q.orderBy('c.called_at', 'desc').orderBy('c.id', 'desc').limit(query.limit).execute();
    return rows.map((r) => ({
      id: r.id,
      calledAt: new Date(r.called_at),
      appId: r.app_id,
      appKey: r.app_key,
      appName: r.app_name,
      consumerDepartmentId: r.consumer_department_id,
      consumerDepartmentName: r.consumer_department_name,
      grantId: r.grant_id,
      apiId: r.api_id,
      providerDepartmentId: r.provider_department_id,
      resourceCode: r.resource_code,
      fields: r.fields,
      rowCount: r.row_count,
      requestDigest: r.request_digest,
      responseDigest: r.response_digest,
      status: r.status,
      code: r.code,
      latencyMs: r.latency_ms,
      leafIndex: Number(r.leaf_index),
    }));
  }

  /**
   * A visible call's evidence: its leaf and inclusion proof in the latest signed checkpoint (or the
   * current tree, before the next checkpoint covers it). The browser checks it.
   */
  async proof(ctx: RequestContext, id: string) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    const call = await scoped(ctx.db, scope, undefined).select('c.leaf_index').where('c.id', '=', id).executeTakeFirst();
    if (!call) throw notFound('gateway_call');
    const [found] = await this.evidence.proofsInLatest([Number(call.leaf_index)]);
    if (!found) throw notFound('evidence_leaf');
    return found;
  }

  async stats(ctx: RequestContext, query: CallFilter & { days: number }) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    const since = new Date(dayStart(Date.now()) - (query.days - 1) * 86_400_000);
    const base = () => this.filtered(ctx, scope, query).where('c.called_at', '>=', since);
    const day = sql<string>`to_char(c.called_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;
    const [days, codes, totals] = await Promise.all([
      base()
        .select([
          day.as('day'),
          (eb) => eb.fn.countAll<string>().as('calls'),
          sql<string>`count(*) filter (where c.status >= 400)`.as('refused'),
        ])
        .groupBy(day)
        .orderBy(day)
        .execute(),
      base()
        .where('c.code', 'is not', null)
        .select(['c.code', (eb) => eb.fn.countAll<string>().as('calls')])
        .groupBy('c.code')
        .orderBy('calls', 'desc')
        .execute(),
      base()
        .select([
          (eb) => eb.fn.countAll<string>().as('total'),
          sql<string>`count(*) filter (where c.status >= 400)`.as('refused'),
          sql<string>`coalesce(sum(c.row_count), 0)`.as('rows'),
          sql<number | null>`percentile_cont(0.5) within group (order by c.latency_ms)`.as('p50'),
          sql<number | null>`percentile_cont(0.95) within group (order by c.latency_ms)`.as('p95'),
          sql<number | null>`percentile_cont(0.99) within group (order by c.latency_ms)`.as('p99'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 100) / 100);
    return {
      total: Number(totals.total),
      refused: Number(totals.refused),
      rows: Number(totals.rows),
      days: days.map((d) => ({ day: d.day, calls: Number(d.calls), refused: Number(d.refused) })),
      codes: codes.map((c) => ({ code: c.code!, calls: Number(c.calls) })),
      latency: { p50: round(totals.p50), p95: round(totals.p95), p99: round(totals.p99) },
    };
  }

  /** The bureau's exchange overview: volumes per department, method and side, and today's live counter. */
  async overview(ctx: RequestContext) {
    const today = new Date(dayStart(Date.now()));
    const [counts, byProvider, byConsumer, grants, apis, tables, returns] = await Promise.all([
      ctx.db
        .selectFrom('gateway_call as c')
        .select([
          (eb) => eb.fn.countAll<string>().as('total'),
          sql<string>`count(*) filter (where c.called_at >= ${today})`.as('today'),
          sql<string>`coalesce(sum(c.row_count) filter (where c.called_at >= ${today}), 0)`.as('rows_today'),
        ])
        .executeTakeFirstOrThrow(),
      ctx.db
        .selectFrom('gateway_call as c')
        .innerJoin('department as d', 'd.id', 'c.provider_department_id')
        .select(['d.id', 'd.name', (eb) => eb.fn.countAll<string>().as('calls'), sql<string>`coalesce(sum(c.row_count), 0)`.as('rows')])
        .where('c.status', '<', 400)
        .groupBy(['d.id', 'd.name'])
        .execute(),
      ctx.db
        .selectFrom('gateway_call as c')
        .innerJoin('department as d', 'd.id', 'c.consumer_department_id')
        .select(['d.id', 'd.name', (eb) => eb.fn.countAll<string>().as('calls'), sql<string>`coalesce(sum(c.row_count), 0)`.as('rows')])
        .where('c.status', '<', 400)
        .groupBy(['d.id', 'd.name'])
        .execute(),
      ctx.db
        .selectFrom('exchange_grant as g')
        .innerJoin('catalog_entry as e', 'e.id', 'g.entry_id')
        .innerJoin('department as pd', 'pd.id', 'e.department_id')
        .innerJoin('department as cd', 'cd.id', 'g.consumer_department_id')
        .select(['g.method', 'pd.id as pid', 'pd.name as pname', 'cd.id as cid', 'cd.name as cname'])
        .where('g.status', '=', 'active')
        .where('g.valid_to', '>', new Date())
        .execute(),
      ctx.db
        .selectFrom('exchange_api')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow(),
      // Table exchange: the rows each distribution run wrote into a consumer's database.
      ctx.db
        .selectFrom('exchange_run as r')
        .innerJoin('exchange_job as j', 'j.id', 'r.job_id')
        .innerJoin('catalog_entry as e', 'e.id', 'j.entry_id')
        .innerJoin('department as pd', 'pd.id', 'e.department_id')
        .innerJoin('department as cd', 'cd.id', 'j.department_id')
        .select([
          'pd.id as pid',
          'pd.name as pname',
          'cd.id as cid',
          'cd.name as cname',
          (eb) => eb.fn.countAll<string>().as('runs'),
          sql<string>`coalesce(sum(r.rows_written), 0)`.as('rows'),
          sql<string>`coalesce(sum(r.rows_written) filter (where r.finished_at >= ${today}), 0)`.as('rows_today'),
        ])
        .where('j.kind', '=', 'distribute')
        .where('r.status', '=', 'done')
        .groupBy(['pd.id', 'pd.name', 'cd.id', 'cd.name'])
        .execute(),
      // Return flow: the rows each lower node of the cascade received.
      ctx.db
        .selectFrom('exchange_run as r')
        .innerJoin('exchange_job as j', 'j.id', 'r.job_id')
        .innerJoin('cascade_node as n', 'n.id', 'j.node_id')
        .select([
          'n.id',
          'n.name',
          'n.region_code',
          (eb) => eb.fn.countAll<string>().as('runs'),
          sql<string>`coalesce(sum(r.rows_written), 0)`.as('rows'),
          sql<string>`coalesce(sum(r.rows_written) filter (where r.finished_at >= ${today}), 0)`.as('rows_today'),
        ])
        .where('j.kind', '=', 'return')
        .where('r.status', '=', 'done')
        .groupBy(['n.id', 'n.name', 'n.region_code'])
        .execute(),
    ]);
    type Row = {
      departmentId: string;
      departmentName: string;
      method: 'api' | 'table' | 'file';
      role: 'provider' | 'consumer';
      calls: number;
      rows: number;
      grants: number;
    };
    const rows = new Map<string, Row>();
    const at = (departmentId: string, departmentName: string, method: Row['method'], role: Row['role']) => {
      const key = `${departmentId}:${method}:${role}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { departmentId, departmentName, method, role, calls: 0, rows: 0, grants: 0 }));
      return row;
    };
    for (const r of byProvider) Object.assign(at(r.id, r.name, 'api', 'provider'), { calls: Number(r.calls), rows: Number(r.rows) });
    for (const r of byConsumer) Object.assign(at(r.id, r.name, 'api', 'consumer'), { calls: Number(r.calls), rows: Number(r.rows) });
    for (const t of tables) {
      for (const row of [at(t.pid, t.pname, 'table', 'provider'), at(t.cid, t.cname, 'table', 'consumer')]) {
        row.calls += Number(t.runs);
        row.rows += Number(t.rows);
      }
    }
    for (const g of grants) {
      at(g.pid, g.pname, g.method, 'provider').grants += 1;
      at(g.cid, g.cname, g.method, 'consumer').grants += 1;
    }
    return {
      callsToday: Number(counts.today),
      callsTotal: Number(counts.total),
      rowsToday: Number(counts.rows_today),
      tableRowsToday: tables.reduce((n, t) => n + Number(t.rows_today), 0),
      liveGrants: grants.length,
      servedApis: Number(apis.n),
      byDepartment: [...rows.values()].sort((a, b) => b.calls - a.calls || b.grants - a.grants),
      returns: returns.map((r) => ({
        nodeId: r.id,
        nodeName: r.name,
        regionCode: r.region_code,
        runs: Number(r.runs),
        rows: Number(r.rows),
        rowsToday: Number(r.rows_today),
      })),
    };
  }
}
