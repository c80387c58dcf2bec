/** The sources module's door: what other modules and the app may use. */
export { sourcesRoutes } from './sources.routes';
export { SourcesService, openSource, sourceColumnReader } from './sources.service';
export { connectorFor, type ResolvedSource } from './connectors/connector-for';
export { introspectColumns } from './sources.introspection';
export { sourceFilesConfig, type SourceFilesConfig } from './source-files';
export { sourcesDemo } from './sources.demo';
export type { ColumnInfo, TableInfo, TableRef } from './connectors/connector';
export type { NormalizedType, SourceKind } from './sources.schemas';
