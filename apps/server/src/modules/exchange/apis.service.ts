import { ErrorCode, RESERVED_PARAMS, type ExchangeApiInput } from '@shuyuan/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import { appendAudit } from '../../platform/audit/audit-log';
import { assertInScope } from '../../platform/auth/principal';
import { badRequest, conflict, notFound, rethrowUnique } from '../../platform/errors';
import type { ColumnReader } from '../catalog';
import { departmentScope, type RequestContext } from '../identity';
import { IN_FORCE, exchangeRepository as repo, type ApiRow } from './exchange.repository';
import type { ExchangeApiUpdate } from './exchange.schemas';
import { storeSchemaOf } from './store';

/** The path a consumer calls. */
export const gatewayPath = (resourceCode: string) => `/gateway/v1/${resourceCode}`;

/** The API as the HTTP answer shows it. */
export function toApi(row: ApiRow) {
  return {
    id: row.id,
    entryId: row.entry_id,
    resourceCode: row.resource_code,
    entryName: row.entry_name,
    departmentId: row.department_id,
    departmentName: row.department_name,
    access: row.access,
    sourceId: row.source_id,
    sourceName: row.source_name,
    resourceName: row.resource_name,
    fields: row.fields,
    params: row.params,
    keyField: row.key_field,
    pageSizeMax: row.page_size_max,
    timeoutMs: row.timeout_ms,
    status: row.status,
    served: row.status === 'active' && (IN_FORCE as readonly string[]).includes(row.entry_status) && row.sharing_methods.includes('api'),
    gatewayPath: gatewayPath(row.resource_code),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const invalid = (field: string, reason: string) => badRequest(ErrorCode.ValidationFailed, { field, reason });

/** The declaration's own rules: unique names, the key and every parameter naming a declared field. */
function checkShape(input: Pick<ExchangeApiInput, 'fields' | 'params' | 'keyField'>) {
  const names = new Set<string>();
  for (const [i, f] of input.fields.entries()) {
    if (names.has(f.name)) throw invalid(`fields.${i}.name`, 'a field name is used twice');
    names.add(f.name);
  }
  if (!names.has(input.keyField)) throw invalid('keyField', 'the key must be one of the fields');
  const params = new Set<string>();
  for (const [i, p] of input.params.entries()) {
    if (params.has(p.name) || RESERVED_PARAMS.has(p.name)) throw invalid(`params.${i}.name`, 'a parameter name is used twice or reserved');
    params.add(p.name);
    if (!names.has(p.field)) throw invalid(`params.${i}.field`, 'a parameter must filter a declared field');
  }
}

/** Gateway APIs (共享接口) that providers declare on their in-force entries. */
export class ApisService {
  constructor(
    private readonly readColumns: ColumnReader,
    private readonly onChange: () => void = () => {},
  ) {}

  async list(ctx: RequestContext, mine: boolean) {
    const scope = mine ? await departmentScope(ctx.db, ctx.principal) : null;
    return (await repo.listApis(ctx.db, { departmentIds: mine && scope ? [...scope] : null, inForceOnly: !mine })).map(toApi);
  }

  /** Any reader of the catalog may read a served API's description; the provider also an unserved one. */
  async get(ctx: RequestContext, id: string) {
    const row = await repo.apiById(ctx.db, id);
    if (!row) throw notFound('exchange_api');
    const api = toApi(row);
    if (!api.served) assertInScope(await departmentScope(ctx.db, ctx.principal), row.department_id, 'exchange_api');
    return api;
  }

  async create(ctx: RequestContext, input: ExchangeApiInput) {
    checkShape(input);
    const entry = await ctx.db
      .selectFrom('catalog_entry')
      .select(['id', 'code', 'department_id', 'status', 'sharing_type', 'sharing_methods'])
      .where('id', '=', input.entryId)
      .executeTakeFirst();
    if (!entry) throw notFound('catalog_entry');
    assertInScope(await departmentScope(ctx.db, ctx.principal), entry.department_id, 'catalog_entry');
    if (!(IN_FORCE as readonly string[]).includes(entry.status))
      throw conflict(ErrorCode.InvalidTransition, { reason: 'the entry is not published' });
    if (entry.sharing_type === 'none' || !entry.sharing_methods.includes('api'))
      throw conflict(ErrorCode.InvalidTransition, { reason: 'the entry is not shared by API (共享方式: 接口)' });
    await this.checkAccess(ctx, entry.department_id, entry.id, input);
    const done = await ctx.db.transaction().execute(async (trx) => {
      const { id } = await repo
        .insertApi(trx, input, ctx.principal.userId)
        .catch((e: unknown) => rethrowUnique(e, { exchange_api_entry_id: 'entryId' }));
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.api.create',
        targetType: 'exchange_api',
        targetId: id,
        targetLabel: entry.code,
        details: { access: input.access, fields: input.fields.map((f) => f.name), params: input.params.map((p) => p.name) },
      });
      return toApi((await repo.apiById(trx, id))!);
    });
    this.onChange();
    return done;
  }

  async update(ctx: RequestContext, id: string, input: z.infer<typeof ExchangeApiUpdate>) {
    const row = await repo.apiById(ctx.db, id);
    if (!row) throw notFound('exchange_api');
    assertInScope(await departmentScope(ctx.db, ctx.principal), row.department_id, 'exchange_api');
    const declared = { ...input, entryId: row.entry_id };
    checkShape(declared);
    await this.checkAccess(ctx, row.department_id, row.entry_id, declared);
    const done = await ctx.db.transaction().execute(async (trx) => {
      const result = await repo.updateApi(trx, id, input.version, declared, input.status);
      if (Number(result.numUpdatedRows) === 0) throw conflict(ErrorCode.VersionConflict, { version: row.version });
      await appendAudit(trx, ctx.actor, {
        action: 'exchange.api.update',
        targetType: 'exchange_api',
        targetId: id,
        targetLabel: row.resource_code,
        details: { access: input.access, status: input.status, fields: input.fields.map((f) => f.name) },
      });
      return toApi((await repo.apiById(trx, id))!);
    });
    this.onChange();
    return done;
  }

  /** The source and columns behind the API exist, belong to the provider and match what the entry mounts. */
  private async checkAccess(ctx: RequestContext, departmentId: string, entryId: string, input: ExchangeApiInput) {
    const columns = input.fields.map((f) => f.column);
    if (input.access === 'physical') {
      const [schema, table, extra] = input.resourceName.split('.');
      const department = await ctx.db
        .selectFrom('department')
        .select('agency_code')
        .where('id', '=', departmentId)
        .executeTakeFirstOrThrow();
      const own = storeSchemaOf(department.agency_code);
      if (!schema || !table || extra !== undefined || schema !== own)
        throw invalid('resourceName', `a table of the department's own store schema: ${own}.<table>`);
      const found = await sql<{ column_name: string }>`
        select column_name from information_schema.columns where table_schema = ${schema} and table_name = ${table}`.execute(ctx.db);
      if (found.rows.length === 0) throw invalid('resourceName', 'no such table in the platform store');
      const have = new Set(found.rows.map((r) => r.column_name));
      const missing = columns.filter((c) => !have.has(c));
      if (missing.length) throw invalid('fields', `columns not in the table: ${missing.join(', ')}`);
      return;
    }
    if (!input.sourceId) throw invalid('sourceId', 'logical and forwarded access read a source');
    const source = await ctx.db
      .selectFrom('data_source')
      .select(['department_id', 'kind'])
      .where('id', '=', input.sourceId)
      .executeTakeFirst();
    if (!source || source.department_id !== departmentId) throw invalid('sourceId', "not a source of the entry's department");
    if (input.access === 'forward') {
      if (source.kind !== 'http_json') throw invalid('sourceId', 'forwarding needs an HTTP (http_json) source');
      return;
    }
    if (source.kind !== 'postgresql' && source.kind !== 'mysql')
      throw invalid('sourceId', 'logical access reads a PostgreSQL or MySQL source');
    const mount = await ctx.db
      .selectFrom('catalog_mount')
      .select('id')
      .where('entry_id', '=', entryId)
      .where('source_id', '=', input.sourceId)
      .where('resource_name', '=', input.resourceName)
      .where('status', '=', 'mounted')
      .executeTakeFirst();
    if (!mount) throw invalid('resourceName', 'the entry has no approved mount of this table (挂接)');
    const read = await this.readColumns(ctx, input.sourceId, input.resourceName);
    const have = new Set(read.columns.map((c) => c.name));
    const missing = columns.filter((c) => !have.has(c));
    if (missing.length) throw invalid('fields', `columns not in the source table: ${missing.join(', ')}`);
  }
}
