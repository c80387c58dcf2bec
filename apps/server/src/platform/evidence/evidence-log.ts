import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';

/** What an evidence entry records: an audited change, a gateway call, a table batch, a file transfer, a return flow. */
export type EvidenceKind = 'audit' | 'api_call' | 'table_batch' | 'file_transfer' | 'return_flow';

/** A JSON value with object keys sorted at every level and no spaces: the bytes an entry is hashed as. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`not a JSON value: ${String(value)}`);
    return text;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}

/**
 * Queues an entry for the evidence log (contracts §4). Pass the transaction of what it records, so
 * that both commit or neither does; the sequencer then gives it its place in the Merkle tree.
 */
export async function enqueueEvidence(db: Transaction<DB> | Kysely<DB>, kind: EvidenceKind, entry: Record<string, unknown>): Promise<void> {
  await db
    .insertInto('evidence_queue')
    .values({ kind, entry: canonicalJson({ kind, ...entry }) })
    .execute();
}
