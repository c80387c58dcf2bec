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
    'data-node': job.nodeName ?? '',
    'data-last-run': job.lastRun?.status ?? '',
  };
  return attributes;
}

/** A table (or node) with what it is below it, small. */
function Place({ name, below, code = true }: { name: ReactNode; below: ReactNode; code?: boolean }) {
  return (
    <Flex vertical gap={0}>
      {code ? <Typography.Text code>{name}</Typography.Text> : <Typography.Text>{name}</Typography.Text>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {below}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Where the rows come from and where they go: source table → store, store → the consumer's table, or
 * store → the lower node, for the rows whose region column starts with the prefix.
 */
export function JobFlow({ job }: { job: ExchangeJob }) {
  const t = useT();
  const store = <Place name={job.storeTable} below={t('exchangeJobs.store')} />;
  const remote = <Place name={job.remoteTable} below={job.sourceName} />;
  const node = (
    <Place
      code={false}
      name={<span data-testid="job-flow-node">{job.nodeName}</span>}
      below={t('exchangeReturns.flowRegion', { column: job.regionColumn ?? '—', prefix: job.regionPrefix ?? '—' })}
    />
  );
  const [from, to] = job.kind === 'aggregate' ? [remote, store] : job.kind === 'distribute' ? [store, remote] : [store, node];
  return (
    <Flex gap={8} align="center" data-testid="job-flow">
      {from}
      <span aria-hidden>→</span>
      {to}
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
      <RunCounters run={job.lastRun} kind={job.kind} />
    </Flex>
  );
}

/**
 * Table jobs as a table: kind, name, resource, from → to, mode, schedule, status, last run and any extra columns. The
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
  /** Shown after the resource, or at the end when `after`. */
  extraColumns?: { title: string; key: string; after?: boolean; render: (job: ExchangeJob) => ReactNode }[];
}) {
  const t = useT();
  const extra = (after: boolean) =>
    extraColumns
      .filter((c) => !!c.after === after)
      .map((c) => ({ title: c.title, key: c.key, render: (_: unknown, job: ExchangeJob) => c.render(job) }));
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
        ...extra(false),
        { title: t('exchangeJobs.col.flow'), key: 'flow', render: (_, job) => <JobFlow job={job} /> },
        {
          title: t('exchangeJobs.col.mode'),
          dataIndex: 'mode',
          render: (mode: ExchangeJob['mode']) => <Tag>{t(`exchangeJobs.mode.${mode}`)}</Tag>,
        },
        { title: t('exchangeJobs.col.schedule'), key: 'schedule', render: (_, job) => <JobSchedule job={job} /> },
        { title: t('exchangeJobs.col.status'), key: 'status', render: (_, job) => <JobStatusTag status={job.status} /> },
        { title: t('exchangeJobs.col.lastRun'), key: 'lastRun', render: (_, job) => <LastRun job={job} /> },
        ...extra(true),
      ]}
    />
  );
}
