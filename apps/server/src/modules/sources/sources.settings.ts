import { z } from 'zod';
import type { SealedBox } from '../../platform/crypto/provider';
import type { SourceKind } from './sources.schemas';

/** Connection settings of a database source as stored (port filled in, schema explicit). */
export const DatabaseSettings = z.object({
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  schema: z.string().nullable(),
});
export type DatabaseSettings = z.infer<typeof DatabaseSettings>;

/** Settings of an http_json source; header values live in the sealed credentials. */
export const HttpJsonSettings = z.object({
  url: z.string(),
  method: z.literal('GET'),
  jsonPath: z.string().nullable(),
  headerNames: z.array(z.string()),
});
export type HttpJsonSettings = z.infer<typeof HttpJsonSettings>;

/** What is known of an uploaded file; `storedName` is relative to the sources' file directory. */
export const FileSettings = z.object({
  fileName: z.string(),
  fileSize: z.number().int(),
  sha256: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'gb18030']).nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  rowCount: z.number().int(),
  storedName: z.string(),
  uploadedAt: z.string(),
});
export type FileSettings = z.infer<typeof FileSettings>;

/** The settings of each kind; a file source has none until its file is uploaded. */
export type SettingsOf = {
  postgresql: DatabaseSettings;
  mysql: DatabaseSettings;
  http_json: HttpJsonSettings;
  file: FileSettings | null;
};

/** Parses the stored settings of a kind; throws when a row was written with another shape. */
export function parseSettings<K extends SourceKind>(kind: K, json: Record<string, unknown>): SettingsOf[K] {
  switch (kind) {
    case 'postgresql':
    case 'mysql':
      return DatabaseSettings.parse(json) as SettingsOf[K];
    case 'http_json':
      return HttpJsonSettings.parse(json) as SettingsOf[K];
    default:
      return (Object.keys(json).length ? FileSettings.parse(json) : null) as SettingsOf[K];
  }
}

export const DEFAULT_PORTS = { postgresql: 5432, mysql: 3306 } as const;

/** Secrets of a source: a database password, or the values of HTTP headers by name. */
export interface Credentials {
  password?: string;
  headers?: Record<string, string>;
}

/** Seals credentials as one SM4 box, or null when there are none. */
export function sealCredentials(box: SealedBox, credentials: Credentials): string | null {
  const hasHeaders = credentials.headers && Object.keys(credentials.headers).length > 0;
  if (credentials.password === undefined && !hasHeaders) return null;
  return box.seal(JSON.stringify(credentials));
}

/** Opens sealed credentials (an empty set when none are stored). */
export function openCredentials(box: SealedBox, sealed: string | null): Credentials {
  return sealed ? (JSON.parse(box.open(sealed)) as Credentials) : {};
}

/** Merges header inputs with stored values: an input without a value keeps the stored one. */
export function mergeHeaders(
  inputs: readonly { name: string; value?: string | undefined }[],
  stored: Record<string, string> = {},
): { headers: Record<string, string>; missing: string[] } {
  const headers: Record<string, string> = {};
  const missing: string[] = [];
  for (const { name, value } of inputs) {
    const kept = Object.entries(stored).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    if (value !== undefined) headers[name] = value;
    else if (kept !== undefined) headers[name] = kept;
    else missing.push(name);
  }
  return { headers, missing };
}

/** Connection settings and password from a URL such as postgres://user:pw@host:port/db. */
export function settingsFromUrl(url: string, defaultPort: number): { settings: DatabaseSettings; password: string | null } {
  const u = new URL(url);
  return {
    settings: {
      host: u.hostname,
      port: Number(u.port || defaultPort),
      database: decodeURIComponent(u.pathname.slice(1)) || 'test',
      user: decodeURIComponent(u.username) || 'root',
      schema: null,
    },
    password: u.password ? decodeURIComponent(u.password) : null,
  };
}
