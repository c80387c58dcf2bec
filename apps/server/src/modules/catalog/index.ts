/** The catalog module's door: what other modules and the app may use. */
export { catalogRoutes } from './catalog.routes';
export { catalogAccess, newResourceCode } from './entries.service';
export { derivedColumns } from './entries.repository';
export { searchEntries } from './search.service';
