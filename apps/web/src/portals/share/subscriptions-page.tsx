import { useState } from 'react';
import { Card, Drawer, Flex, Space, Typography } from 'antd';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { JobRunHistory, JobRunProgress } from '@/features/exchange/job-runs';
import { JobFlow, JobTable } from '@/features/exchange/job-table';
import { JobSchedule, JobStatusTag } from '@/features/exchange/job-tags';
import { useGrants } from '@/features/exchange/use-exchange-console';
import { useJobs, type ExchangeJob } from '@/features/exchange/use-exchange-jobs';
import { useCan } from '@/features/identity/use-session';
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
          {job.lastRun && <JobRunProgress run={job.lastRun} />}
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('exchangeJobs.share.history')}
          </Typography.Title>
          <JobRunHistory jobId={job.id} />
        </Flex>
      )}
    </Drawer>
  );
}

/**
 * 我的库表订阅: the distributions into the user's department, with their last runs. The list also holds
 * distributions of resources the department provides, so only those of its own (consumer) grants are shown.
 */
export function SubscriptionsPage() {
  const t = useT();
  const can = useCan();
  const jobs = useJobs({ kind: 'distribute' });
  const grants = useGrants({ role: 'consumer' }, { enabled: can(Permission.GrantRead) });
  const [openId, setOpenId] = useState<string | null>(null);
  const byId = new Map((grants.data ?? []).map((g) => [g.id, g]));
  const mine = (jobs.data ?? []).filter((job) => !grants.data || (job.grantId !== null && byId.has(job.grantId)));
  const open = mine.find((job) => job.id === openId) ?? null;

  return (
    <Card title={t('share.nav.subscriptions')}>
      <Typography.Paragraph type="secondary">{t('exchangeJobs.share.intro')}</Typography.Paragraph>
      <JobTable
        jobs={mine}
        loading={jobs.isPending}
        onOpen={(job) => setOpenId(job.id)}
        extraColumns={[
          {
            title: t('exchangeJobs.share.provider'),
            key: 'provider',
            render: (job) => (job.grantId && byId.get(job.grantId)?.providerDepartmentName) || '—',
          },
        ]}
        empty={jobs.error ? errorText(jobs.error, t) : <span data-testid="subscriptions-empty">{t('exchangeJobs.share.empty')}</span>}
      />
      <SubscriptionDrawer job={open} onClose={() => setOpenId(null)} />
    </Card>
  );
}
