import { Alert, Button, Card, Empty, Flex, List, Progress, Result, Spin, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { LinkButton } from '@/components/link-button';
import { isFinished, useImportJob, useImportJobs, type ImportJob } from '@/features/catalog/use-catalog-import';
import { useT } from '@/i18n/lang-provider';
import { consoleEntryPath } from '@/portals/console/catalog-entry-actions';
import { ImportErrorsTable } from '@/portals/console/catalog-import-errors';

const statusColors: Record<ImportJob['status'], string> = {
  queued: 'default',
  validating: 'processing',
  importing: 'processing',
  done: 'success',
  failed: 'error',
};

/** A job's status as a coloured tag. */
export function ImportStatusTag({ status }: { status: ImportJob['status'] }) {
  const t = useT();
  return (
    <Tag color={statusColors[status]} data-testid="import-status" data-status={status}>
      {t(`catalog.import.status.${status}`)}
    </Tag>
  );
}

/** How far a running job got: the rows read of the file's rows, as a bar. */
function JobProgress({ job }: { job: ImportJob }) {
  const t = useT();
  const percent =
    job.totalRows && job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : Math.floor(job.progress * 100);
  return (
    <div data-testid="import-progress" data-status={job.status}>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <ImportStatusTag status={job.status} />
        <Typography.Text>{job.fileName}</Typography.Text>
      </Flex>
      <Progress percent={Math.min(percent, 99)} status="active" />
      <Typography.Text type="secondary">
        {job.totalRows === null
          ? t('catalog.import.rowsSoFar', { processed: job.processedRows })
          : t('catalog.import.rows', { processed: job.processedRows, total: job.totalRows })}
      </Typography.Text>
    </div>
  );
}

/** What a done job created: the count, links to the drafts and the way back to the catalog. */
function JobDone({ job, onAgain }: { job: ImportJob; onAgain: () => void }) {
  const t = useT();
  // The finished job lists the entries it created (the first thousand), in file order.
  const listed = job.entries;
  return (
    <div data-testid="import-done" data-count={job.entryCount}>
      <Result
        status="success"
        title={t('catalog.import.doneTitle', { count: job.entryCount })}
        subTitle={t('catalog.import.doneHint')}
        extra={[
          <LinkButton key="back" to="/console/catalog?status=draft" type="primary" data-testid="import-back">
            {t('catalog.import.back')}
          </LinkButton>,
          <Button key="again" onClick={onAgain}>
            {t('catalog.import.again')}
          </Button>,
        ]}
      >
        <List
          size="small"
          dataSource={listed}
          renderItem={(entry) => (
            <List.Item>
              <Link to={consoleEntryPath(entry.id)} data-testid="import-created-entry" data-entry-id={entry.id}>
                {entry.name}
              </Link>
              <Typography.Text type="secondary">{entry.code}</Typography.Text>
            </List.Item>
          )}
          footer={listed.length < job.entryCount ? t('catalog.import.createdMore') : undefined}
        />
      </Result>
    </div>
  );
}

/** A failed job: every error with its sheet, row and column, and what to do next. */
function JobFailed({ job }: { job: ImportJob }) {
  const t = useT();
  if (job.failureCode !== 'IMPORT_INVALID' && job.errors.length === 0)
    return (
      <Alert type="error" showIcon title={t('catalog.import.failedOther', { code: job.failureCode ?? '—' })} data-testid="import-failed" />
    );
  return (
    <Flex vertical gap={12} data-testid="import-failed">
      <Alert
        type="error"
        showIcon
        title={t('catalog.import.failedTitle', { count: job.errorCount })}
        description={
          <>
            {t('catalog.import.failedHint')}
            {job.errorCount > job.errors.length && <> {t('catalog.import.listedOnly', { listed: job.errors.length })}</>}
          </>
        }
      />
      <ImportErrorsTable errors={job.errors} />
    </Flex>
  );
}

/** One job, followed until it ends: progress, then its errors or what it created. */
export function ImportJobView({ id, onAgain }: { id: string; onAgain: () => void }) {
  const t = useT();
  const job = useImportJob(id);
  if (job.error) return <Alert type="error" showIcon title={errorText(job.error, t)} />;
  if (!job.data) return <Spin />;
  if (!isFinished(job.data)) return <JobProgress job={job.data} />;
  return job.data.status === 'done' ? <JobDone job={job.data} onAgain={onAgain} /> : <JobFailed job={job.data} />;
}

/** The caller's latest import jobs; a click opens one. */
export function RecentImports({ onOpen }: { onOpen: (id: string) => void }) {
  const t = useT();
  const jobs = useImportJobs();
  return (
    <Card title={t('catalog.import.recent')} size="small">
      <Table<ImportJob>
        rowKey="id"
        size="small"
        loading={jobs.isFetching}
        dataSource={jobs.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={jobs.error ? errorText(jobs.error, t) : t('catalog.import.recentEmpty')}
            />
          ),
        }}
        columns={[
          { title: t('catalog.import.col.file'), dataIndex: 'fileName' },
          { title: t('common.status'), dataIndex: 'status', render: (status: ImportJob['status']) => <ImportStatusTag status={status} /> },
          { title: t('catalog.import.col.rows'), dataIndex: 'totalRows', render: (rows: number | null) => rows ?? '—' },
          { title: t('catalog.import.col.entries'), dataIndex: 'entryCount' },
          { title: t('catalog.import.col.errors'), dataIndex: 'errorCount' },
          { title: t('catalog.import.col.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, job) => (
              <Button size="small" type="link" onClick={() => onOpen(job.id)} data-testid="import-job-open">
                {t('catalog.import.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
