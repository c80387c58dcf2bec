import { sql, type Kysely, type Transaction } from 'kysely';
import type { ExchangeApiInput, GrantCreate, GrantMethod } from '@shuyuan/contracts';
import type { DB } from '../../db/schema';
import type { CallRecord } from './call-log';

type Q = Kysely<DB> | Transaction<DB>;

/** Entry statuses in which a resource is in force and may be served. */
export const IN_FORCE = ['published', 'change_review', 'retire_review'] as const;

function apis(db: Q) {
  return db
    .selectFrom('exchange_api as a')
    .innerJoin('catalog_entry as e', 'e.id', 'a.entry_id')
    .innerJoin('department as d', 'd.id', 'e.department_id')
    .leftJoin('data_source as s', 's.id', 'a.source_id')
    .selectAll('a')
    .select([
      'e.code as resource_code',
      'e.name as entry_name',
      'e.department_id',
      'e.status as entry_status',
      'e.sharing_methods',
      'e.sharing_type',
      'd.name as department_name',
      's.name as source_name',
      's.kind as source_kind',
    ]);
}
export type ApiRow = Awaited<ReturnType<ReturnType<typeof apis>['executeTakeFirstOrThrow']>>;

function grants(db: Q) {
  return db
    .selectFrom('exchange_grant as g')
    .innerJoin('catalog_entry as e', 'e.id', 'g.entry_id')
    .innerJoin('department as pd', 'pd.id', 'e.department_id')
    .innerJoin('department as cd', 'cd.id', 'g.consumer_department_id')
    .leftJoin('client_app as app', 'app.id', 'g.app_id')
    .leftJoin('exchange_api as api', 'api.entry_id', 'g.entry_id')
    .selectAll('g')
    .select([
      'api.id as api_id',
      'e.code as resource_code',
      'e.name as entry_name',
      'e.department_id as provider_department_id',
      'pd.name as provider_department_name',
      'cd.name as consumer_department_name',
      'app.name as app_name',
      'app.app_key',
    ]);
}
export type GrantRow = Awaited<ReturnType<ReturnType<typeof grants>['executeTakeFirstOrThrow']>>;

