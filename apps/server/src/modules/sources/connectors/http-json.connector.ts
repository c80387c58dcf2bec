import type { HttpJsonSettings } from '../sources.settings';
import { STATEMENT_TIMEOUT_MS, SourceError, lookupHost, networkError, type ColumnInfo, type Connector, type TableRef } from './connector';
import { ColumnProfile, SAMPLE_ROWS } from './type-inference';

/** The largest response read for a sample. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Reads a body up to a limit, cancelling the stream past it. */
async function readCapped(response: Response): Promise<Buffer> {
  const reader = response.body?.getReader();
  if (!reader) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => {});
      throw new SourceError('read', 'TOO_LARGE', `the response is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Splits `$.data.items[0]` or `data.items.0` into keys. */
function pathKeys(path: string): string[] {
  return path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) ?? [];
}

/** The records at the configured path: an array's objects, or one object. */
export function recordsAt(body: unknown, jsonPath: string | null): Record<string, unknown>[] {
  let value = body;
  for (const key of jsonPath ? pathKeys(jsonPath) : []) {
    if (value === null || typeof value !== 'object')
      throw new SourceError('read', 'PATH_NOT_FOUND', `nothing at ${jsonPath} in the response`);
    value = (value as Record<string, unknown>)[key];
  }
  const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(value)) return value.filter(isRecord);
  if (isRecord(value)) return [value];
  throw new SourceError('read', 'PATH_NOT_FOUND', `no array or object at ${jsonPath ?? 'the top level'} of the response`);
}

/** Fields of the first records, in the order they first appear, with inferred types. */
export function inferFields(records: readonly Record<string, unknown>[]): ColumnInfo[] {
  const sample = records.slice(0, SAMPLE_ROWS);
  const names: string[] = [];
  for (const record of sample) for (const key of Object.keys(record)) if (!names.includes(key)) names.push(key);
  return names.map((name, i) => {
    const profile = new ColumnProfile(name, true);
    for (const record of sample) profile.add(record[name]);
    return profile.toColumn(i + 1);
  });
}

/** Fetches the endpoint once and returns its records; each failure names its step. */
async function fetchRecords(settings: HttpJsonSettings, headers: Record<string, string>) {
  const url = new URL(settings.url);
  await lookupHost(url.hostname);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'GET',
      headers: { accept: 'application/json', ...headers },
      // A redirect is reported, not followed: the registered URL is the one that is called.
      redirect: 'manual',
      signal: AbortSignal.timeout(STATEMENT_TIMEOUT_MS),
    });
  } catch (error) {
    const e = error as { name?: string; cause?: unknown; message?: string };
    if (e.name === 'TimeoutError') throw new SourceError('connect', 'ETIMEDOUT', `no answer within ${STATEMENT_TIMEOUT_MS / 1000} s`);
    throw networkError(e.cause) ?? new SourceError('connect', null, String((e.cause as Error | undefined)?.message ?? e.message));
  }
  const code = `HTTP_${response.status}`;
  const status = `HTTP ${response.status} ${response.statusText}`.trim();
  if (response.status === 401) throw new SourceError('auth', code, status);
  if (response.status === 403) throw new SourceError('permission', code, status);
  if (response.status >= 300 && response.status < 400)
    throw new SourceError('read', code, `${status}: the endpoint redirects to ${response.headers.get('location') ?? '?'}`);
  if (!response.ok) throw new SourceError('read', code, status);
  const body = await readCapped(response).catch((error: unknown) => {
    throw error instanceof SourceError ? error : new SourceError('read', null, (error as Error).message);
  });
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new SourceError('read', 'INVALID_JSON', `${status}, but the body is not JSON`);
  }
  return { status, records: recordsAt(json, settings.jsonPath) };
}

/** The one table of an endpoint: named by its JSON path, or `response`. */
export function httpTableName(settings: HttpJsonSettings): string {
  return settings.jsonPath ?? 'response';
}

/** An HTTP JSON endpoint: GET with the configured headers; its records form one table. */
export function httpJsonConnector(settings: HttpJsonSettings, headers: Record<string, string>): Connector {
  return {
    async probe() {
      const { status, records } = await fetchRecords(settings, headers);
      return `${status}: ${records.length} records, ${inferFields(records).length} fields`;
    },
    async tables() {
      const { records } = await fetchRecords(settings, headers);
      return [{ schema: null, name: httpTableName(settings), kind: 'table' as const, estimatedRows: records.length, comment: null }];
    },
    async columns(ref: TableRef) {
      if (ref.schema || ref.name !== httpTableName(settings)) return null;
      return inferFields((await fetchRecords(settings, headers)).records);
    },
  };
}
