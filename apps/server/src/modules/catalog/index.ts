/** The catalog module's door: what other modules and the app may use. */
export { catalogRoutes } from './catalog.routes';
export { catalogAccess, newResourceCode } from './entries.service';
export type { ColumnReader } from './mounts.service';
export type { MountColumn } from './mount-diff';
export { derivedColumns } from './entries.repository';
export { searchEntries } from './search.service';
export { cascadeRoutes } from './cascade.routes';
export { CascadePusher } from './cascade.outbox';
export * as cascade from './cascade.service';
export { NodeCreate } from './catalog.schemas';
