import { useState } from 'react';
import { Button, Card, Flex, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { exchangeJobPath } from '@/features/exchange/job-paths';
import { JobTable } from '@/features/exchange/job-table';
import { jobAllows, useJobs, type ExchangeJob } from '@/features/exchange/use-exchange-jobs';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { RunNowButton } from '@/portals/console/exchange-job-actions';
import { JobFormModal } from '@/portals/console/exchange-job-form-modal';

const KINDS: ExchangeJob['kind'][] = ['aggregate', 'distribute', 'return'];
const STATUSES: ExchangeJob['status'][] = ['active', 'paused', 'drift'];

/**
 * 库表任务: the department's aggregations, distributions and return flows, and those on its resources, with their
 * schedules and last runs; new jobs, and 立即运行 where the server lets the caller run.
 */
export function ExchangeJobsPage() {
  const t = useT();
  const can = useCan();
  const canManage = can(Permission.JobManage);
  const [kind, setKind] = useState<ExchangeJob['kind']>();
  const [status, setStatus] = useState<ExchangeJob['status']>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const jobs = useJobs({ kind });
  const query = q.trim().toLowerCase();
  const shown = (jobs.data ?? []).filter(
    (job) =>
      (!status || job.status === status) &&
      (!query ||
        [job.name, job.entryName, job.resourceCode, job.remoteTable, job.storeTable, job.sourceName, job.nodeName].some((text) =>
          text?.toLowerCase().includes(query),
        )),
  );
  const filtered = !!(kind || status || query);

  return (
    <Card
      title={t('console.menu.exchangeJobs')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="job-create">
            {t('exchangeJobs.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('exchangeJobs.searchPlaceholder')}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
          style={{ width: 280 }}
          data-testid="job-search"
        />
        <Select
          allowClear
          placeholder={t('exchangeJobs.filterKind')}
          value={kind}
          onChange={setKind}
          options={KINDS.map((k) => ({ value: k, label: t(`exchangeJobs.kind.${k}`) }))}
          style={{ width: 140 }}
          data-testid="job-filter-kind"
        />
        <Select
          allowClear
          placeholder={t('exchangeJobs.filterStatus')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`exchangeJobs.status.${s}`) }))}
          style={{ width: 140 }}
        />
      </Flex>
      <JobTable
        jobs={shown}
        loading={jobs.isPending}
        pathOf={(job) => exchangeJobPath(job.id)}
        extraColumns={
          canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  after: true,
                  render: (job) => (jobAllows(job, 'run') ? <RunNowButton job={job} size="small" /> : null),
                },
              ]
            : []
        }
        empty={
          jobs.error
            ? errorText(jobs.error, t)
            : filtered
              ? t('exchangeJobs.noMatch')
              : canManage
                ? t('exchangeJobs.emptyManage')
                : t('exchangeJobs.empty')
        }
      />
      {canManage && <JobFormModal open={creating} onClose={() => setCreating(false)} />}
    </Card>
  );
}
