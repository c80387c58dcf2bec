import { ApiAccess, ApiField, ApiParam, GrantMethod, MaskType, RowCondition } from '@shuyuan/contracts';
import { z } from 'zod';

export const IdParams = z.object({ id: z.uuid() });

/** A gateway API as the console and the portal see it. */
export const ExchangeApi = z
  .object({
    id: z.uuid(),
    entryId: z.uuid(),
    resourceCode: z.string(),
    entryName: z.string(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    access: ApiAccess,
    sourceId: z.uuid().nullable(),
    sourceName: z.string().nullable(),
    resourceName: z.string(),
    fields: z.array(ApiField),
    params: z.array(ApiParam),
    keyField: z.string(),
    pageSizeMax: z.number().int(),
    timeoutMs: z.number().int(),
    status: z.enum(['active', 'disabled']),
    /** True when the gateway serves it now: active, the entry in force and shared by API. */
    served: z.boolean(),
    gatewayPath: z.string().describe('GET this path with the signature headers'),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'ExchangeApi' });

export const ExchangeApiUpdate = z
  .strictObject({
    access: ApiAccess,
    sourceId: z.uuid().nullable().default(null),
    resourceName: z.string().trim().min(1).max(300),
    fields: z.array(ApiField).min(1).max(200),
    params: z.array(ApiParam).max(20).default([]),
    keyField: z.string(),
    pageSizeMax: z.number().int().min(1).max(1000).default(100),
    timeoutMs: z.number().int().min(100).max(60_000).default(5000),
    status: z.enum(['active', 'disabled']).default('active'),
    version: z.number().int().min(1),
  })
  .meta({ id: 'ExchangeApiUpdate' });

export const ApiQuery = z.strictObject({
  mine: z.enum(['true', 'false']).optional().describe("true: the APIs of the caller's departments, also those not served now"),
});

/** Where a grant is in its life, as of now. */
export const GrantState = z.enum(['pending', 'active', 'expired', 'revoked']);

export const Grant = z
  .object({
    id: z.uuid(),
    entryId: z.uuid(),
    resourceCode: z.string(),
    entryName: z.string(),
    providerDepartmentId: z.uuid(),
    providerDepartmentName: z.string(),
    consumerDepartmentId: z.uuid(),
    consumerDepartmentName: z.string(),
    appId: z.uuid().nullable(),
    appName: z.string().nullable(),
    appKey: z.string().nullable(),
    apiId: z.uuid().nullable().describe("The entry's gateway API, when the provider declared one"),
    method: GrantMethod,
    fields: z.array(z.string()),
    rowFilter: z.array(RowCondition),
    masks: z.record(z.string(), MaskType),
    purpose: z.string(),
    validFrom: z.date(),
    validTo: z.date(),
    callsPerDay: z.number().int().nullable(),
    callsPerSecond: z.number().int().nullable(),
    status: z.enum(['active', 'revoked']),
    state: GrantState,
    revokedAt: z.date().nullable(),
    revokeReason: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'Grant' });

export const GrantQuery = z.strictObject({
  role: z.enum(['consumer', 'provider']).optional(),
  status: z.enum(['active', 'revoked']).optional(),
  entryId: z.uuid().optional(),
  appId: z.uuid().optional(),
});

export const GrantRevoke = z
  .strictObject({ version: z.number().int().min(1), reason: z.string().trim().min(2).max(500) })
  .meta({ id: 'GrantRevoke' });

/** One logged gateway call. */
export const GatewayCall = z
  .object({
    id: z.uuid(),
    calledAt: z.date(),
    appId: z.uuid().nullable(),
    appKey: z.string().nullable(),
    appName: z.string().nullable(),
    consumerDepartmentId: z.uuid().nullable(),
    consumerDepartmentName: z.string().nullable(),
    grantId: z.uuid().nullable(),
    apiId: z.uuid().nullable(),
    providerDepartmentId: z.uuid().nullable(),
    resourceCode: z.string().nullable(),
    fields: z.array(z.string()),
    rowCount: z.number().int(),
    requestDigest: z.string(),
    responseDigest: z.string().nullable(),
    status: z.number().int(),
    code: z.string().nullable(),
    latencyMs: z.number(),
    leafIndex: z.number().int().describe('Its leaf in the evidence log: GET /api/v1/exchange/calls/{id}/proof'),
  })
  .meta({ id: 'GatewayCall' });

export const CallQuery = z.strictObject({
  role: z.enum(['consumer', 'provider']).optional(),
  grantId: z.uuid().optional(),
  apiId: z.uuid().optional(),
  appId: z.uuid().optional(),
  outcome: z.enum(['ok', 'refused']).optional(),
  code: z.string().max(40).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Keyset: the calls before this one (its id), newest first. */
  before: z.uuid().optional(),
});

export const CallStatsQuery = z.strictObject({
  role: z.enum(['consumer', 'provider']).optional(),
  grantId: z.uuid().optional(),
  apiId: z.uuid().optional(),
  appId: z.uuid().optional(),
  days: z.coerce.number().int().min(1).max(90).default(14),
});

export const CallStats = z
  .object({
    total: z.number().int(),
    refused: z.number().int(),
    rows: z.number().int(),
    days: z.array(z.object({ day: z.string(), calls: z.number().int(), refused: z.number().int() })),
    codes: z.array(z.object({ code: z.string(), calls: z.number().int() })),
    latency: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), p99: z.number().nullable() }),
  })
  .meta({ id: 'CallStats' });

export const ExchangeOverview = z
  .object({
    callsToday: z.number().int(),
    callsTotal: z.number().int(),
    rowsToday: z.number().int(),
    liveGrants: z.number().int(),
    servedApis: z.number().int(),
    byDepartment: z.array(
      z.object({
        departmentId: z.uuid(),
        departmentName: z.string(),
        method: GrantMethod,
        role: z.enum(['provider', 'consumer']),
        calls: z.number().int(),
        rows: z.number().int(),
        grants: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ExchangeOverview' });

export const ApiSamples = z
  .object({
    curl: z.string(),
    typescript: z.string(),
    java: z.string(),
    python: z.string(),
    exampleUrl: z.string().describe('The gateway path with example values of the required parameters'),
  })
  .meta({ id: 'ApiSamples' });
