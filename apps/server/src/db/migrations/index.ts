import type { Migration } from 'kysely/migration';
import * as createIdentity from './20261123120000_create_identity';
import * as createSources from './20261125090000_create_sources';
import * as createCatalog from './20261125100000_create_catalog';
import * as createCatalogImport from './20261125110000_create_catalog_import';
import * as createCatalogMount from './20261125120000_create_catalog_mount';
import * as createCascade from './20261125130000_create_cascade';
import * as catalogUpdateRequests from './20261125140000_catalog_update_requests';
import * as createEvidence from './20261125150000_create_evidence';
import * as createExchange from './20261126090000_create_exchange';
import * as createExchangeJobs from './20261126120000_create_exchange_jobs';
import * as createExchangeFiles from './20261126130000_create_exchange_files';
import * as exchangeReturnFlow from './20261126140000_exchange_return_flow';
import * as gatewayConfigVersion from './20261126160000_gateway_config_version';
import * as exchangeFileUploadAbandoned from './20261127090000_exchange_file_upload_abandoned';
import * as exchangeFileUploadExpired from './20261128090000_exchange_file_upload_expired';
import * as evidenceLeafRunIndex from './20261128100000_evidence_leaf_run_index';
import * as evidenceLeafFileIndex from './20261128110000_evidence_leaf_file_index';

/**
 * Every migration, in order. Forward-only: a landed migration is never edited; a change is a new
 * file with a later timestamp, added here.
 */
export const migrations: Record<string, Migration> = {
  '20261123120000_create_identity': createIdentity,
  '20261125090000_create_sources': createSources,
  '20261125100000_create_catalog': createCatalog,
  '20261125110000_create_catalog_import': createCatalogImport,
  '20261125120000_create_catalog_mount': createCatalogMount,
  '20261125130000_create_cascade': createCascade,
  '20261125140000_catalog_update_requests': catalogUpdateRequests,
  '20261125150000_create_evidence': createEvidence,
  '20261126090000_create_exchange': createExchange,
  '20261126120000_create_exchange_jobs': createExchangeJobs,
  '20261126130000_create_exchange_files': createExchangeFiles,
  '20261126140000_exchange_return_flow': exchangeReturnFlow,
  '20261126160000_gateway_config_version': gatewayConfigVersion,
  '20261127090000_exchange_file_upload_abandoned': exchangeFileUploadAbandoned,
  '20261128090000_exchange_file_upload_expired': exchangeFileUploadExpired,
  '20261128100000_evidence_leaf_run_index': evidenceLeafRunIndex,
  '20261128110000_evidence_leaf_file_index': evidenceLeafFileIndex,
};
