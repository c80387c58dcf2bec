import { useState } from 'react';
import { Card, Drawer, Flex, Space, Typography } from 'antd';
import { errorText } from '@/components/api-error';
import { JobRunHistory, JobRunProgress } from '@/features/exchange/job-runs';
import { JobFlow, JobTable } from '@/features/exchange/job-table';
import { JobSchedule, JobStatusTag } from '@/features/exchange/job-tags';
import { useJobs, type ExchangeJob } from '@/features/exchange/use-exchange-jobs';
import { useT } from '@/i18n/lang-provider';

/** One subscription's run history in a drawer, with the live run's progress. */
function SubscriptionDrawer({ job, onClose }: { job: ExchangeJob | null; onClose: () => void }) {
  const t = useT();
  return (
    <Drawer
      open={job !== null}
      onClose={onClose}
      size="large"
      title={job && <span data-testid="subscription-title">{job.name}</span>}
      extra={job && <JobStatusTag status={job.status} />}
      destroyOnHidden
    >
      {job && (
        <Flex vertical gap={16}>
          <Space wrap size={24}>
            <JobFlow job={job} />
            <JobSchedule job={job} />
          </Space>
          {job.lastRun && <JobRunProgress run={job.lastRun} kind={job.kind} />}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('exchangeJobs.share.history')}
          </Typography.Title>
          <JobRunHistory jobId={job.id} kind={job.kind} />
        </Flex>
      )}
    </Drawer>
  );
}

/** 我的库表订阅: the distributions the user's departments run (role owner), into their databases, with their last runs. */
export function SubscriptionsPage() {
  const t = useT();
  const jobs = useJobs({ kind: 'distribute', role: 'owner' });
  const [openId, setOpenId] = useState<string | null>(null);
  const mine = jobs.data ?? [];
  const open = mine.find((job) => job.id === openId) ?? null;

  return (
    <Card title={t('share.nav.subscriptions')}>
      <Typography.Paragraph type="secondary">{t('exchangeJobs.share.intro')}</Typography.Paragraph>
      <JobTable
        jobs={mine}
        loading={jobs.isPending}
        onOpen={(job) => setOpenId(job.id)}
        extraColumns={[{ title: t('exchangeJobs.share.provider'), key: 'provider', render: (job) => job.providerDepartmentName }]}
        empty={jobs.error ? errorText(jobs.error, t) : <span data-testid="subscriptions-empty">{t('exchangeJobs.share.empty')}</span>}
      />
      <SubscriptionDrawer job={open} onClose={() => setOpenId(null)} />
    </Card>
  );
}
