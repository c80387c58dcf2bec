import type {
  DatabaseConnection,
  DataSource,
  HttpJsonConnection,
  SourceCreateInput,
  SourceHeaderInput,
  SourceKind,
  SourceTestRequest,
  SourceUpdateInput,
} from '@/features/sources/source-types';

/**
 * Limits of the source form. They mirror the server's `sources.schemas.ts`, which keeps them to
 * itself; name and description limits come from `@shuyuan/contracts` where the server takes them.
 */
export const sourceLimits = {
  hostMax: 255,
  identifierMax: 128,
  secretMax: 1000,
  urlMax: 2000,
  jsonPathMax: 200,
  headerNameMax: 100,
  headersMax: 20,
} as const;

/** A host name or an IP address, as the server accepts it. */
export const hostPattern = /^[A-Za-z0-9._:[\]-]+$/;
/** An HTTP header name (RFC 9110 token). */
export const headerNamePattern = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers the HTTP client sets itself, which a source may not override. */
export const reservedHeaders: readonly string[] = ['host', 'content-length', 'connection', 'transfer-encoding'];

/** One header row of the form: a value left empty keeps the stored one. */
export interface HeaderRow {
  name: string;
  value?: string;
}

/** The fields of the source form, for every kind; only those of the chosen kind are read. */
export interface SourceFormValues {
  departmentId: string;
  name: string;
  description?: string;
  kind: SourceKind;
  status?: 'active' | 'disabled';
  host?: string;
  port?: number | null;
  database?: string;
  user?: string;
  /** A new password; empty keeps the stored one. */
  password?: string;
  /** Removes the stored password. */
  clearPassword?: boolean;
  schema?: string;
  url?: string;
  jsonPath?: string;
  headers?: HeaderRow[];
}

const trimmed = (value: string | undefined | null) => (value ?? '').trim();

/** The form's initial values for an existing source (no secrets: the API never returns them). */
export function formValuesOf(source: DataSource): SourceFormValues {
  const base = {
    departmentId: source.departmentId,
    name: source.name,
    description: source.description,
    kind: source.kind,
    status: source.status,
  };
  switch (source.kind) {
    case 'postgresql':
    case 'mysql': {
      const { host, port, database, user, schema } = source.connection;
      return { ...base, host, port, database, user, schema: schema ?? undefined, clearPassword: false };
    }
    case 'http_json':
      return {
        ...base,
        url: source.connection.url,
        jsonPath: source.connection.jsonPath ?? undefined,
        headers: source.connection.headerNames.map((name) => ({ name })),
      };
    case 'file':
      return base;
  }
}

/** The database connection of the form's values. */
export function databaseConnectionOf(values: SourceFormValues): DatabaseConnection {
  const schema = trimmed(values.schema);
  return {
    host: trimmed(values.host),
    ...(values.port ? { port: values.port } : {}),
    database: trimmed(values.database),
    user: trimmed(values.user),
    ...(values.kind === 'postgresql' ? { schema: schema || null } : {}),
  };
}

/** The HTTP JSON connection of the form's values. */
export function httpConnectionOf(values: SourceFormValues): HttpJsonConnection {
  const jsonPath = trimmed(values.jsonPath);
  return { url: trimmed(values.url), jsonPath: jsonPath || null };
}

/** Header inputs: a row without a value asks the server to keep the stored value. */
export function headerInputsOf(rows: readonly HeaderRow[] | undefined): SourceHeaderInput[] {
  return (rows ?? [])
    .filter((row) => trimmed(row.name))
    .map((row) => (row.value ? { name: trimmed(row.name), value: row.value } : { name: trimmed(row.name) }));
}

/** What `POST /sources` takes. */
export function createInputOf(values: SourceFormValues): SourceCreateInput {
  const common = { departmentId: values.departmentId, name: values.name.trim(), description: values.description ?? '' };
  switch (values.kind) {
    case 'postgresql':
    case 'mysql':
      return {
        ...common,
        kind: values.kind,
        connection: databaseConnectionOf(values),
        ...(values.password ? { password: values.password } : {}),
      };
    case 'http_json':
      return { ...common, kind: 'http_json', connection: httpConnectionOf(values), headers: headerInputsOf(values.headers) };
    case 'file':
      return { ...common, kind: 'file' };
  }
}

/** The fields that changed, for `PATCH /sources/{id}`; empty when nothing did. */
export function updateInputOf(source: DataSource, values: SourceFormValues): Omit<SourceUpdateInput, 'id' | 'version'> {
  const changes: Omit<SourceUpdateInput, 'id' | 'version'> = {};
  const name = values.name.trim();
  if (name !== source.name) changes.name = name;
  if ((values.description ?? '') !== source.description) changes.description = values.description ?? '';
  if (values.status && values.status !== source.status) changes.status = values.status;
  if (source.kind === 'postgresql' || source.kind === 'mysql') {
    const next = databaseConnectionOf({ ...values, kind: source.kind });
    const current = source.connection;
    const port = next.port ?? current.port;
    const moved =
      next.host !== current.host ||
      port !== current.port ||
      next.database !== current.database ||
      next.user !== current.user ||
      (source.kind === 'postgresql' && (next.schema ?? null) !== current.schema);
    if (moved) changes.connection = next;
    if (values.password) changes.password = values.password;
    else if (values.clearPassword && source.hasPassword) changes.password = null;
  } else if (source.kind === 'http_json') {
    const next = httpConnectionOf(values);
    if (next.url !== source.connection.url || next.jsonPath !== source.connection.jsonPath) changes.connection = next;
    const headers = headerInputsOf(values.headers);
    const names = headers.map((h) => h.name);
    const renamed = names.length !== source.connection.headerNames.length || names.some((n, i) => n !== source.connection.headerNames[i]);
    if (renamed || headers.some((h) => h.value !== undefined)) changes.headers = headers;
  }
  return changes;
}

/**
 * The unsaved settings to test, or null for a file source (its file is tested once stored). Editing,
 * `sourceId` lets the server fill in a password or header value left empty; not when the password is
 * being removed, so the test runs without it.
 */
export function testRequestOf(values: SourceFormValues, sourceId?: string): SourceTestRequest | null {
  const stored = sourceId && !values.clearPassword ? { sourceId } : {};
  switch (values.kind) {
    case 'postgresql':
    case 'mysql':
      return {
        kind: values.kind,
        connection: databaseConnectionOf(values),
        ...(values.password ? { password: values.password } : {}),
        ...stored,
      };
    case 'http_json':
      return { kind: 'http_json', connection: httpConnectionOf(values), headers: headerInputsOf(values.headers), ...stored };
    case 'file':
      return null;
  }
}

/** Where a source points, in one line: `host:port/database`, the URL, or the file name. */
export function sourceAddress(source: DataSource): string {
  switch (source.kind) {
    case 'postgresql':
    case 'mysql': {
      const { host, port, database, schema } = source.connection;
      return `${host}:${port}/${database}${schema ? ` · ${schema}` : ''}`;
    }
    case 'http_json':
      return source.connection.url;
    case 'file':
      return source.connection.fileName ?? '—';
  }
}
