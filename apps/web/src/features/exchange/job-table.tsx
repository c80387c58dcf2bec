import type { HTMLAttributes, ReactNode } from 'react';
import { Empty, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { JobKindTag, JobSchedule, JobStatusTag, RunCounters, RunStatusTag } from '@/features/exchange/job-tags';
import type { ExchangeJob } from '@/features/exchange/use-exchange-jobs';
import { useT } from '@/i18n/lang-provider';

function rowAttributes(job: ExchangeJob): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'job-row',
    'data-job-id': job.id,
    'data-kind': job.kind,
    'data-entry': job.entryName,
    'data-status': job.status,
    'data-remote-table': job.remoteTable,
    'data-last-run': job.lastRun?.status ?? '',
  };
  return attributes;
}

/** Where the rows come from and where they go: source table → store, or store → the consumer's table. */
export function JobFlow({ job }: { job: ExchangeJob }) {
  const t = useT();
  const remote = (
    <Flex vertical gap={0}>
      <Typography.Text code>{job.remoteTable}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {job.sourceName}
      </Typography.Text>
    </Flex>
  );
  const store = (
    <Flex vertical gap={0}>
      <Typography.Text code>{job.storeTable}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('exchangeJobs.store')}
      </Typography.Text>
    </Flex>
  );
  return (
    <Flex gap={8} align="center">
      {job.kind === 'aggregate' ? remote : store}
      <span aria-hidden>→</span>
      {job.kind === 'aggregate' ? store : remote}
    </Flex>
  );
}

/** The last run's status and counters, or that there was none. */
function LastRun({ job }: { job: ExchangeJob }) {
  const t = useT();
  if (!job.lastRun) return <Typography.Text type="secondary">{t('exchangeJobs.neverRun')}</Typography.Text>;
  return (
    <Flex vertical gap={2} align="flex-start">
      <RunStatusTag run={job.lastRun} />
      <RunCounters run={job.lastRun} />
    </Flex>
  );
}

/**
 * Table jobs as a table: kind, name, resource, from → to, mode, schedule, status and last run. The
 * name links to `pathOf(job)`, or calls `onOpen` (a drawer) when no path is given.
 */
export function JobTable({
  jobs,
  loading,
  empty,
  pathOf,
  onOpen,
  extraColumns = [],
}: {
  jobs: readonly ExchangeJob[];
  loading: boolean;
  empty: ReactNode;
  pathOf?: (job: ExchangeJob) => string;
  onOpen?: (job: ExchangeJob) => void;
  extraColumns?: { title: string; key: string; render: (job: ExchangeJob) => ReactNode }[];
}) {
  const t = useT();
  const name = (job: ExchangeJob) =>
    pathOf ? (
      <Link to={pathOf(job)} data-testid="job-open">
        {job.name}
      </Link>
    ) : (
      <Typography.Link onClick={() => onOpen?.(job)} data-testid="job-open">
        {job.name}
      </Typography.Link>
    );
  return (
    <Table<ExchangeJob>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...jobs]}
      onRow={rowAttributes}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      locale={{ emptyText: <Empty description={empty} /> }}
      columns={[
        { title: t('exchangeJobs.col.kind'), key: 'kind', render: (_, job) => <JobKindTag kind={job.kind} /> },
        { title: t('exchangeJobs.col.name'), key: 'name', render: (_, job) => name(job) },
        {
          title: t('exchangeJobs.col.resource'),
          key: 'resource',
          render: (_, job) => (
            <Flex vertical gap={0} style={{ maxWidth: 240 }}>
              <span>{job.entryName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {job.resourceCode}
              </Typography.Text>
            </Flex>
          ),
        },
        ...extraColumns.map((c) => ({ title: c.title, key: c.key, render: (_: unknown, job: ExchangeJob) => c.render(job) })),
        { title: t('exchangeJobs.col.flow'), key: 'flow', render: (_, job) => <JobFlow job={job} /> },
        {
          title: t('exchangeJobs.col.mode'),
          dataIndex: 'mode',
          render: (mode: ExchangeJob['mode']) => <Tag>{t(`exchangeJobs.mode.${mode}`)}</Tag>,
        },
        { title: t('exchangeJobs.col.schedule'), key: 'schedule', render: (_, job) => <JobSchedule job={job} /> },
        { title: t('exchangeJobs.col.status'), key: 'status', render: (_, job) => <JobStatusTag status={job.status} /> },
        { title: t('exchangeJobs.col.lastRun'), key: 'lastRun', render: (_, job) => <LastRun job={job} /> },
      ]}
    />
  );
}
