import { ErrorCode } from '@shuyuan/contracts';
import { exchangeJobsZh } from '@/i18n/exchange-jobs-messages';
import type { Translate } from '@/i18n/lang-provider';

/** The codes a table job's run can end with (the worker's and TableRun's outcomes). */
export const RUN_ERROR_CODES = [
  ErrorCode.SourceUnavailable,
  ErrorCode.TargetUnavailable,
  ErrorCode.SchemaDrift,
  ErrorCode.NoGrant,
  ErrorCode.GrantExpired,
  ErrorCode.FieldNotGranted,
  ErrorCode.MaskFailed,
  ErrorCode.NotFound,
  ErrorCode.InvalidTransition,
  ErrorCode.Internal,
] as const;

/** What a run's error code means, in the user's language; null for a code without a text. */
export function runErrorText(t: Translate, code: string | null | undefined): string | null {
  if (!code) return null;
  const key = `exchangeJobs.runError.${code}`;
  return key in exchangeJobsZh ? t(key as keyof typeof exchangeJobsZh) : null;
}
