import { Flex, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '@/components/format';
import type { ExchangeJob, ExchangeRun, JobDrift } from '@/features/exchange/use-exchange-jobs';
import { useT, type Translate } from '@/i18n/lang-provider';

const statusColor: Record<ExchangeJob['status'], string> = { active: 'success', paused: 'default', drift: 'warning' };
const runColor: Record<ExchangeRun['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  drift: 'warning',
};

/** 归集, 分发 or 回流. */
export function JobKindTag({ kind }: { kind: ExchangeJob['kind'] }) {
  const t = useT();
  return (
    <Tag color={kind === 'aggregate' ? 'blue' : kind === 'distribute' ? 'purple' : 'cyan'} data-testid="job-kind" data-kind={kind}>
      {t(`exchangeJobs.kind.${kind}`)}
    </Tag>
  );
}

/** Whether a job runs on its schedule (启用), was paused, or stopped on a change of its source's columns. */
export function JobStatusTag({ status }: { status: ExchangeJob['status'] }) {
  const t = useT();
  return (
    <Tag color={statusColor[status]} data-testid="job-status" data-status={status}>
      {t(`exchangeJobs.status.${status}`)}
    </Tag>
  );
}

/** A run's status; a failed one shows its error on hover. */
export function RunStatusTag({ run }: { run: Pick<ExchangeRun, 'status' | 'errorCode' | 'errorMessage'> }) {
  const t = useT();
  const tag = (
    <Tag color={runColor[run.status]} data-testid="run-status" data-status={run.status}>
      {t(`exchangeJobs.runStatus.${run.status}`)}
    </Tag>
  );
  return run.errorMessage ? <Tooltip title={`${run.errorCode ?? ''} ${run.errorMessage}`}>{tag}</Tooltip> : tag;
}

/** A duration as `12.3 秒` or `2 分 5 秒`; a dash when there is none. */
export function durationText(t: Translate, ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 60_000) return t('exchangeJobs.seconds', { n: (ms / 1000).toFixed(1) });
  const seconds = Math.round(ms / 1000);
  return t('exchangeJobs.minutes', { m: Math.floor(seconds / 60), s: seconds % 60 });
}

/** How a job is run (手动, 按更新周期, a cron) and, when scheduled, when next. */
export function JobSchedule({ job }: { job: Pick<ExchangeJob, 'schedule' | 'cron' | 'nextRunAt'> }) {
  const t = useT();
  return (
    <Flex vertical gap={2}>
      <span>
        {t(`exchangeJobs.schedule.${job.schedule}`)}
        {job.schedule === 'cron' && job.cron && (
          <Typography.Text code style={{ marginInlineStart: 4 }}>
            {job.cron}
          </Typography.Text>
        )}
      </span>
      {job.nextRunAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('exchangeJobs.nextRun', { at: formatDateTime(job.nextRunAt) })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/**
 * What a run's counters mean for a kind of job: rows read, written and deleted; for a return flow, rows
 * sent, and those the lower node stored and dropped.
 */
export function counterKeys(kind: ExchangeJob['kind'] | undefined) {
  return kind === 'return'
    ? ({
        line: 'exchangeReturns.counters',
        read: 'exchangeReturns.runs.rowsRead',
        written: 'exchangeReturns.runs.rowsWritten',
        deleted: 'exchangeReturns.runs.rowsDeleted',
      } as const)
    : ({
        line: 'exchangeJobs.counters',
        read: 'exchangeJobs.runs.rowsRead',
        written: 'exchangeJobs.runs.rowsWritten',
        deleted: 'exchangeJobs.runs.rowsDeleted',
      } as const);
}

/** A run's rows read, written and deleted (sent, stored and dropped for a return flow), on one line. */
export function RunCounters({
  run,
  kind,
}: {
  run: Pick<ExchangeRun, 'rowsRead' | 'rowsWritten' | 'rowsDeleted'>;
  kind?: ExchangeJob['kind'];
}) {
  const t = useT();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="run-counters">
      {t(counterKeys(kind).line, {
        read: run.rowsRead.toLocaleString(),
        written: run.rowsWritten.toLocaleString(),
        deleted: run.rowsDeleted.toLocaleString(),
      })}
    </Typography.Text>
  );
}

/** One change of the source's columns, as a sentence. */
export function driftText(t: Translate, drift: JobDrift): string {
  return drift.change === 'missing'
    ? t('exchangeJobs.drift.missing', { column: drift.column, was: drift.was })
    : t('exchangeJobs.drift.type', { column: drift.column, was: drift.was, now: drift.now ?? '—' });
}
