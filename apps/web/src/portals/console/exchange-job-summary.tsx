import type { HTMLAttributes } from 'react';
import { Descriptions, Table, Tag, Typography } from 'antd';
import { formatDateTime } from '@/components/format';
import { JobSchedule } from '@/features/exchange/job-tags';
import type { ExchangeJob } from '@/features/exchange/use-exchange-jobs';
import { useT } from '@/i18n/lang-provider';

type JobColumn = ExchangeJob['columns'][number];

function columnAttributes(column: JobColumn): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'job-column',
    'data-column': column.name,
  };
  return attributes;
}

const code = (text: string) => <Typography.Text code>{text}</Typography.Text>;

/** A job's settings: resource, source and tables, key, mode and watermark, schedule, deletes and batch size. */
export function JobSummary({ job }: { job: ExchangeJob }) {
  const t = useT();
  const watermark = job.watermark ?? t('exchangeJobs.detail.watermarkNone');
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      data-testid="job-summary"
      items={[
        { key: 'resource', label: t('exchangeJobs.detail.resource'), children: `${job.entryName}（${job.resourceCode}）` },
        { key: 'department', label: t('exchangeJobs.detail.department'), children: job.departmentName },
        { key: 'source', label: t('exchangeJobs.detail.source'), children: `${job.sourceName}（${job.sourceKind}）` },
        {
          key: 'remote',
          label: t(job.kind === 'aggregate' ? 'exchangeJobs.detail.sourceTable' : 'exchangeJobs.detail.targetTable'),
          children: code(job.remoteTable),
        },
        { key: 'store', label: t('exchangeJobs.detail.storeTable'), children: code(job.storeTable) },
        { key: 'key', label: t('exchangeJobs.detail.keyColumn'), children: code(job.keyColumn) },
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
        { key: 'schedule', label: t('exchangeJobs.col.schedule'), children: <JobSchedule job={job} /> },
        {
          key: 'deletes',
          label: t('exchangeJobs.detail.detectDeletes'),
          children: t(job.detectDeletes ? 'exchangeJobs.yes' : 'exchangeJobs.no'),
        },
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
