import {
  ApiAccess,
  ApiField,
  ApiParam,
  GrantMethod,
  JobKind,
  JobMode,
  JobSchedule,
  JobStatus,
  MaskType,
  RowCondition,
  RunStatus,
} from '@shuyuan/contracts';
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
    tableRowsToday: z.number().int().describe('Rows distribution jobs wrote into consumers today'),
    liveGrants: z.number().int(),
    servedApis: z.number().int(),
    byDepartment: z.array(
      z.object({
        departmentId: z.uuid(),
        departmentName: z.string(),
        method: GrantMethod,
        role: z.enum(['provider', 'consumer']),
        calls: z.number().int().describe('Gateway calls (api) or distribution runs (table)'),
        rows: z.number().int(),
        grants: z.number().int(),
      }),
    ),
    returns: z
      .array(
        z.object({
          nodeId: z.uuid(),
          nodeName: z.string(),
          regionCode: z.string(),
          runs: z.number().int(),
          rows: z.number().int(),
          rowsToday: z.number().int(),
        }),
      )
      .describe('Return flow (回流): runs and rows per lower node of the cascade'),
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

/** A column a table job copies, as the source listed it when the job was made. */
export const JobColumnOut = z.object({ name: z.string(), type: z.string(), dataType: z.string() }).meta({ id: 'ExchangeJobColumn' });

/** A column the source lost or changed: what stopped a job. */
export const DriftItemOut = z
  .object({ column: z.string(), change: z.enum(['missing', 'type']), was: z.string(), now: z.string().nullable() })
  .meta({ id: 'ExchangeJobDrift' });

/** One run of a table job: its counters, its phase while it runs, and why it failed. */
export const ExchangeRun = z
  .object({
    id: z.uuid(),
    jobId: z.uuid(),
    trigger: z.enum(['schedule', 'manual']),
    status: RunStatus,
    attempts: z.number().int(),
    phase: z.enum(['schema', 'copy', 'deletes']).nullable(),
    rowsRead: z.number().int(),
    rowsWritten: z.number().int(),
    rowsDeleted: z.number().int(),
    batches: z.number().int(),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    drift: z.array(DriftItemOut).nullable(),
    nextAttemptAt: z.date().nullable().describe('When a failed run is tried again (queued runs only)'),
    createdAt: z.date(),
    startedAt: z.date().nullable(),
    heartbeatAt: z.date().nullable(),
    finishedAt: z.date().nullable(),
    durationMs: z.number().nullable(),
  })
  .meta({ id: 'ExchangeRun' });

/** A table job: aggregation (source → store) or distribution (store → the consumer's database). */
export const ExchangeJob = z
  .object({
    id: z.uuid(),
    kind: JobKind,
    name: z.string(),
    departmentId: z.uuid(),
    departmentName: z.string(),
    entryId: z.uuid(),
    resourceCode: z.string(),
    entryName: z.string(),
    providerDepartmentId: z.uuid(),
    providerDepartmentName: z.string(),
    mountId: z.uuid().nullable(),
    grantId: z.uuid().nullable(),
    sourceId: z.uuid().nullable(),
    sourceName: z.string().nullable(),
    sourceKind: z.string().nullable(),
    nodeId: z.uuid().nullable().describe('Return flow: the lower node of the cascade the rows go to'),
    nodeName: z.string().nullable(),
    regionColumn: z.string().nullable(),
    regionPrefix: z.string().nullable(),
    remoteTable: z.string().describe('Aggregation: the source table; distribution: the table in the consumer database'),
    storeTable: z.string().describe("The store table, `schema.table`, in the platform's database"),
    keyColumn: z.string(),
    columns: z.array(JobColumnOut),
    mode: JobMode,
    watermarkColumn: z.string().nullable(),
    watermark: z.string().nullable(),
    detectDeletes: z.boolean(),
    batchSize: z.number().int(),
    schedule: JobSchedule,
    cron: z.string().nullable(),
    nextRunAt: z.date().nullable(),
    status: JobStatus,
    drift: z.array(DriftItemOut).nullable(),
    lastRun: ExchangeRun.nullable(),
    actions: z
      .array(z.enum(['run', 'edit']))
      .describe("What the caller may do: the owner's departments run and edit, the provider watches"),
    version: z.number().int(),
    createdAt: z.date(),
  })
  .meta({ id: 'ExchangeJob' });

export const JobQuery = z.strictObject({
  kind: JobKind.optional(),
  /** owner: jobs the caller's departments run (aggregations, subscriptions); provider: jobs on their resources. */
  role: z.enum(['owner', 'provider']).optional(),
  entryId: z.uuid().optional(),
  grantId: z.uuid().optional(),
});

export const RunQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const RunParams = z.object({ id: z.uuid(), runId: z.uuid() });
/** How many leaves an evidence list gives at most (a run's batches, a file version's transfers). */
export const EvidenceListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) });
