import type { MessageKey } from '@/i18n/messages';

/** The table jobs' reasons (jobs.service.ts) → their texts; exchange-form-errors.tsx reads them with the other exchange reasons. */
export const jobReasonKeys: Record<string, MessageKey> = {
  'table jobs read PostgreSQL and MySQL/MariaDB sources only': 'exchangeJobs.reason.sourceKind',
  'a cron expression is required for a cron schedule': 'exchangeJobs.reason.cronRequired',
  'five fields: minute hour day-of-month month day-of-week': 'exchangeJobs.reason.cronFields',
  'only an approved table mount can be aggregated': 'exchangeJobs.reason.mountNotApproved',
  'a column is listed twice': 'exchangeJobs.reason.columnTwice',
  'the key must be one of the copied columns': 'exchangeJobs.reason.keyNotCopied',
  "the key must be the source table's single-column primary key": 'exchangeJobs.reason.keyNotPrimary',
  'the key must be an integer or a text column': 'exchangeJobs.reason.keyType',
  'incremental mode needs a copied update-time or increasing-key column': 'exchangeJobs.reason.watermarkRequired',
  'the watermark must be a date, time or integer column': 'exchangeJobs.reason.watermarkType',
  'only incremental mode uses a watermark': 'exchangeJobs.reason.watermarkFullMode',
  'only a table grant (库表) is distributed': 'exchangeJobs.reason.tableGrantOnly',
  'the grant is not in force': 'exchangeJobs.reason.grantNotInForce',
  'the entry is not published': 'exchangeJobs.reason.entryNotPublished',
  "not a data source of the grant's consumer department": 'exchangeJobs.reason.targetNotOfConsumer',
  'a PostgreSQL or MySQL/MariaDB database': 'exchangeJobs.reason.targetKind',
  'a MySQL table is named without a schema': 'exchangeJobs.reason.mysqlSchema',
  'the provider has not aggregated this resource into the store yet': 'exchangeJobs.reason.notAggregated',
  'the key is masked by the grant; rows could not be matched': 'exchangeJobs.reason.keyMasked',
  'the job stopped on a schema change; accept the new columns to resume': 'exchangeJobs.reason.drifted',
  'the job stopped on a schema change': 'exchangeJobs.reason.drifted',
  'a column changed its type: the store table cannot take it; make a new job': 'exchangeJobs.reason.driftType',
  'the key or the watermark column is gone; make a new job': 'exchangeJobs.reason.driftKey',
  'a run of this job is queued or running already': 'exchangeJobs.reason.runLive',
  'only an aggregation has a source schema': 'exchangeJobs.reason.aggregationOnly',
  'no such node of the cascade': 'exchangeReturns.reason.noNode',
  'rows return to a lower node (下级节点)': 'exchangeReturns.reason.lowerNodeOnly',
  'the resource has not been aggregated into the store yet': 'exchangeReturns.reason.notAggregated',
  'a text column: a division code or an ID number': 'exchangeReturns.reason.regionColumnType',
  'digits of a division code': 'exchangeReturns.reason.prefixDigits',
};

/** The table jobs' reasons that end with what they are about (`the source has no column x`). */
export const jobReasonPrefixes: [string, MessageKey][] = [
  ['the source has no table ', 'exchangeJobs.reason.noSourceTable'],
  ['the source table has no column ', 'exchangeJobs.reason.noSourceColumn'],
  ['the grant does not give the key ', 'exchangeJobs.reason.keyNotGranted'],
  ['the store table has no column ', 'exchangeReturns.reason.noStoreColumn'],
];