/** Every SQL statement of the exchange module. */
export const exchangeRepository = {
  /** The version of the gateway's configuration (ADR 010), or undefined before the migration's row exists. */
  async configVersion(db: Q): Promise<number | undefined> {
    const row = await db.selectFrom('gateway_config_version').select('version').where('id', '=', 1).executeTakeFirst();
    return row ? Number(row.version) : undefined;
  },
  apiByCode(db: Q, code: string) {
    return apis(db).where('e.code', '=', code).executeTakeFirst();
  },
  apiById(db: Q, id: string) {
    return apis(db).where('a.id', '=', id).executeTakeFirst();
  },
  apiByEntry(db: Q, entryId: string) {
    return apis(db).where('a.entry_id', '=', entryId).executeTakeFirst();
  },
  listApis(db: Q, filter: { departmentIds: readonly string[] | null; inForceOnly: boolean }) {
    let q = apis(db);
    if (filter.departmentIds) q = q.where('e.department_id', 'in', filter.departmentIds.length ? filter.departmentIds : ['']);
    if (filter.inForceOnly) q = q.where('e.status', 'in', IN_FORCE).where('a.status', '=', 'active');
    return q.orderBy('e.code').limit(1000).execute();
  },
  insertApi(db: Q, input: ExchangeApiInput, userId: string | null) {
    return db
      .insertInto('exchange_api')
      .values({
        entry_id: input.entryId,
        access: input.access,
        source_id: input.access === 'physical' ? null : input.sourceId,
        resource_name: input.resourceName,
        fields: JSON.stringify(input.fields),
        params: JSON.stringify(input.params),
        key_field: input.keyField,
        page_size_max: input.pageSizeMax,
        timeout_ms: input.timeoutMs,
        created_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  updateApi(db: Q, id: string, version: number, input: ExchangeApiInput, status: 'active' | 'disabled') {
    return db
      .updateTable('exchange_api')
      .set({
        access: input.access,
        source_id: input.access === 'physical' ? null : input.sourceId,
        resource_name: input.resourceName,
        fields: JSON.stringify(input.fields),
        params: JSON.stringify(input.params),
        key_field: input.keyField,
        page_size_max: input.pageSizeMax,
        timeout_ms: input.timeoutMs,
        status,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  grantById(db: Q, id: string) {
    return grants(db).where('g.id', '=', id).executeTakeFirst();
  },
  /** The live API grant of an application on an entry, whatever its validity (the caller checks the dates). */
  liveGrant(db: Q, appId: string, entryId: string, method: GrantMethod) {
    return db
      .selectFrom('exchange_grant')
      .selectAll()
      .where('app_id', '=', appId)
      .where('entry_id', '=', entryId)
      .where('method', '=', method)
      .where('status', '=', 'active')
      .executeTakeFirst();
  },
  listGrants(
    db: Q,
    filter: {
      /** Grants whose consumer or provider is one of these departments; null for all. */
      departmentIds: readonly string[] | null;
      role?: 'consumer' | 'provider' | undefined;
      status?: 'active' | 'revoked' | undefined;
      entryId?: string | undefined;
      appId?: string | undefined;
    },
  ) {
    let q = grants(db);
    const ids = filter.departmentIds ? (filter.departmentIds.length ? filter.departmentIds : ['']) : null;
    if (ids && filter.role === 'consumer') q = q.where('g.consumer_department_id', 'in', ids);
    else if (ids && filter.role === 'provider') q = q.where('e.department_id', 'in', ids);
    else if (ids) q = q.where((eb) => eb.or([eb('g.consumer_department_id', 'in', ids), eb('e.department_id', 'in', ids)]));
    else if (filter.role) {
      // All departments: the role filter has nothing to narrow.
    }
    if (filter.status) q = q.where('g.status', '=', filter.status);
    if (filter.entryId) q = q.where('g.entry_id', '=', filter.entryId);
    if (filter.appId) q = q.where('g.app_id', '=', filter.appId);
    return q.orderBy('g.created_at', 'desc').limit(1000).execute();
  },
  insertGrant(db: Q, input: GrantCreate, userId: string | null) {
    return db
      .insertInto('exchange_grant')
      .values({
        entry_id: input.entryId,
        consumer_department_id: input.consumerDepartmentId,
        app_id: input.appId,
        method: input.method,
        fields: input.fields,
        row_filter: JSON.stringify(input.rowFilter),
        masks: JSON.stringify(input.masks),
        purpose: input.purpose,
        valid_from: new Date(input.validFrom),
        valid_to: new Date(input.validTo),
        calls_per_day: input.callsPerDay,
        calls_per_second: input.callsPerSecond,
        created_by: userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },
  revokeGrant(db: Q, id: string, version: number, userId: string | null, reason: string) {
    return db
      .updateTable('exchange_grant')
      .set({
        status: 'revoked',
        revoked_at: new Date(),
        revoked_by: userId,
        revoke_reason: reason,
        version: sql`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('status', '=', 'active')
      .executeTakeFirst();
  },

  purgeNonces(db: Q) {
    return db.deleteFrom('signature_nonce').where('expires_at', '<', new Date()).execute();
  },

  /** The calls of a batch not yet in the log (a replayed write-ahead file may hold committed ones). */
  async newCalls(trx: Q, calls: readonly CallRecord[]): Promise<CallRecord[]> {
    if (calls.length === 0) return [];
    const present = await trx
      .selectFrom('gateway_call')
      .select('id')
      .where(
        'id',
        'in',
        calls.map((c) => c.id),
      )
      .execute();
    const seen = new Set(present.map((r) => r.id));
    const unique = new Map<string, CallRecord>();
    for (const call of calls) if (!seen.has(call.id) && !unique.has(call.id)) unique.set(call.id, call);
    return [...unique.values()];
  },
  /**
   * Inserts a batch of calls in one statement: one JSON parameter made of each call's JSON text (its evidence
   * entry, already serialised), not a parameter per value; leaf `firstLeaf + i` is call i's.
   */
  async insertCalls(trx: Q, texts: readonly string[], firstLeaf: number): Promise<void> {
    if (texts.length === 0) return;
    await sql`
      insert into gateway_call (id, called_at, app_id, app_key, consumer_department_id, grant_id, api_id, provider_department_id,
        resource_code, fields, row_count, request_digest, response_digest, status, code, latency_ms, leaf_index)
      select r."id", r."calledAt", r."appId", r."appKey", r."consumerDepartmentId", r."grantId", r."apiId", r."providerDepartmentId",
        r."resourceCode", r."fields", r."rowCount", r."requestDigest", r."responseDigest", r."status", r."code", r."latencyMs",
        ${firstLeaf}::bigint + r.n - 1
      from rows from (json_to_recordset(${`[${texts.join(',')}]`}::json) as ("id" uuid, "calledAt" timestamptz, "appId" uuid,
        "appKey" text, "consumerDepartmentId" uuid, "grantId" uuid, "apiId" uuid, "providerDepartmentId" uuid, "resourceCode" text,
        "fields" text[], "rowCount" integer, "requestDigest" text, "responseDigest" text, "status" smallint, "code" text,
        "latencyMs" real)) with ordinality as r("id", "calledAt", "appId", "appKey", "consumerDepartmentId", "grantId", "apiId",
        "providerDepartmentId", "resourceCode", "fields", "rowCount", "requestDigest", "responseDigest", "status", "code", "latencyMs", n)`.execute(
      trx,
    );
  },
  /** Successful calls of a grant since a moment (the day's quota). */
  async callsSince(db: Q, grantId: string, since: Date): Promise<number> {
    const row = await db
      .selectFrom('gateway_call')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('grant_id', '=', grantId)
      .where('called_at', '>=', since)
      .where('status', '<', 400)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
