import { z } from 'zod';

/**
 * 归集 copies a department's source table into the platform's store; 分发 pushes a grant's masked fields into the
 * consumer's database; 回流 pushes a resource's rows for a region to a lower node of the cascade.
 */
export const JobKind = z.enum(['aggregate', 'distribute', 'return']);
export type JobKind = z.infer<typeof JobKind>;

/** Full: every row each run (deletes found by key checksums). Incremental: rows past the watermark. */
export const JobMode = z.enum(['full', 'incremental']);
export type JobMode = z.infer<typeof JobMode>;

/** When a job runs: by hand only, on the entry's update cycle (更新周期), or on a cron (Asia/Shanghai). */
export const JobSchedule = z.enum(['manual', 'cycle', 'cron']);
export type JobSchedule = z.infer<typeof JobSchedule>;

export const JobStatus = z.enum(['active', 'paused', 'drift']);
export type JobStatus = z.infer<typeof JobStatus>;

export const RunStatus = z.enum(['queued', 'running', 'done', 'failed', 'drift']);
export type RunStatus = z.infer<typeof RunStatus>;

/** A table or column name as PostgreSQL and MySQL both take it unquoted; `schema.table` for a PostgreSQL target. */
const tableName = z
  .string()
  .trim()
  .regex(/^([a-z_][a-z0-9_]{0,62}\.)?[a-z_][a-z0-9_]{0,62}$/, 'lower-case letters, digits and underscores (schema.table allowed)');
const columnName = z.string().trim().min(1).max(128);

/** Rows a table job moves per batch (one transaction, one evidence leaf): by default, and its bounds. */
export const JOB_BATCH = { default: 20_000, min: 100, max: 50_000 } as const;

const scheduling = {
  name: z.string().trim().min(2).max(100).optional(),
  mode: JobMode.default('full'),
  schedule: JobSchedule.default('manual'),
  /** Five fields, minute first, Asia/Shanghai; required when schedule is cron. */
  cron: z.string().trim().max(100).nullable().default(null),
  /** Find and remove rows the source no longer has (key checksums, segment by segment). */
  detectDeletes: z.boolean().default(true),
  batchSize: z.number().int().min(JOB_BATCH.min).max(JOB_BATCH.max).default(JOB_BATCH.default),
};

export const AggregateJobCreate = z.strictObject({
  kind: z.literal('aggregate'),
  /** A mounted table (catalog mount) of the department's entry: the source table to copy. */
  mountId: z.uuid(),
  /** The source's primary key column: rows are upserted and deletes found by it. */
  keyColumn: columnName,
  /** The columns to copy; all of the source table's when left out. */
  columns: z.array(columnName).min(1).max(500).optional(),
  /** Required for incremental mode: an update time or an increasing key. */
  watermarkColumn: columnName.nullable().default(null),
  /** The store table (in the department's own schema); the source table's name when left out. */
  targetTable: tableName.optional(),
  ...scheduling,
});

export const DistributeJobCreate = z.strictObject({
  kind: z.literal('distribute'),
  /** A live table grant (库表) of the consumer's department. */
  grantId: z.uuid(),
  /** A PostgreSQL or MySQL/MariaDB source registered by the consumer's department: where the rows go. */
  targetSourceId: z.uuid(),
  /** The table in the consumer's database; created when missing. */
  targetTable: tableName,
  ...scheduling,
});

export const ReturnJobCreate = z.strictObject({
  kind: z.literal('return'),
  /** A resource aggregated into the store. */
  entryId: z.uuid(),
  /** A lower node of the cascade (级联, role lower). */
  nodeId: z.uuid(),
  /** The column that places a row in a region: a division code (行政区划代码) or an ID number (身份证号). */
  regionColumn: columnName,
  /** The rows whose region column starts with this; the node's region code without its trailing zero pairs when left out. */
  regionPrefix: z
    .string()
    .regex(/^\d{2,12}$/, 'digits of a division code')
    .optional(),
  name: scheduling.name,
  schedule: scheduling.schedule,
  cron: scheduling.cron,
  batchSize: scheduling.batchSize,
});

export const JobCreate = z
  .discriminatedUnion('kind', [AggregateJobCreate, DistributeJobCreate, ReturnJobCreate])
  .meta({ id: 'ExchangeJobCreate' });
export type JobCreate = z.infer<typeof JobCreate>;

export const JobUpdate = z
  .strictObject({
    version: z.number().int().min(1),
    name: z.string().trim().min(2).max(100).optional(),
    schedule: JobSchedule.optional(),
    cron: z.string().trim().max(100).nullable().optional(),
    detectDeletes: z.boolean().optional(),
    batchSize: z.number().int().min(100).max(50_000).optional(),
    /** Pause or resume; a job stopped by schema drift resumes only with acceptDrift. */
    status: z.enum(['active', 'paused']).optional(),
    /** Takes the source's current columns as the new baseline: dropped columns are no longer copied. */
    acceptDrift: z.boolean().optional(),
  })
  .meta({ id: 'ExchangeJobUpdate' });
export type JobUpdate = z.infer<typeof JobUpdate>;

/** File exchange (文件): the chunk size the server asks for unless the client names another, and its bounds. */
export const FILE_CHUNK = { default: 8 * 1024 * 1024, min: 256 * 1024, max: 16 * 1024 * 1024 } as const;
/** The largest file one upload may carry. */
export const FILE_MAX_BYTES = 64 * 1024 ** 3;

export const FileUploadCreate = z
  .strictObject({
    /** A published entry of the department shared by file (文件). */
    entryId: z.uuid(),
    fileName: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .refine(
        (n) => ![...n].some((c) => c === '/' || c === '\\' || c.charCodeAt(0) < 32),
        'a file name, without a path or control characters',
      ),
    mediaType: z.string().trim().max(100).default('application/octet-stream'),
    size: z.number().int().min(1).max(FILE_MAX_BYTES),
    /** SM3 of the whole file, lower-case hex; the upload is refused at the end if the bytes differ. */
    sm3: z.string().regex(/^[0-9a-f]{64}$/, 'SM3 in lower-case hex (64 characters)'),
    chunkSize: z.number().int().min(FILE_CHUNK.min).max(FILE_CHUNK.max).default(FILE_CHUNK.default),
    note: z.string().trim().max(500).default(''),
  })
  .meta({ id: 'FileUploadCreate' });
export type FileUploadCreate = z.infer<typeof FileUploadCreate>;

export const FileLinkCreate = z
  .strictObject({
    /** Minutes until the link stops working: 5 minutes to 7 days. */
    expiresInMinutes: z
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(24 * 60),
    maxDownloads: z.number().int().min(1).max(1000).nullable().default(null),
  })
  .meta({ id: 'FileLinkCreate' });
export type FileLinkCreate = z.infer<typeof FileLinkCreate>;
