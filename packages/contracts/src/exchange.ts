import { z } from 'zod';
import { MaskType } from './masking';

/** A name the gateway exposes: a field, a parameter. Lower snake case, so it needs no quoting anywhere. */
const apiName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and underscores, starting with a letter')
  .refine((name) => !RESERVED_PARAMS.has(name), 'reserved by the gateway');

/** Query parameters every gateway API takes; a provider cannot declare them. */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set(['fields', 'limit', 'after']);

/** 接入方式: how the gateway reaches the rows. */
export const ApiAccess = z.enum([
  /** 逻辑接入: queries the provider's source live through its connector. */
  'logical',
  /** 物理接入: reads the platform's own copy (a schema per department, a table per resource). */
  'physical',
  /** Forwards to a department's HTTP API (an http_json source) and filters and masks its answer. */
  'forward',
]);
export type ApiAccess = z.infer<typeof ApiAccess>;

/** The type of a field's values as the gateway returns them. */
export const ApiFieldType = z.enum(['text', 'int', 'decimal', 'date', 'datetime', 'bool']);
export type ApiFieldType = z.infer<typeof ApiFieldType>;

/** One field of an API: its name on the wire, the source column behind it, its sensitivity and default mask. */
export const ApiField = z.strictObject({
  name: apiName,
  column: z.string().trim().min(1).max(128),
  label: z.string().trim().min(1).max(100),
  type: ApiFieldType.default('text'),
  sensitive: z.boolean().default(false),
  /** Applied when a grant names no mask for the field; a sensitive field without one is redacted. */
  mask: MaskType.nullable().default(null),
});
export type ApiField = z.infer<typeof ApiField>;

/** How a parameter's value is checked before it reaches a query. */
export const ParamFormat = z.enum(['text', 'int', 'date', 'id_card', 'uscc', 'division']);
export type ParamFormat = z.infer<typeof ParamFormat>;

/** Comparisons a parameter or a row filter may make; values are always bound, never spliced. */
export const FilterOp = z.enum(['eq', 'gte', 'lte', 'prefix', 'in']);
export type FilterOp = z.infer<typeof FilterOp>;

/** A query parameter a provider declares, e.g. `id_number` (eq, id_card) or `from` (gte, date). */
export const ApiParam = z.strictObject({
  name: apiName,
  field: apiName,
  op: FilterOp.exclude(['in']),
  format: ParamFormat.default('text'),
  required: z.boolean().default(false),
  label: z.string().trim().min(1).max(100),
  /** A value that finds a row, for the documentation, the samples and the "try it" console. */
  example: z.string().trim().max(200).nullable().default(null),
});
export type ApiParam = z.infer<typeof ApiParam>;

/** What a provider declares to serve an entry at /gateway/v1/{resource code}. */
export const ExchangeApiInput = z
  .strictObject({
    entryId: z.uuid(),
    access: ApiAccess,
    /** Logical and forward access: the source (a database, or an http_json source for forwarding). */
    sourceId: z.uuid().nullable().default(null),
    /** `schema.table` (or `table`) in the source or the platform's store; the path under the http_json source's URL. */
    resourceName: z.string().trim().min(1).max(300),
    fields: z.array(ApiField).min(1).max(200),
    params: z.array(ApiParam).max(20).default([]),
    /** A field with unique values: the order of pages and the cursor of keyset pagination. */
    keyField: apiName,
    pageSizeMax: z.number().int().min(1).max(1000).default(100),
    timeoutMs: z.number().int().min(100).max(60_000).default(5000),
  })
  .meta({ id: 'ExchangeApiCreate' });
export type ExchangeApiInput = z.infer<typeof ExchangeApiInput>;

/** 共享方式 of a grant. */
export const GrantMethod = z.enum(['api', 'table', 'file']);
export type GrantMethod = z.infer<typeof GrantMethod>;

/** One condition of a grant's row filter: rows that fail it never leave. */
export const RowCondition = z.strictObject({
  field: apiName,
  op: FilterOp,
  value: z.union([
    z.string().max(200),
    z.number(),
    z
      .array(z.union([z.string().max(200), z.number()]))
      .min(1)
      .max(100),
  ]),
});
export type RowCondition = z.infer<typeof RowCondition>;

/** What the bureau fills in to grant a consumer a resource. */
export const GrantCreate = z
  .strictObject({
    entryId: z.uuid(),
    consumerDepartmentId: z.uuid(),
    /** Required for API grants: the application that will call. */
    appId: z.uuid().nullable().default(null),
    method: GrantMethod,
    fields: z.array(apiName).min(1).max(200),
    rowFilter: z.array(RowCondition).max(10).default([]),
    masks: z.record(apiName, MaskType).default({}),
    purpose: z.string().trim().min(2).max(500),
    validFrom: z.iso.datetime({ offset: true }),
    validTo: z.iso.datetime({ offset: true }),
    callsPerDay: z.number().int().min(1).max(100_000_000).nullable().default(null),
    callsPerSecond: z.number().int().min(1).max(100_000).nullable().default(null),
  })
  .meta({ id: 'GrantCreate' });
export type GrantCreate = z.infer<typeof GrantCreate>;

/** Calls per second an application may make over all its grants together, unless the operator sets another. */
export const APP_CALLS_PER_SECOND = 1000;
