import { Alert, Tag, Tooltip, Typography } from 'antd';
import { ErrorCode } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { errorText } from '@/components/api-error';
import { formatDateTime, formatDateTimeSeconds } from '@/components/format';
import type { DataSource, SourceTestResult, SourceTestStep } from '@/features/sources/source-types';
import { useT } from '@/i18n/lang-provider';

/** Why a source could not be reached: the step, the server's code and its own words. */
export interface SourceFailure {
  step: SourceTestStep | null;
  code: string | null;
  message: string;
}

/** The failure a 502 answer of the tables or columns endpoints carries, or null for any other error. */
export function sourceFailureOf(error: unknown): SourceFailure | null {
  if (!isApiError(error, { status: 502, code: ErrorCode.Unavailable })) return null;
  const details = (error.details ?? {}) as Partial<SourceFailure>;
  return { step: details.step ?? null, code: details.code ?? null, message: details.message ?? error.message };
}

function FailureText({ failure }: { failure: SourceFailure }) {
  const t = useT();
  return (
    <>
      {failure.step && <div>{t(`source.stepHint.${failure.step}`)}</div>}
      <Typography.Text type="secondary" data-testid="source-test-message">
        {t('source.test.serverSaid')}
        {failure.code ? `[${failure.code}] ` : ''}
        {failure.message}
      </Typography.Text>
    </>
  );
}

/** A connection test's outcome: what was found, or in plain words which step failed and what the server said. */
export function SourceTestResultView({ result, showTime = false }: { result: SourceTestResult; showTime?: boolean }) {
  const t = useT();
  const took = t('source.test.elapsed', { ms: result.elapsedMs });
  const when = showTime ? ` · ${formatDateTimeSeconds(result.at)}` : '';
  if (result.status === 'ok')
    return (
      <Alert
        type="success"
        showIcon
        data-testid="source-test-result"
        data-status="ok"
        title={`${t('source.test.ok')} · ${took}${when}`}
        description={result.message}
      />
    );
  return (
    <Alert
      type="error"
      showIcon
      data-testid="source-test-result"
      data-status="failed"
      data-step={result.step ?? ''}
      title={`${result.step ? t(`source.step.${result.step}`) : t('source.test.failed')} · ${took}${when}`}
      description={<FailureText failure={result} />}
    />
  );
}

/** An error of a call that reaches a source: the failed step when the source was unreachable, else the API's message. */
export function SourceErrorAlert({ error }: { error: unknown }) {
  const t = useT();
  const failure = sourceFailureOf(error);
  if (!failure) return <Alert type="error" showIcon title={errorText(error, t)} />;
  return (
    <Alert
      type="error"
      showIcon
      title={failure.step ? t(`source.step.${failure.step}`) : t('source.test.failed')}
      description={<FailureText failure={failure} />}
    />
  );
}

/** The last connection test of a source as a tag; the failed step and message on hover. */
export function LastTestTag({ test }: { test: DataSource['lastTest'] }) {
  const t = useT();
  if (!test) return <Tag>{t('source.test.never')}</Tag>;
  const tip = `${formatDateTime(test.at)} · ${test.message}`;
  return (
    <Tooltip title={tip}>
      <Tag color={test.status === 'ok' ? 'success' : 'error'} data-testid="source-last-test" data-status={test.status}>
        {test.status === 'ok' ? t('source.test.ok') : test.step ? t(`source.step.${test.step}`) : t('source.test.failed')}
      </Tag>
    </Tooltip>
  );
}
