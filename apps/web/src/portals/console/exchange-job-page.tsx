import { Card, Flex, Space } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { isApiError } from '@/api/client';
import { errorText } from '@/components/api-error';
import { LinkButton } from '@/components/link-button';
import { PageLoading } from '@/components/page-loading';
import { LoadFailedResult, NotFoundResult } from '@/components/status-results';
import { exchangeJobsPath } from '@/features/exchange/job-paths';
import { JobRunHistory, JobRunProgress } from '@/features/exchange/job-runs';
import { JobKindTag, JobStatusTag } from '@/features/exchange/job-tags';
import { jobAllows, useJob } from '@/features/exchange/use-exchange-jobs';
import { useT } from '@/i18n/lang-provider';
import { DriftAlert, JobActions } from '@/portals/console/exchange-job-actions';
import { JobColumns, JobSummary } from '@/portals/console/exchange-job-summary';

/** One table job: its settings, the drift that stopped it, its actions, live progress, run history and column baseline. */
export function ExchangeJobPage() {
  const t = useT();
  const { id = '' } = useParams();
  const job = useJob(id);

  if (job.isPending) return <PageLoading />;
  if (isApiError(job.error, { status: 404 })) return <NotFoundResult />;
  if (job.error || !job.data) return <LoadFailedResult message={errorText(job.error, t)} onRetry={() => void job.refetch()} />;
  const j = job.data;
  // The server says what the caller may do: a provider watching a consumer's distribution gets no actions.
  const mayEdit = jobAllows(j, 'edit');

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <LinkButton to={exchangeJobsPath} type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} />
            <span data-testid="job-title">{j.name}</span>
            <JobKindTag kind={j.kind} />
            <JobStatusTag status={j.status} />
          </Space>
        }
        extra={j.actions.length > 0 && <JobActions job={j} />}
      >
        <JobSummary job={j} />
      </Card>
      <DriftAlert job={j} mayManage={mayEdit} />
      {j.lastRun && <JobRunProgress run={j.lastRun} kind={j.kind} />}
      <Card title={t('exchangeJobs.runs.title')}>
        <JobRunHistory jobId={j.id} kind={j.kind} />
      </Card>
      <Card title={t('exchangeJobs.columnsTitle', { count: j.columns.length })}>
        <JobColumns job={j} />
      </Card>
    </Flex>
  );
}
