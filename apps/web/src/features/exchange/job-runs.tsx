import { useState, type HTMLAttributes } from 'react';
import { Alert, Button, Empty, Flex, Spin, Statistic, Steps, Table, Typography } from 'antd';
import { errorText } from '@/components/api-error';
import { formatDateTime, formatDateTimeSeconds } from '@/components/format';
import { counterKeys, driftText, durationText, RunStatusTag } from '@/features/exchange/job-tags';
import { isLive, useJobRuns, type ExchangeJob, type ExchangeRun } from '@/features/exchange/use-exchange-jobs';
import { runErrorText } from '@/features/exchange/run-error';
import { RunEvidenceDrawer } from '@/features/exchange/exchange-evidence';
import { useT } from '@/i18n/lang-provider';

const PHASES: NonNullable<ExchangeRun['phase']>[] = ['schema', 'copy', 'deletes'];

function rowAttributes(run: ExchangeRun): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'run-row',
    'data-run-id': run.id,
    'data-status': run.status,
    'data-rows-read': String(run.rowsRead),
    'data-rows-written': String(run.rowsWritten),
    'data-rows-deleted': String(run.rowsDeleted),
  };
  return attributes;
}

/** A queued or running run as it goes: its phase (结构 → 复制 → 删除) and counters, moving every 2 s. */
export function JobRunProgress({ run, kind }: { run: ExchangeRun; kind?: ExchangeJob['kind'] }) {
  const t = useT();
  const counters = counterKeys(kind);
  if (!isLive(run)) return null;
  const current = run.phase ? PHASES.indexOf(run.phase) : -1;
  const title =
    run.status === 'queued'
      ? run.nextAttemptAt && run.attempts > 0
        ? t('exchangeJobs.progress.retry', { attempt: run.attempts, at: formatDateTime(run.nextAttemptAt) })
        : t('exchangeJobs.progress.queued')
      : run.phase
        ? t('exchangeJobs.progress.running', { phase: t(`exchangeJobs.phase.${run.phase}`) })
        : t('exchangeJobs.progress.starting');
  return (
    <Alert
      type={run.attempts > 0 && run.status === 'queued' ? 'warning' : 'info'}
      icon={<Spin size="small" />}
      showIcon
      data-testid="run-progress"
      data-status={run.status}
      data-phase={run.phase ?? ''}
      title={title}
      description={
        <Flex vertical gap={12} style={{ marginTop: 8 }}>
          <Steps
            size="small"
            current={Math.max(current, 0)}
            status={run.status === 'queued' ? 'wait' : 'process'}
            items={PHASES.map((phase) => ({ title: t(`exchangeJobs.phase.${phase}`) }))}
          />
          <Flex gap={32} wrap>
            <Statistic title={t(counters.read)} value={run.rowsRead} data-testid="progress-read" />
            <Statistic title={t(counters.written)} value={run.rowsWritten} />
            <Statistic title={t(counters.deleted)} value={run.rowsDeleted} />
            <Statistic title={t('exchangeJobs.runs.batches')} value={run.batches} />
            <Statistic title={t('exchangeJobs.runs.duration')} value={durationText(t, run.durationMs)} />
          </Flex>
        </Flex>
      }
    />
  );
}

/**
 * The error of a run: what its code means in the user's language, with the server's own message (English,
 * as the database or driver gave it) behind 详细信息; when it stopped on drift, the columns that changed.
 */
function RunError({ run }: { run: ExchangeRun }) {
  const t = useT();
  if (!run.errorCode && !run.errorMessage) return <>—</>;
  const drift = run.drift ?? [];
  const meaning = runErrorText(t, run.errorCode);
  return (
    <Flex vertical gap={2} style={{ maxWidth: 360 }} data-testid="run-error">
      {run.errorCode && <Typography.Text code>{run.errorCode}</Typography.Text>}
      {meaning && drift.length === 0 && <Typography.Text type="danger">{meaning}</Typography.Text>}
      {run.errorMessage && drift.length === 0 && (
        <Typography.Text
          type={meaning ? 'secondary' : 'danger'}
          style={meaning ? { fontSize: 12 } : undefined}
          ellipsis={{ tooltip: run.errorMessage }}
        >
          {meaning ? t('exchangeJobs.runError.detail', { message: run.errorMessage }) : run.errorMessage}
        </Typography.Text>
      )}
      {drift.map((d) => (
        <Typography.Text key={d.column} type="warning" style={{ fontSize: 12 }}>
          {driftText(t, d)}
        </Typography.Text>
      ))}
    </Flex>
  );
}

const count = (n: number) => n.toLocaleString();

/**
 * A job's run history, newest first (trigger, status, phase, rows, batches, attempts, duration, error, next retry),
 * each run with its evidence (every batch a leaf of the evidence log, verified in the browser).
 */
export function JobRunHistory({ jobId, kind }: { jobId: string; kind?: ExchangeJob['kind'] }) {
  const t = useT();
  const counters = counterKeys(kind);
  const runs = useJobRuns(jobId);
  const [proving, setProving] = useState<ExchangeRun | null>(null);
  return (
    <>
      <Table<ExchangeRun>
        rowKey="id"
        size="small"
        data-testid="run-history"
        loading={runs.isPending}
        dataSource={runs.data ?? []}
        onRow={rowAttributes}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <Empty description={runs.error ? errorText(runs.error, t) : t('exchangeJobs.runs.empty')} /> }}
        columns={[
          { title: t('exchangeJobs.runs.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTimeSeconds(at) },
          {
            title: t('exchangeJobs.runs.trigger'),
            dataIndex: 'trigger',
            render: (trigger: ExchangeRun['trigger']) => t(`exchangeJobs.trigger.${trigger}`),
          },
          { title: t('exchangeJobs.runs.status'), key: 'status', render: (_, run) => <RunStatusTag run={run} /> },
          {
            title: t('exchangeJobs.runs.phase'),
            dataIndex: 'phase',
            render: (phase: ExchangeRun['phase']) => (phase ? t(`exchangeJobs.phase.${phase}`) : '—'),
          },
          { title: t(counters.read), dataIndex: 'rowsRead', align: 'right', render: count },
          { title: t(counters.written), dataIndex: 'rowsWritten', align: 'right', render: count },
          { title: t(counters.deleted), dataIndex: 'rowsDeleted', align: 'right', render: count },
          { title: t('exchangeJobs.runs.batches'), dataIndex: 'batches', align: 'right' },
          { title: t('exchangeJobs.runs.attempts'), dataIndex: 'attempts', align: 'right' },
          { title: t('exchangeJobs.runs.duration'), dataIndex: 'durationMs', render: (ms: number | null) => durationText(t, ms) },
          { title: t('exchangeJobs.runs.error'), key: 'error', render: (_, run) => <RunError run={run} /> },
          {
            title: t('exchangeJobs.runs.nextAttempt'),
            dataIndex: 'nextAttemptAt',
            render: (at: string | null) => formatDateTime(at),
          },
          {
            title: t('exchangeJobs.runs.evidence'),
            key: 'evidence',
            render: (_, run) =>
              run.batches > 0 ? (
                <Button size="small" type="link" data-testid="run-evidence-open" onClick={() => setProving(run)}>
                  {t('exchangeJobs.evidence.open')}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <RunEvidenceDrawer jobId={jobId} run={proving} onClose={() => setProving(null)} />
    </>
  );
}
