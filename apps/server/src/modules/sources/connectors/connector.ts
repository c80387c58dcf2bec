import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { NormalizedType, TestStep } from '../sources.schemas';

/** How long a connection attempt may take before the test reports the `connect` step. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** How long one introspection statement (or an HTTP request) may run. */
export const STATEMENT_TIMEOUT_MS = 10_000;
/** The most tables a listing returns; a source with more is better mounted by schema. */
export const MAX_TABLES = 10_000;

/** A table named by an introspection listing; `schema` is optional where the source has one schema. */
export interface TableRef {
  schema?: string | null;
  name: string;
}

export interface TableInfo {
  schema: string | null;
  name: string;
  kind: 'table' | 'view';
  estimatedRows: number | null;
  comment: string | null;
}

export interface ColumnInfo {
  name: string;
  position: number;
  dataType: string;
  normalizedType: NormalizedType;
  length: number | null;
  precision: number | null;
  scale: number | null;
  nullable: boolean;
  primaryKey: boolean;
  comment: string | null;
}

/** What reaches a source: a connection test, its tables, and the columns of one of them. */
export interface Connector {
  /** Connects, checks the rights it needs, and says in one line what it found; throws SourceError. */
  probe(): Promise<string>;
  tables(): Promise<TableInfo[]>;
  /** The columns of a table, or null when the source has no such table. */
  columns(table: TableRef): Promise<ColumnInfo[] | null>;
}

/** A failure to reach or read a source, with the step it failed at and the server's own words. */
export class SourceError extends Error {
  constructor(
    readonly step: TestStep,
    readonly code: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'SourceError';
  }
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/** Classifies a socket-level error (DNS, refused, timeout); null when it is something else. */
export function networkError(error: unknown): SourceError | null {
  const e = error as { code?: unknown; message?: unknown };
  const code = typeof e?.code === 'string' ? e.code : null;
  const message = typeof e?.message === 'string' && e.message ? e.message : String(code);
  if (code && DNS_CODES.has(code)) return new SourceError('dns', code, message);
  if (code && CONNECT_CODES.has(code)) return new SourceError('connect', code, message);
  return null;
}

/** Resolves a host name (the `dns` step); IP literals pass through. */
export async function lookupHost(host: string): Promise<void> {
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare)) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`looking up ${bare} timed out`), { code: 'EAI_AGAIN' })), CONNECT_TIMEOUT_MS);
  });
  try {
    await Promise.race([lookup(bare), timeout]);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'ENOTFOUND';
    throw new SourceError('dns', code, `host ${bare} does not resolve (${code})`);
  } finally {
    clearTimeout(timer);
  }
}

/** Picks the table a reference means among a listing: by schema when given, else the only one of that name. */
export function pickTable(tables: readonly TableInfo[], ref: TableRef): TableInfo | null {
  const named = tables.filter((t) => t.name === ref.name && (ref.schema == null || t.schema === ref.schema));
  return named.length === 1 ? named[0]! : (named.find((t) => t.schema === 'public') ?? null);
}
