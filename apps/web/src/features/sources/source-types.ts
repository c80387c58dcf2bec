import type { components } from '@/api/schema.gen';

/** The API's named schemas, generated from the server's OpenAPI document (timestamps are ISO strings). */
type Schemas = components['schemas'];

/** A registered data source (数据源) as the API shows it: never a password or header value. */
export type DataSource = Schemas['DataSource'];

/** 数据源类型: a PostgreSQL or MySQL/MariaDB server, an uploaded CSV/XLSX file, an HTTP JSON endpoint. */
export type SourceKind = Schemas['SourceKind'];

/** What is sent to register a source; a file source gets its file by a separate upload. */
export type SourceCreateInput = Schemas['DataSourceCreate'];

/** Changed fields of a source and the version they were read at. */
export type SourceUpdateInput = Schemas['DataSourceUpdate'] & { id: string };

/** Unsaved settings to test; with `sourceId`, missing credentials come from that source. */
export type SourceTestRequest = Schemas['SourceTestRequest'];

/** The outcome of a connection test, with the step that failed. */
export type SourceTestResult = Schemas['SourceTestResult'];

/** The step of a connection test that failed: dns, connect, auth, database, permission or read. */
export type SourceTestStep = Schemas['SourceTestStep'];

/** A table, view, API or file a source lists. */
export type SourceTable = Schemas['SourceTable'];

/** A column of a source's table, with its type normalised for comparison with data items. */
export type SourceColumn = Schemas['SourceColumn'];

/** Connection settings of a database source. */
export type DatabaseConnection = Schemas['DatabaseConnection'];

/** Connection settings of an HTTP JSON source. */
export type HttpJsonConnection = Schemas['HttpJsonConnection'];

/** A request header of an HTTP JSON source; no value keeps the stored one. */
export type SourceHeaderInput = Schemas['SourceHeaderInput'];

/** Every source kind, in the order forms and filters offer them. */
export const sourceKinds: readonly SourceKind[] = ['postgresql', 'mysql', 'http_json', 'file'];

/** True for the kinds that live on a database server. */
export function isDatabaseKind(kind: SourceKind): kind is 'postgresql' | 'mysql' {
  return kind === 'postgresql' || kind === 'mysql';
}
