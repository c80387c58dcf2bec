import type { DatabaseSettings, FileSettings, HttpJsonSettings } from '../sources.settings';
import type { Connector } from './connector';
import { fileConnector } from './file.connector';
import { httpJsonConnector } from './http-json.connector';
import { mysqlConnector } from './mysql.connector';
import { postgresConnector } from './postgres.connector';

/** A source with its credentials opened and its file located: what a connector needs. */
export type ResolvedSource =
  | { kind: 'postgresql' | 'mysql'; settings: DatabaseSettings; password: string | null }
  | { kind: 'http_json'; settings: HttpJsonSettings; headers: Record<string, string> }
  | { kind: 'file'; settings: FileSettings | null; path: string | null };

/** The connector of a source's kind. */
export function connectorFor(source: ResolvedSource): Connector {
  switch (source.kind) {
    case 'postgresql':
      return postgresConnector(source.settings, source.password);
    case 'mysql':
      return mysqlConnector(source.settings, source.password);
    case 'http_json':
      return httpJsonConnector(source.settings, source.headers);
    case 'file':
      return fileConnector(source.settings, source.path);
  }
}
