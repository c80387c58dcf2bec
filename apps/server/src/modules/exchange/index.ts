/** The exchange module's door: gateway APIs, grants, the signed gateway and its call log. */
export { exchangeRoutes } from './exchange.routes';
export { gatewayRoutes } from './gateway.routes';
export { Gateway } from './gateway.service';
export { CallLog, type CallRecord } from './call-log';
export { ApisService } from './apis.service';
export { GrantsService } from './grants.service';
export { CallsService } from './calls.service';
export { JobsService } from './jobs.service';
export { JobWorker, type JobWorkerOptions } from './jobs.worker';
export { gatewayPseudonymKey } from './gateway.service';
export { FilesService } from './files.service';
export { FileStore } from './files.store';
export { filesRoutes } from './files.routes';
export { returnsRoutes } from './returns.routes';
export { tableRunDeps } from './jobs.deps';
