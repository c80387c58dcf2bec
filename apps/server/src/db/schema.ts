import type { ApiField, ApiParam, CatalogEntryContent, EntryStatus, MaskType, MountStatus, RowCondition } from '@shuyuan/contracts';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Row types of every table, the compile-time twin of the migrations. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface DepartmentTable {
  id: Generated<string>;
  parent_id: string | null;
  name: string;
  short_name: string | null;
  level: 'province' | 'city' | 'county';
  division_code: string;
  agency_code: string;
  sort_order: Generated<number>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RoleTable {
  id: Generated<string>;
  code: string;
  name_zh: string;
  name_en: string;
  description: Generated<string>;
  builtin: Generated<boolean>;
  permissions: string[];
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  login: string;
  display_name: string;
  department_id: string;
  phone: string | null;
  email: string | null;
  status: 'active' | 'disabled';
  password_hash: string;
  must_change_password: Generated<boolean>;
  password_changed_at: Timestamp;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  last_login_at: NullableTimestamp;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UserRoleTable {
  user_id: string;
  role_id: string;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface AccessTokenTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  permissions: string[];
  created_at: CreatedAt;
  expires_at: NullableTimestamp;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface ClientAppTable {
  id: Generated<string>;
  department_id: string;
  name: string;
  app_key: string;
  description: Generated<string>;
  status: 'active' | 'disabled';
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface AppSecretTable {
  id: Generated<string>;
  app_id: string;
  secret_ciphertext: string;
  secret_hint: string;
  created_at: CreatedAt;
  revoked_at: NullableTimestamp;
}

export interface AuditEventTable {
  id: Generated<number>;
  occurred_at: CreatedAt;
  actor_user_id: string | null;
  actor_login: string | null;
  actor_department_id: string | null;
  action: string;
  outcome: 'success' | 'failure';
  target_type: string | null;
  target_id: string | null;
  target_label: string | null;
  ip: string | null;
  user_agent: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface PlatformSettingTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface InfoSystemTable {
  id: Generated<string>;
  department_id: string;
  name: string;
  status: 'planned' | 'building' | 'running' | 'retired';
  on_gov_cloud: Generated<boolean>;
  description: Generated<string>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

/** The entry's compiled content; its shape is CatalogEntryContent of the contracts package. */
type EntryContent = JSONColumnType<CatalogEntryContent, string, string>;

export interface CatalogEntryTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_key: string;
  department_id: string;
  status: EntryStatus;
  mount_status: Generated<MountStatus>;
  content: EntryContent;
  pending: JSONColumnType<CatalogEntryContent | null, string | null, string | null>;
  revision: Generated<number>;
  version: Generated<number>;
  resource_attribute: string;
  domain: string;
  data_level: string;
  format_class: string;
  sharing_type: string;
  sharing_methods: string[];
  open_type: string;
  update_cycle: string;
  tags: string[];
  item_count: number;
  apply_count: Generated<number>;
  /** A tsvector; written with `to_tsvector('simple', …)` over the segmented text. */
  search_vector: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  submitted_at: NullableTimestamp;
  published_at: NullableTimestamp;
  review_started_at: NullableTimestamp;
  /** Set on entries mirrored from another node of the cascade (read-only here). */
  origin_node_id: ColumnType<string | null, string | null | undefined, string | null>;
  origin_entry_id: ColumnType<string | null, string | null | undefined, string | null>;
  region_code: ColumnType<string | null, string | null | undefined, string | null>;
  update_requested_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  update_request_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CatalogEntryVersionTable {
  entry_id: string;
  revision: number;
  content: EntryContent;
  published_at: CreatedAt;
  published_by: string | null;
}

export interface CatalogEventTable {
  id: Generated<number>;
  entry_id: string;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_id: string | null;
  actor_name: string;
  comment: string | null;
  details: JSONColumnType<Record<string, unknown>, string | undefined, string>;
  at: CreatedAt;
}

export interface CatalogEntrySystemTable {
  entry_id: string;
  system_id: string;
}

export interface CatalogCodeSequenceTable {
  segment: string;
  last_value: number;
}

export interface EvidenceQueueTable {
  id: Generated<number>;
  kind: string;
  /** The entry exactly as it is hashed: canonical JSON (sorted keys, no spaces). */
  entry: string;
  queued_at: CreatedAt;
}

export interface EvidenceTreeTable {
  id: Generated<number>;
  size: number;
  root: Uint8Array;
  updated_at: Timestamp;
}

export interface EvidenceLeafTable {
  index: number;
  kind: string;
  entry: string;
  leaf_hash: Uint8Array;
  queued_at: Date;
  sequenced_at: CreatedAt;
}

export interface EvidenceNodeTable {
  level: number;
  index: number;
  hash: Uint8Array;
}

export interface NodeSigningKeyTable {
  id: string;
  public_key: string;
  private_key_sealed: string;
  created_at: CreatedAt;
  retired_at: Date | null;
}

export interface EvidenceCheckpointTable {
  tree_size: number;
  root: Uint8Array;
  signed_at: Date;
  key_id: string;
  /** The checkpoint text exactly as signed. */
  body: string;
  /** SM2 signature of `body` (DER, hex). */
  signature: string;
}

export interface CatalogChangeTable {
  id: Generated<number>;
  entry_id: string;
  code: string;
  kind: 'published' | 'changed' | 'retired';
  revision: number;
  at: CreatedAt;
}

/** A registered data source; `settings` is shaped by `kind` (see modules/sources/sources.settings.ts). */
export interface DataSourceTable {
  id: Generated<string>;
  department_id: string;
  name: string;
  kind: 'postgresql' | 'mysql' | 'file' | 'http_json';
  description: Generated<string>;
  settings: JSONColumnType<Record<string, unknown>, string, string>;
  credentials_sealed: string | null;
  status: Generated<'active' | 'disabled'>;
  test_status: 'ok' | 'failed' | null;
  test_step: 'dns' | 'connect' | 'auth' | 'database' | 'permission' | 'read' | null;
  test_code: string | null;
  test_message: string | null;
  test_elapsed_ms: number | null;
  tested_at: NullableTimestamp;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CatalogMountTable {
  id: Generated<string>;
  entry_id: string;
  kind: 'table' | 'api' | 'file';
  source_id: string;
  resource_name: string;
  column_map: JSONColumnType<Record<string, string>, string, string>;
  diff: JSONColumnType<Record<string, unknown>, string, string>;
  status: 'in_review' | 'returned' | 'mounted' | 'removed';
  comment: string | null;
  requested_by: string | null;
  reviewed_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  reviewed_at: NullableTimestamp;
}

export interface CascadeNodeTable {
  id: Generated<string>;
  name: string;
  role: 'upper' | 'lower';
  base_url: string;
  region_code: string;
  link_key: string;
  link_secret_sealed: string;
  root_department_id: string | null;
  enabled: Generated<boolean>;
  leased_until: NullableTimestamp;
  last_success_at: NullableTimestamp;
  last_error: string | null;
  last_error_at: NullableTimestamp;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface CascadeOutboxTable {
  id: Generated<number>;
  node_id: string;
  change_id: number;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  delivered_at: NullableTimestamp;
  last_error: string | null;
  created_at: CreatedAt;
}

export interface CascadeInboxTable {
  node_id: string;
  remote_change_id: number;
  received_at: CreatedAt;
}

export interface SignatureNonceTable {
  key: string;
  nonce: string;
  expires_at: Date;
}

/** One row: the version of what the gateway caches, moved on by any change to it (triggers; ADR 010). */
export interface GatewayConfigVersionTable {
  id: number;
  version: number;
  last_xact: string | null;
}

/** A catalog import job; `file` is the uploaded workbook, cleared when the job ends. */
export interface CatalogImportTable {
  id: Generated<string>;
  status: Generated<'queued' | 'validating' | 'importing' | 'done' | 'failed'>;
  file_name: string;
  file_size: number;
  file: Uint8Array | null;
  total_rows: number | null;
  processed_rows: Generated<number>;
  progress: Generated<number>;
  entry_count: Generated<number>;
  error_count: Generated<number>;
  errors: JSONColumnType<unknown[], string | undefined, string>;
  failure_code: string | null;
  created_by: string;
  department_id: string;
  /** The permissions of the request that queued the job; it never runs with more than its creator holds then and now. */
  permissions: string[];
  ip: string | null;
  user_agent: string | null;
  attempts: Generated<number>;
  claim_token: string | null;
  heartbeat_at: NullableTimestamp;
  created_at: CreatedAt;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
}

export interface ExchangeApiTable {
  id: Generated<string>;
  entry_id: string;
  access: 'logical' | 'physical' | 'forward';
  source_id: string | null;
  resource_name: string;
  fields: JSONColumnType<ApiField[], string, string>;
  params: JSONColumnType<ApiParam[], string, string>;
  key_field: string;
  page_size_max: number;
  timeout_ms: number;
  status: Generated<'active' | 'disabled'>;
  created_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ExchangeGrantTable {
  id: Generated<string>;
  entry_id: string;
  consumer_department_id: string;
  app_id: string | null;
  method: 'api' | 'table' | 'file';
  fields: string[];
  row_filter: JSONColumnType<RowCondition[], string, string>;
  masks: JSONColumnType<Record<string, MaskType>, string, string>;
  purpose: string;
  valid_from: Date;
  valid_to: Date;
  calls_per_day: number | null;
  calls_per_second: number | null;
  status: Generated<'active' | 'revoked'>;
  revoked_at: Date | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  created_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface GatewayCallTable {
  id: string;
  called_at: Date | string;
  app_id: string | null;
  app_key: string | null;
  consumer_department_id: string | null;
  grant_id: string | null;
  api_id: string | null;
  provider_department_id: string | null;
  resource_code: string | null;
  fields: string[];
  row_count: number;
  request_digest: string;
  response_digest: string | null;
  status: number;
  code: string | null;
  latency_ms: number;
  leaf_index: number;
}

/** A column a table job copies, as the source listed it when the job was made (its schema-drift baseline). */
export interface JobColumn {
  name: string;
  type: 'char' | 'int' | 'decimal' | 'date' | 'datetime' | 'time' | 'bool' | 'text' | 'other';
  dataType: string;
}

export interface ExchangeJobTable {
  id: Generated<string>;
  kind: 'aggregate' | 'distribute' | 'return';
  name: string;
  department_id: string;
  entry_id: string;
  mount_id: string | null;
  grant_id: string | null;
  /** Aggregation: the source read from; distribution: the consumer's database written to; none for a return flow. */
  source_id: string | null;
  /** Return flow: the lower node of the cascade the rows go to, and the region's rows (column, prefix). */
  node_id: Generated<string | null>;
  region_column: Generated<string | null>;
  region_prefix: Generated<string | null>;
  remote_table: string;
  store_schema: string;
  store_table: string;
  key_column: string;
  columns: JSONColumnType<JobColumn[], string, string>;
  mode: 'full' | 'incremental';
  watermark_column: string | null;
  watermark: string | null;
  watermark_key: string | null;
  detect_deletes: Generated<boolean>;
  batch_size: Generated<number>;
  schedule: Generated<'manual' | 'cycle' | 'cron'>;
  cron: string | null;
  next_run_at: Date | null;
  status: Generated<'active' | 'paused' | 'drift'>;
  drift: JSONColumnType<unknown[] | null, string | null, string | null>;
  created_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ExchangeRunTable {
  id: Generated<string>;
  job_id: string;
  trigger: 'schedule' | 'manual';
  status: Generated<'queued' | 'running' | 'done' | 'failed' | 'drift'>;
  attempts: Generated<number>;
  claim_token: string | null;
  leased_until: Date | null;
  next_attempt_at: Generated<Date>;
  phase: 'schema' | 'copy' | 'deletes' | null;
  cursor: string | null;
  rows_read: Generated<number>;
  rows_written: Generated<number>;
  rows_deleted: Generated<number>;
  batches: Generated<number>;
  error_code: string | null;
  error_message: string | null;
  drift: JSONColumnType<unknown[] | null, string | null, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  heartbeat_at: Date | null;
  finished_at: Date | null;
}

export interface ExchangeFileUploadTable {
  id: Generated<string>;
  entry_id: string;
  department_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sm3: string;
  chunk_size: number;
  chunk_count: number;
  note: Generated<string>;
  status: Generated<'uploading' | 'complete' | 'failed' | 'abandoned' | 'expired'>;
  failure: string | null;
  file_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  expires_at: Date;
}

export interface ExchangeFileChunkTable {
  upload_id: string;
  idx: number;
  size: number;
  sm3: string;
  received_at: Timestamp;
}

export interface ExchangeFileTable {
  id: Generated<string>;
  entry_id: string;
  version: number;
  file_name: string;
  media_type: string;
  size: number;
  sm3: string;
  note: Generated<string>;
  storage_name: string;
  uploaded_by: string | null;
  created_at: CreatedAt;
  leaf_index: number | null;
}

export interface ExchangeFileLinkTable {
  id: Generated<string>;
  file_id: string;
  grant_id: string | null;
  department_id: string;
  token_hash: string;
  expires_at: Date;
  max_downloads: number | null;
  downloads: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  revoked_at: Date | null;
}

export interface ExchangeReturnTableTable {
  id: Generated<string>;
  node_id: string;
  flow_id: string;
  flow_name: string;
  origin_entry_id: string;
  entry_id: string;
  store_schema: string;
  store_table: string;
  key_column: string;
  columns: JSONColumnType<JobColumn[], string, string>;
  region_prefix: string;
  row_count: Generated<number>;
  last_run_id: string | null;
  last_received_at: Date | null;
  created_at: CreatedAt;
}

export interface ExchangeReturnBatchTable {
  node_id: string;
  run_id: string;
  seq: number;
  flow_id: string;
  row_count: number;
  digest: string;
  received_at: Timestamp;
}

export interface DB {
  exchange_return_table: ExchangeReturnTableTable;
  exchange_return_batch: ExchangeReturnBatchTable;
  exchange_file_upload: ExchangeFileUploadTable;
  exchange_file_chunk: ExchangeFileChunkTable;
  exchange_file: ExchangeFileTable;
  exchange_file_link: ExchangeFileLinkTable;
  exchange_job: ExchangeJobTable;
  exchange_run: ExchangeRunTable;
  exchange_api: ExchangeApiTable;
  exchange_grant: ExchangeGrantTable;
  gateway_call: GatewayCallTable;
  department: DepartmentTable;
  role: RoleTable;
  app_user: UserTable;
  user_role: UserRoleTable;
  user_session: SessionTable;
  access_token: AccessTokenTable;
  client_app: ClientAppTable;
  app_secret: AppSecretTable;
  audit_event: AuditEventTable;
  platform_setting: PlatformSettingTable;
  data_source: DataSourceTable;
  info_system: InfoSystemTable;
  catalog_entry: CatalogEntryTable;
  evidence_queue: EvidenceQueueTable;
  evidence_tree: EvidenceTreeTable;
  evidence_leaf: EvidenceLeafTable;
  evidence_node: EvidenceNodeTable;
  evidence_checkpoint: EvidenceCheckpointTable;
  node_signing_key: NodeSigningKeyTable;
  catalog_entry_version: CatalogEntryVersionTable;
  catalog_event: CatalogEventTable;
  catalog_entry_system: CatalogEntrySystemTable;
  catalog_code_sequence: CatalogCodeSequenceTable;
  catalog_change: CatalogChangeTable;
  catalog_import: CatalogImportTable;
  catalog_mount: CatalogMountTable;
  cascade_node: CascadeNodeTable;
  cascade_outbox: CascadeOutboxTable;
  cascade_inbox: CascadeInboxTable;
  signature_nonce: SignatureNonceTable;
  gateway_config_version: GatewayConfigVersionTable;
}
