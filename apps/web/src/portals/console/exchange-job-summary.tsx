import type { HTMLAttributes } from 'react';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '@/components/format';
import { JobSchedule } from '@/features/exchange/job-tags';
import type { ExchangeJob } from '@/features/exchange/use-exchange-jobs';
import { useT, type Translate } from '@/i18n/lang-provider';

type JobColumn = ExchangeJob['columns'][number];

function columnAttributes(column: JobColumn): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'job-column',
    'data-column': column.name,
  };
  return attributes;
}

const code = (text: string) => <Typography.Text code>{text}</Typography.Text>;

/** Where a job's rows come from and go: its source and table, or for a return flow the node and the region. */
function placeItems(t: Translate, job: ExchangeJob) {
  if (job.kind === 'return')
    return [
      { key: 'node', label: t('exchangeReturns.detail.node'), children: <span data-testid="job-node">{job.nodeName}</span> },
      { key: 'regionColumn', label: t('exchangeReturns.detail.regionColumn'), children: code(job.regionColumn ?? '—') },
      {
        key: 'regionPrefix',
        label: t('exchangeReturns.detail.regionPrefix'),
        children: <span data-testid="job-region-prefix">{job.regionPrefix}</span>,
      },
    ];
  return [
    { key: 'source', label: t('exchangeJobs.detail.source'), children: `${job.sourceName}（${job.sourceKind}）` },
    {
      key: 'remote',
      label: t(job.kind === 'aggregate' ? 'exchangeJobs.detail.sourceTable' : 'exchangeJobs.detail.targetTable'),
      children: code(job.remoteTable),
    },
  ];
}

/** How a job copies: mode and watermark, and whether it finds deletes; a return flow always sends in full and the node drops the rest. */
function copyItems(t: Translate, job: ExchangeJob) {
  if (job.kind === 'return') return [];
  const watermark = job.watermark ?? t('exchangeJobs.detail.watermarkNone');
  return [
    { key: 'mode', label: t('exchangeJobs.col.mode'), children: <Tag>{t(`exchangeJobs.mode.${job.mode}`)}</Tag> },
    ...(job.mode === 'incremental'
      ? [
          {
            key: 'watermark',
            label: t('exchangeJobs.detail.watermark'),
            children: job.watermarkColumn ? `${job.watermarkColumn} · ${watermark}` : watermark,
          },
        ]
      : []),
    {
      key: 'deletes',
      label: t('exchangeJobs.detail.detectDeletes'),
      children: t(job.detectDeletes ? 'exchangeJobs.yes' : 'exchangeJobs.no'),
    },
  ];
}

/** A job's settings: resource, where the rows come from and go, key, mode and watermark, schedule, deletes and batch size. */
export function JobSummary({ job }: { job: ExchangeJob }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="job-summary"
      items={[
        { key: 'resource', label: t('exchangeJobs.detail.resource'), children: `${job.entryName}（${job.resourceCode}）` },
        { key: 'department', label: t('exchangeJobs.detail.department'), children: job.departmentName },
        ...placeItems(t, job),
        { key: 'store', label: t('exchangeJobs.detail.storeTable'), children: code(job.storeTable) },
        { key: 'key', label: t('exchangeJobs.detail.keyColumn'), children: code(job.keyColumn) },
        ...copyItems(t, job),
        { key: 'schedule', label: t('exchangeJobs.col.schedule'), children: <JobSchedule job={job} /> },
        { key: 'batch', label: t('exchangeJobs.detail.batchSize'), children: job.batchSize.toLocaleString() },
        { key: 'created', label: t('common.createdAt'), children: formatDateTime(job.createdAt) },
      ]}
    />
  );
}

/** The columns a job copies, as the source listed them when the job was made or its drift accepted. */
export function JobColumns({ job }: { job: ExchangeJob }) {
  const t = useT();
  return (
    <Table<JobColumn>
      rowKey="name"
      size="small"
      dataSource={job.columns}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      onRow={columnAttributes}
      columns={[
        {
          title: t('exchangeJobs.column.name'),
          dataIndex: 'name',
          render: (name: string) => (
            <>
              {code(name)}
              {name === job.keyColumn && <Tag color="blue">{t('exchangeJobs.form.primaryKey')}</Tag>}
            </>
          ),
        },
        { title: t('exchangeJobs.column.type'), dataIndex: 'type' },
        { title: t('exchangeJobs.column.dataType'), dataIndex: 'dataType' },
      ]}
    />
  );
}
