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
  Internal: 'INTERNAL_ERROR',
  Unavailable: 'SERVICE_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
