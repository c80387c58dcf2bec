import { ErrorCode, type GrantCreate } from '@shuyuan/contracts';
import { appendAudit } from '../../platform/audit/audit-log';
import { badRequest, conflict, notFound, rethrowUnique } from '../../platform/errors';
import { departmentScope, type RequestContext } from '../identity';
import { IN_FORCE, exchangeRepository as repo, type GrantRow } from './exchange.repository';

/** Where a grant is in its life at `now`. */
export function grantState(row: Pick<GrantRow, 'status' | 'valid_from' | 'valid_to'>, now = Date.now()) {
  if (row.status === 'revoked') return 'revoked' as const;
  if (now < row.valid_from.getTime()) return 'pending' as const;
  if (now >= row.valid_to.getTime()) return 'expired' as const;
  return 'active' as const;
}

export function toGrant(row: GrantRow) {
  return {
    id: row.id,
    entryId: row.entry_id,
    resourceCode: row.resource_code,
    entryName: row.entry_name,
    providerDepartmentId: row.provider_department_id,
    providerDepartmentName: row.provider_department_name,
    consumerDepartmentId: row.consumer_department_id,
    consumerDepartmentName: row.consumer_department_name,
    appId: row.app_id,
    appName: row.app_name,
    appKey: row.app_key,
    apiId: row.api_id,
    method: row.method,
    fields: row.fields,
    rowFilter: row.row_filter,
    masks: row.masks,
    purpose: row.purpose,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    callsPerDay: row.calls_per_day,
    callsPerSecond: row.calls_per_second,
    status: row.status,
    state: grantState(row),
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
    version: row.version,
    createdAt: row.created_at,
  };
}

const invalid = (field: string, reason: string) => badRequest(ErrorCode.ValidationFailed, { field, reason });

/** Grants (授权): which consumer application may take which fields of a resource, masked how, how often. */
export class GrantsService {
  constructor(private readonly onChange: () => void = () => {}) {}

  async list(
    ctx: RequestContext,
    query: {
      role?: 'consumer' | 'provider' | undefined;
      status?: 'active' | 'revoked' | undefined;
      entryId?: string | undefined;
      appId?: string | undefined;
    },
  ) {
    const scope = await departmentScope(ctx.db, ctx.principal);
    return (await repo.listGrants(ctx.db, { departmentIds: scope ? [...scope] : null, ...query })).map(toGrant);
  }

  /** A grant is visible to its consumer's and its provider's departments (and the bureau). */
  async get(ctx: RequestContext, id: string) {
    const row = await repo.grantById(ctx.db, id);
    const scope = await departmentScope(ctx.db, ctx.principal);
    if (!row || (scope && !scope.has(row.consumer_department_id) && !scope.has(row.provider_department_id))) throw notFound('grant');
    return toGrant(row);
  }

  async create(ctx: RequestContext, input: GrantCreate) {
    const entry = await ctx.db
      .selectFrom('catalog_entry')
      .select(['id', 'code', 'department_id', 'status', 'sharing_type', 'sharing_methods', 'content'])
      .where('id', '=', input.entryId)
      .executeTakeFirst();
    if (!entry) throw notFound('catalog_entry');
    if (!(IN_FORCE as readonly string[]).includes(entry.status))
      throw conflict(ErrorCode.InvalidTransition, { reason: 'the entry is not published' });
    if (entry.sharing_type === 'none') throw conflict(ErrorCode.InvalidTransition, { reason: 'the entry is not shared (不予共享)' });
    if (!entry.sharing_methods.includes(input.method))
      throw invalid('method', `the entry is shared by ${entry.sharing_methods.join(', ') || 'no method'}`);
    const consumer = await ctx.db.selectFrom('department').select('id').where('id', '=', input.consumerDepartmentId).executeTakeFirst();
    if (!consumer) throw invalid('consumerDepartmentId', 'no such department');
    if (input.method === 'api' && !input.appId) throw invalid('appId', 'an API grant names the application that calls');
    if (input.appId) {
      const app = await ctx.db
        .selectFrom('client_app')
        .select(['department_id', 'status'])
        .where('id', '=', input.appId)
        .executeTakeFirst();
      if (!app || app.department_id !== input.consumerDepartmentId)
        throw invalid('appId', "not an application of the consumer's department");
      if (app.status !== 'active') throw invalid('appId', 'the application is disabled');
    }
    const from = Date.parse(input.validFrom);
    const to = Date.parse(input.validTo);
    if (!(to > from)) throw invalid('validTo', 'the end must come after the start');

    // The names a grant may use: the API's fields, or the entry's data items for table and file exchange.
    let fieldNames: Set<string>;
    if (input.method === 'api') {
      const api = await repo.apiByEntry(ctx.db, input.entryId);
      if (!api) throw invalid('entryId', 'the provider has not declared an API for this entry yet');
      fieldNames = new Set(api.fields.map((f) => f.name));
    } else {
      fieldNames = new Set(entry.content.items.map((item) => (item.nameEn ?? '').toLowerCase()).filter(Boolean));
    }
    for (const [i, f] of input.fields.entries()) if (!fieldNames.has(f)) throw invalid(`fields.${i}`, `no field named ${f}`);
    if (new Set(input.fields).size !== input.fields.length) throw invalid('fields', 'a field is listed twice');
    for (const f of Object.keys(input.masks))
      if (!input.fields.includes(f)) throw invalid(`masks.${f}`, 'a mask for a field the grant does not give');
    for (const [i, c] of input.rowFilter.entries()) {
      if (!fieldNames.has(c.field)) throw invalid(`rowFilter.${i}.field`, `no field named ${c.field}`);
      if ((c.op === 'in') !== Array.isArray(c.value))
        throw invalid(`rowFilter.${i}.value`, c.op === 'in' ? 'a list for `in`' : 'one value');
    }

    const done = await ctx.db.transaction().execute(async (trx) => {
      const { id } = await repo
        .insertGrant(trx, input, ctx.principal.userId)
        .catch((e: unknown) => rethrowUnique(e, { exchange_grant_live_idx: 'appId' }));
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.grant.create',
        targetType: 'exchange_grant',
        targetId: id,
        targetLabel: entry.code,
        details: {
          consumerDepartmentId: input.consumerDepartmentId,
          appId: input.appId,
          method: input.method,
          fields: input.fields,
          masks: input.masks,
          rowFilter: input.rowFilter,
          validFrom: input.validFrom,
          validTo: input.validTo,
          callsPerDay: input.callsPerDay,
          callsPerSecond: input.callsPerSecond,
        },
      });
      return toGrant((await repo.grantById(trx, id))!);
    });
    this.onChange();
    return done;
  }

  /** Revokes at once: the gateway of this process forgets the grant before the answer. */
  async revoke(ctx: RequestContext, id: string, input: { version: number; reason: string }) {
    const row = await repo.grantById(ctx.db, id);
    if (!row) throw notFound('grant');
    if (row.status === 'revoked') throw conflict(ErrorCode.InvalidTransition, { reason: 'already revoked' });
    const done = await ctx.db.transaction().execute(async (trx) => {
      const result = await repo.revokeGrant(trx, id, input.version, ctx.principal.userId, input.reason);
      if (Number(result.numUpdatedRows) === 0) throw conflict(ErrorCode.VersionConflict, { version: row.version });
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.grant.revoke',
        targetType: 'exchange_grant',
        targetId: id,
        targetLabel: row.resource_code,
        details: { reason: input.reason },
      });
      return toGrant((await repo.grantById(trx, id))!);
    });
    this.onChange();
    return done;
  }
}
