import { z } from 'zod';
import { limits } from '@shuyuan/contracts';

/** 数据源类型 data source kind: a database server, an uploaded file or an HTTP JSON endpoint. */
export const SourceKind = z.enum(['postgresql', 'mysql', 'file', 'http_json']).meta({ id: 'SourceKind' });
export type SourceKind = z.infer<typeof SourceKind>;

/** The step of a connection test that failed: name lookup, TCP, login, database or schema, rights, reading. */
export const TestStep = z.enum(['dns', 'connect', 'auth', 'database', 'permission', 'read']).meta({ id: 'SourceTestStep' });
export type TestStep = z.infer<typeof TestStep>;

/** A column type normalised across sources, to compare with a catalog entry's data items. */
export const NormalizedType = z
  .enum(['char', 'int', 'decimal', 'date', 'datetime', 'time', 'bool', 'text', 'other'])
  .meta({ id: 'NormalizedColumnType' });
export type NormalizedType = z.infer<typeof NormalizedType>;

const name = z.string().trim().min(2).max(limits.appNameMax);
const description = z.string().max(limits.descriptionMax);
const identifier = z.string().trim().min(1).max(128);
const secret = z.string().min(1).max(1000);
const headerName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, 'an HTTP header name')
  .refine((n) => !['host', 'content-length', 'connection', 'transfer-encoding'].includes(n.toLowerCase()), 'a header the client sets');

/** Where a database server is and whom to log in as; the password travels beside it, never inside. */
export const DatabaseConnection = z
  .strictObject({
    host: z
      .string()
      .trim()
      .min(1)
      .max(255)
      .regex(/^[A-Za-z0-9._:[\]-]+$/, 'a host name or IP address'),
    port: z.number().int().min(1).max(65535).optional(),
    database: identifier,
    user: identifier,
    /** PostgreSQL only: the schema to introspect; all readable schemas when omitted. */
    schema: identifier.nullable().optional(),
  })
  .meta({ id: 'DatabaseConnection' });

export const HttpJsonConnection = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      // The check runs even when `z.url()` has already failed: an unparsable URL is that error's, not ours.
      .refine((u) => {
        if (!URL.canParse(u)) return true;
        const { username, password } = new URL(u);
        return !username && !password;
      }, 'no credentials in the URL: send them as headers, which are sealed'),
    method: z.literal('GET').optional(),
    /** Dotted path to the array of records, e.g. `data.items`; the top level when omitted. */
    jsonPath: z
      .string()
      .trim()
      .max(200)
      .regex(/^[^\s]+$/, 'a dotted path')
      .nullable()
      .optional(),
  })
  .meta({ id: 'HttpJsonConnection' });

/** A request header; its value is sealed at rest. Omit the value to keep the stored one. */
export const HeaderInput = z.strictObject({ name: headerName, value: secret.optional() }).meta({ id: 'SourceHeaderInput' });
const headers = z.array(HeaderInput).max(20);

const common = { departmentId: z.uuid(), name, description: description.optional() };

export const SourceCreate = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...common, kind: z.literal('postgresql'), connection: DatabaseConnection, password: secret.optional() }),
    z.strictObject({ ...common, kind: z.literal('mysql'), connection: DatabaseConnection, password: secret.optional() }),
    z.strictObject({ ...common, kind: z.literal('http_json'), connection: HttpJsonConnection, headers: headers.optional() }),
    z.strictObject({ ...common, kind: z.literal('file') }),
  ])
  .meta({ id: 'DataSourceCreate' });
export type SourceCreate = z.infer<typeof SourceCreate>;

export const SourceUpdate = z
  .strictObject({
    name: name.optional(),
    description: description.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    /** Replaces the connection settings; they must fit the source's kind. */
    connection: z.union([DatabaseConnection, HttpJsonConnection]).optional(),
    /** A new password; null removes it; omitted keeps it. */
    password: secret.nullable().optional(),
    /** Replaces the headers of an http_json source. */
    headers: headers.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'DataSourceUpdate' });
export type SourceUpdate = z.infer<typeof SourceUpdate>;

/** Settings to test before saving; with `sourceId`, missing credentials come from that source. */
export const SourceTestRequest = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('postgresql'),
      connection: DatabaseConnection,
      password: secret.optional(),
      sourceId: z.uuid().optional(),
    }),
    z.strictObject({
      kind: z.literal('mysql'),
      connection: DatabaseConnection,
      password: secret.optional(),
      sourceId: z.uuid().optional(),
    }),
    z.strictObject({
      kind: z.literal('http_json'),
      connection: HttpJsonConnection,
      headers: headers.optional(),
      sourceId: z.uuid().optional(),
    }),
  ])
  .meta({ id: 'SourceTestRequest' });
export type SourceTestRequest = z.infer<typeof SourceTestRequest>;

export const SourceTestResult = z
  .object({
    status: z.enum(['ok', 'failed']),
    step: TestStep.nullable(),
    /** The driver's or server's error code (28P01, ER_ACCESS_DENIED_ERROR, ECONNREFUSED, HTTP_401 …). */
    code: z.string().nullable(),
    message: z.string(),
    elapsedMs: z.number().int(),
    at: z.date(),
  })
  .meta({ id: 'SourceTestResult' });

const DatabaseConnectionInfo = z.object({
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  schema: z.string().nullable(),
});
const HttpJsonConnectionInfo = z.object({
  url: z.string(),
  method: z.literal('GET'),
  jsonPath: z.string().nullable(),
  headerNames: z.array(z.string()),
});
const FileInfo = z.object({
  fileName: z.string().nullable(),
  fileSize: z.number().int().nullable(),
  sha256: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']).nullable(),
  rowCount: z.number().int().nullable(),
  uploadedAt: z.string().nullable(),
});

const base = {
  id: z.uuid(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(['active', 'disabled']),
  lastTest: SourceTestResult.nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
};

/** A data source as the API shows it: never a password or header value, only whether one is stored. */
export const DataSource = z
  .discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('postgresql'), connection: DatabaseConnectionInfo, hasPassword: z.boolean() }),
    z.object({ ...base, kind: z.literal('mysql'), connection: DatabaseConnectionInfo, hasPassword: z.boolean() }),
    z.object({ ...base, kind: z.literal('http_json'), connection: HttpJsonConnectionInfo }),
    z.object({ ...base, kind: z.literal('file'), connection: FileInfo }),
  ])
  .meta({ id: 'DataSource' });

export const SourceQuery = z.strictObject({
  departmentId: z.uuid().optional(),
  kind: SourceKind.optional(),
  q: z.string().trim().max(64).optional(),
});

export const SourceTable = z
  .object({
    schema: z.string().nullable(),
    name: z.string(),
    kind: z.enum(['table', 'view']),
    estimatedRows: z.number().int().nullable(),
    comment: z.string().nullable(),
  })
  .meta({ id: 'SourceTable' });

export const SourceColumn = z
  .object({
    name: z.string(),
    position: z.number().int(),
    /** The type as the source names it (`varchar(64)`, `timestamp with time zone`, `string`). */
    dataType: z.string(),
    normalizedType: NormalizedType,
    length: z.number().int().nullable(),
    precision: z.number().int().nullable(),
    scale: z.number().int().nullable(),
    nullable: z.boolean(),
    primaryKey: z.boolean(),
    comment: z.string().nullable(),
  })
  .meta({ id: 'SourceColumn' });

export const SourceIdParams = z.strictObject({ id: z.uuid() });
export const TableParams = z.strictObject({ id: z.uuid(), table: z.string().min(1).max(256) });
export const TableQuery = z.strictObject({ schema: z.string().min(1).max(128).optional() });
