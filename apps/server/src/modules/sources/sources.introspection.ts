import { ErrorCode } from '@shuyuan/contracts';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import type { SealedBox } from '../../platform/crypto/provider';
import { AppError, notFound } from '../../platform/errors';
import { SourceError, type ColumnInfo, type Connector, type TableRef } from './connectors/connector';
import { connectorFor } from './connectors/connector-for';
import { sourceFilesConfig, type SourceFilesConfig } from './source-files';
import { resolveRow } from './sources.mapping';
import { sourcesRepository as repo } from './sources.repository';

/** How much of a server's message a test result or an error keeps. */
const MESSAGE_MAX = 1_000;

/** A connector failure as an API error: 502 with the step, the server's code and its message. */
export function unreachable(error: unknown): never {
  if (error instanceof SourceError)
    throw new AppError(502, ErrorCode.Unavailable, { step: error.step, code: error.code, message: error.message.slice(0, MESSAGE_MAX) });
  throw error;
}

/** Runs a connector's probe and times it; a SourceError is a failed test, not an error. */
export async function runTest(connector: Connector) {
  const at = new Date();
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const message = await connector.probe();
    return { status: 'ok' as const, step: null, code: null, message, elapsedMs: elapsed(), at };
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    return {
      status: 'failed' as const,
      step: error.step,
      code: error.code,
      message: error.message.slice(0, MESSAGE_MAX),
      elapsedMs: elapsed(),
      at,
    };
  }
}

/**
 * The columns of a source's table, for the catalog's mount wizard to compare with an entry's data
 * items. No scope check: the caller has already decided the source may be used. 404 for a missing
 * source or table, 502 when the source cannot be reached.
 */
export async function introspectColumns(
  db: Kysely<DB>,
  box: SealedBox,
  sourceId: string,
  table: string | TableRef,
  files: SourceFilesConfig = sourceFilesConfig(),
): Promise<ColumnInfo[]> {
  const row = await repo.findById(db, sourceId);
  if (!row) throw notFound('data_source');
  const ref = typeof table === 'string' ? { name: table } : table;
  const columns = await connectorFor(resolveRow(row, box, files))
    .columns(ref)
    .catch(unreachable);
  if (!columns) throw notFound('table');
  return columns;
}
