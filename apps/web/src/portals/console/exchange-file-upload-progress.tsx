import { Alert, Flex, Progress, Typography } from 'antd';
import { errorText } from '@/components/api-error';
import { formatBytes } from '@/features/exchange/file-format';
import { ResumeRefused } from '@/features/exchange/file-resume';
import { isWholeFileMismatch } from '@/features/exchange/file-upload';
import type { UploadState } from '@/features/exchange/use-file-upload';
import { useT, type Translate } from '@/i18n/lang-provider';

/** Why an upload stopped; a whole file whose SM3 differs (not one chunk), or a file that does not resume, is said plainly. */
function failureText(error: unknown, t: Translate): string {
  if (error instanceof ResumeRefused) return t(`exchangeFiles.resume.refused.${error.problem}`);
  return isWholeFileMismatch(error) ? t('exchangeFiles.checksumFailed') : errorText(error, t);
}

/** How far an upload is: hashing, chunks sent, joining; a retry, a resume, the result or what stopped it. */
export function UploadProgress({ state }: { state: UploadState }) {
  const t = useT();
  const { phase, upload } = state;
  if (phase === 'idle') return null;
  const count = upload?.chunkCount ?? 0;
  const chunks = { received: state.received, count };
  const percent =
    phase === 'hashing'
      ? state.size
        ? (state.hashed / state.size) * 100
        : 0
      : phase === 'done'
        ? 100
        : count
          ? (state.received / count) * 100
          : 0;
  const label =
    phase === 'hashing'
      ? t('exchangeFiles.phase.hashing', { done: formatBytes(state.hashed), total: formatBytes(state.size) })
      : phase === 'uploading'
        ? t('exchangeFiles.phase.uploading', chunks)
        : phase === 'paused'
          ? t('exchangeFiles.phase.paused', chunks)
          : phase === 'completing'
            ? t('exchangeFiles.phase.completing')
            : phase === 'done'
              ? t('exchangeFiles.phase.done', { version: state.file?.version ?? '' })
              : t('exchangeFiles.phase.failed', { reason: failureText(state.error, t) });

  return (
    <Flex
      vertical
      gap={8}
      data-testid="upload-progress"
      data-phase={phase}
      data-received={state.received}
      data-chunks={count}
      data-resumed={String(state.resumed)}
      data-upload-id={upload?.id ?? ''}
    >
      <Typography.Text strong>{t('exchangeFiles.upload.file', { name: state.fileName, size: formatBytes(state.size) })}</Typography.Text>
      <Typography.Text type={phase === 'failed' ? 'danger' : undefined}>{label}</Typography.Text>
      <Progress
        percent={Math.floor(percent)}
        status={phase === 'failed' ? 'exception' : phase === 'done' ? 'success' : phase === 'paused' ? 'normal' : 'active'}
      />
      {state.resumed && phase !== 'done' && <Alert type="info" showIcon title={t('exchangeFiles.resumed')} />}
      {state.retrying && phase === 'uploading' && (
        <Alert
          type="warning"
          showIcon
          title={t('exchangeFiles.retrying', { index: state.retrying.index + 1, attempt: state.retrying.attempt })}
        />
      )}
      {state.sm3 && (
        <Typography.Text type="secondary">
          {t('exchangeFiles.upload.fileSm3')}：
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="file-upload-sm3">
            {state.sm3}
          </Typography.Text>
        </Typography.Text>
      )}
    </Flex>
  );
}
