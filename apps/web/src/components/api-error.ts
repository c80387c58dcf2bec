import { App } from 'antd';
import { ErrorCode } from '@shuyuan/contracts';
import { ApiError, ClientErrorCode } from '@/api/client';
import { useT, type Translate } from '@/i18n/lang-provider';

/**
 * The text to show for a failed call: the server's own message (already in the user's language),
 * or ours when the server never answered.
 */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === ErrorCode.VersionConflict) return error.message || t('error.versionConflict');
    if (error.code === ClientErrorCode.Network) return t('error.network');
    if (error.message) return error.message;
    return t('error.status', { status: error.status });
  }
  return t('error.unknown');
}

/** True when an update lost a race with someone else's; the form holds stale data and should close. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === ErrorCode.VersionConflict;
}

/** Shows a failed call as a toast; a version conflict stays longer, since the user must reload. */
export function useShowError(): (error: unknown) => void {
  const { message } = App.useApp();
  const t = useT();
  return (error) => {
    const conflict = isVersionConflict(error);
    void message.error({ content: errorText(error, t), duration: conflict ? 8 : 4 });
  };
}
