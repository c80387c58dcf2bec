import { ErrorCode } from '@shuyuan/contracts';
import type { SealedBox } from '../../platform/crypto/provider';
import { badRequest } from '../../platform/errors';
import type { ResolvedSource } from './connectors/connector-for';
import { storedPath, type SourceFilesConfig } from './source-files';
import type { SourceRow } from './sources.repository';
import type { SourceCreate, SourceTestRequest, SourceUpdate } from './sources.schemas';
import {
  DEFAULT_PORTS,
  mergeHeaders,
  openCredentials,
  parseSettings,
  type Credentials,
  type DatabaseSettings,
  type HttpJsonSettings,
} from './sources.settings';

/** The API shape of a source row: settings by kind, and whether secrets are stored, never the secrets. */
export function toSource(row: SourceRow) {
  const base = {
    id: row.id,
    departmentId: row.department_id,
    departmentName: row.department_name,
    name: row.name,
    description: row.description,
    status: row.status,
    lastTest:
      row.test_status && row.tested_at
        ? {
            status: row.test_status,
            step: row.test_step,
            code: row.test_code,
            message: row.test_message ?? '',
            elapsedMs: row.test_elapsed_ms ?? 0,
            at: row.tested_at,
          }
        : null,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  switch (row.kind) {
    case 'postgresql':
    case 'mysql':
      return { ...base, kind: row.kind, connection: parseSettings(row.kind, row.settings), hasPassword: row.credentials_sealed !== null };
    case 'http_json':
      return { ...base, kind: row.kind, connection: parseSettings('http_json', row.settings) };
    case 'file': {
      const file = parseSettings('file', row.settings);
      return {
        ...base,
        kind: row.kind,
        connection: {
          fileName: file?.fileName ?? null,
          fileSize: file?.fileSize ?? null,
          sha256: file?.sha256 ?? null,
          format: file?.format ?? null,
          rowCount: file?.rowCount ?? null,
          uploadedAt: file?.uploadedAt ?? null,
        },
      };
    }
  }
}

type DatabaseInput = Extract<SourceCreate, { kind: 'postgresql' }>['connection'];
type HttpInput = Extract<SourceCreate, { kind: 'http_json' }>['connection'];
type HeaderInputs = Extract<SourceCreate, { kind: 'http_json' }>['headers'];

/** Database settings from input: the default port of the kind; a schema only for PostgreSQL. */
export function databaseSettings(kind: 'postgresql' | 'mysql', input: DatabaseInput): DatabaseSettings {
  if (kind === 'mysql' && input.schema)
    throw badRequest(ErrorCode.ValidationFailed, {
      field: 'connection.schema',
      reason: 'a MySQL source reads its database; it has no schema',
    });
  return {
    host: input.host,
    port: input.port ?? DEFAULT_PORTS[kind],
    database: input.database,
    user: input.user,
    schema: input.schema ?? null,
  };
}

function httpSettings(input: HttpInput, headerNames: string[]): HttpJsonSettings {
  return { url: input.url, method: 'GET', jsonPath: input.jsonPath || null, headerNames };
}

/** Header values merged with stored ones; a header without a value and nothing stored is refused. */
function headersOf(inputs: NonNullable<HeaderInputs>, stored: Record<string, string> | undefined): Record<string, string> {
  const { headers, missing } = mergeHeaders(inputs, stored);
  if (missing.length) throw badRequest(ErrorCode.ValidationFailed, { field: 'headers', reason: `no value for ${missing.join(', ')}` });
  return headers;
}

/** Settings and credentials of a new source. */
export function fromCreate(input: SourceCreate): { settings: Record<string, unknown>; credentials: Credentials } {
  switch (input.kind) {
    case 'postgresql':
    case 'mysql':
      return {
        settings: databaseSettings(input.kind, input.connection),
        credentials: input.password === undefined ? {} : { password: input.password },
      };
    case 'http_json': {
      const headers = headersOf(input.headers ?? [], undefined);
      return { settings: httpSettings(input.connection, Object.keys(headers)), credentials: { headers } };
    }
    case 'file':
      return { settings: {}, credentials: {} };
  }
}

/** New settings and credentials of an existing source, or null when the update leaves both alone. */
export function fromUpdate(
  row: SourceRow,
  input: SourceUpdate,
  box: SealedBox,
): { settings: Record<string, unknown>; credentials: Credentials } | null {
  if (input.connection === undefined && input.password === undefined && input.headers === undefined) return null;
  const refuse = (field: string) => badRequest(ErrorCode.ValidationFailed, { field, reason: `does not apply to a ${row.kind} source` });
  const credentials = openCredentials(box, row.credentials_sealed);
  switch (row.kind) {
    case 'postgresql':
    case 'mysql': {
      if (input.headers !== undefined) throw refuse('headers');
      if (input.connection && !('host' in input.connection)) throw refuse('connection');
      const settings = input.connection ? databaseSettings(row.kind, input.connection) : parseSettings(row.kind, row.settings);
      if (input.password === null) delete credentials.password;
      else if (input.password !== undefined) credentials.password = input.password;
      return { settings, credentials };
    }
    case 'http_json': {
      if (input.password !== undefined) throw refuse('password');
      if (input.connection && !('url' in input.connection)) throw refuse('connection');
      const current = parseSettings('http_json', row.settings);
      const headers = input.headers ? headersOf(input.headers, credentials.headers) : (credentials.headers ?? {});
      const settings = input.connection
        ? httpSettings(input.connection, Object.keys(headers))
        : { ...current, headerNames: Object.keys(headers) };
      return { settings, credentials: { headers } };
    }
    case 'file':
      throw refuse(input.connection !== undefined ? 'connection' : input.password !== undefined ? 'password' : 'headers');
  }
}

/** A stored source with its credentials opened and its file located. */
export function resolveRow(row: SourceRow, box: SealedBox, files: SourceFilesConfig): ResolvedSource {
  const credentials = openCredentials(box, row.credentials_sealed);
  switch (row.kind) {
    case 'postgresql':
    case 'mysql':
      return { kind: row.kind, settings: parseSettings(row.kind, row.settings), password: credentials.password ?? null };
    case 'http_json':
      return { kind: 'http_json', settings: parseSettings('http_json', row.settings), headers: credentials.headers ?? {} };
    case 'file': {
      const settings = parseSettings('file', row.settings);
      return { kind: 'file', settings, path: settings ? storedPath(files, settings.storedName) : null };
    }
  }
}

/** Unsaved settings to test; credentials the body omits come from `stored` (the source named by sourceId). */
export function resolveTestRequest(input: SourceTestRequest, stored: Credentials): ResolvedSource {
  switch (input.kind) {
    case 'postgresql':
    case 'mysql':
      return {
        kind: input.kind,
        settings: databaseSettings(input.kind, input.connection),
        password: input.password ?? stored.password ?? null,
      };
    case 'http_json': {
      const headers = input.headers ? headersOf(input.headers, stored.headers) : (stored.headers ?? {});
      return { kind: 'http_json', settings: httpSettings(input.connection, Object.keys(headers)), headers };
    }
  }
}
