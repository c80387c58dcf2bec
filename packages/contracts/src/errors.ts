/** Stable error codes of the HTTP API; the message text varies by language, the code never does. */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  UnknownField: 'UNKNOWN_FIELD',
  MalformedJson: 'MALFORMED_JSON',
  BodyTooLarge: 'BODY_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountLocked: 'ACCOUNT_LOCKED',
  AccountDisabled: 'ACCOUNT_DISABLED',
  PasswordChangeRequired: 'PASSWORD_CHANGE_REQUIRED',
  WeakPassword: 'WEAK_PASSWORD',
  CsrfFailed: 'CSRF_FAILED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  Duplicate: 'DUPLICATE',
  VersionConflict: 'VERSION_CONFLICT',
  /** The entry's lifecycle does not allow this now (e.g. editing while in review). */
  InvalidTransition: 'INVALID_TRANSITION',
  /** An uploaded workbook breaks the template or the compile rules; `details.errors` lists every problem by sheet, row and column. */
  ImportInvalid: 'IMPORT_INVALID',
  /** A mount that does not cover every data item of the entry (details.diff says how). */
  MountIncomplete: 'MOUNT_INCOMPLETE',
  SecretLimit: 'APP_SECRET_LIMIT',
  NotInDemoMode: 'NOT_IN_DEMO_MODE',
  /** The gateway's refusals (contracts §3): each answers with its own code and is logged like a success. */
  Unsigned: 'UNSIGNED',
  SignatureExpired: 'SIGNATURE_EXPIRED',
  Replayed: 'REPLAYED',
  BadSignature: 'BAD_SIGNATURE',
  UnknownKey: 'UNKNOWN_KEY',
  /** No live grant lets this application call this resource (an unknown resource answers the same). */
  NoGrant: 'NO_GRANT',
  GrantExpired: 'GRANT_EXPIRED',
  FieldNotGranted: 'FIELD_NOT_GRANTED',
  /** The grant's calls per day are used up; Retry-After says when the day turns. */
  QuotaExceeded: 'QUOTA_EXCEEDED',
  /** Calls per second above the grant's or the application's rate; Retry-After says when to try again. */
  RateLimited: 'RATE_LIMITED',
  BadParameter: 'BAD_PARAMETER',
  /** The provider's source refused or could not be reached (502). */
  SourceUnavailable: 'SOURCE_UNAVAILABLE',
  /** The provider's source did not answer in the API's time limit (504). */
  SourceTimeout: 'SOURCE_TIMEOUT',
  /** A mask of the grant could not be applied to a value: the call is refused rather than leak it. */
  MaskFailed: 'MASK_FAILED',
  /** A table job could not reach or write the consumer's database (the run is retried with backoff). */
  TargetUnavailable: 'TARGET_UNAVAILABLE',
  /** A table job's source lost or changed a column it copies: the job stops, nothing loaded is overwritten. */
  SchemaDrift: 'SCHEMA_DRIFT',
  /** A file chunk or a whole file whose SM3 is not the one declared: it is refused, nothing is kept. */
  ChecksumMismatch: 'CHECKSUM_MISMATCH',
  /** An upload completed before every chunk arrived; `details.missing` lists the chunks still to send. */
  UploadIncomplete: 'UPLOAD_INCOMPLETE',
  /** A download link past its time, its download count, or its grant (410). */
  LinkExpired: 'LINK_EXPIRED',
  Internal: 'INTERNAL_ERROR',
  Unavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
