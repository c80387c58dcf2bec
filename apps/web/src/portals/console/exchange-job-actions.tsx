import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { CaretRightOutlined, EditOutlined, PauseOutlined, ReloadOutlined } from '@ant-design/icons';
import { JobUpdate } from '@shuyuan/contracts';
import { isVersionConflict } from '@/components/api-error';
import { fromShapeIssues, type FieldPath } from '@/features/catalog/catalog-problems';
import { driftText } from '@/features/exchange/job-tags';
import { isLive, jobAllows, useRunJob, useUpdateJob, type ExchangeJob, type JobUpdateInput } from '@/features/exchange/use-exchange-jobs';
import { useT } from '@/i18n/lang-provider';
import { useFieldProblems, useShowExchangeError } from '@/portals/console/exchange-form-errors';
import { jobLimits, ScheduleFields, type ScheduleValues } from '@/portals/console/exchange-job-schedule-fields';

type ScheduleForm = ScheduleValues & { name: string };

const SCHEDULE_FIELDS = ['name', 'schedule', 'cron', 'detectDeletes', 'batchSize'];
const toField = (path: FieldPath): FieldPath | null =>
  typeof path[0] === 'string' && SCHEDULE_FIELDS.includes(path[0]) ? [path[0]] : null;

/** 编辑调度: a job's name, schedule, delete detection and batch size, sent with the version it was read at. */
function ScheduleModal({ job, open, onClose }: { job: ExchangeJob; open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ScheduleForm>();
  const update = useUpdateJob();
  const problems = useFieldProblems(form, toField, 'exchangeJobs.duplicate');

  useEffect(() => {
    if (open)
      form.setFieldsValue({
        name: job.name,
        schedule: job.schedule,
        cron: job.cron,
        detectDeletes: job.detectDeletes,
        batchSize: job.batchSize,
      });
  }, [open, job, form]);

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const parsed = JobUpdate.safeParse({
      version: job.version,
      name: values.name.trim(),
      schedule: values.schedule,
      cron: values.schedule === 'cron' ? (values.cron?.trim() ?? null) : null,
      // A return flow always drops at the node what a run did not send: it has no switch for it.
      detectDeletes: job.kind === 'return' ? undefined : values.detectDeletes,
      batchSize: values.batchSize,
    });
    if (!parsed.success) return problems.show(fromShapeIssues(t, parsed.error.issues));
    try {
      await update.mutateAsync({ id: job.id, ...(parsed.data as JobUpdateInput) });
      void message.success(t('exchangeJobs.scheduleSaved'));
      onClose();
    } catch (error) {
      problems.onSaveError(error);
      if (isVersionConflict(error)) onClose();
    }
  };

  return (
    <Modal
      open={open}
      title={t('exchangeJobs.editSchedule')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={update.isPending}
      width={640}
      forceRender
      okButtonProps={{ 'data-testid': 'job-schedule-save' }}
    >
      <Form<ScheduleForm> form={form} layout="vertical">
        <Form.Item
          name="name"
          label={t('exchangeJobs.form.name')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: jobLimits.nameMin, message: t('validation.min', { min: jobLimits.nameMin }) },
          ]}
        >
          <Input maxLength={jobLimits.nameMax} />
        </Form.Item>
        <ScheduleFields detectDeletes={job.kind !== 'return'} />
      </Form>
    </Modal>
  );
}

/** A PUT of the job at the version shown, with a toast on success and the server's reason on failure. */
function useJobChange(job: ExchangeJob) {
  const { message } = App.useApp();
  const showError = useShowExchangeError();
  const update = useUpdateJob();
  const change = async (body: Omit<JobUpdateInput, 'version'>, done: string) => {
    try {
      await update.mutateAsync({ id: job.id, version: job.version, ...body });
      void message.success(done);
    } catch (error) {
      showError(error);
    }
  };
  return { change, pending: update.isPending };
}

/** When a job stopped on a change of its source's columns: what changed, and 接受变更 for those who manage it. */
export function DriftAlert({ job, mayManage }: { job: ExchangeJob; mayManage: boolean }) {
  const t = useT();
  const { change, pending } = useJobChange(job);
  if (job.status !== 'drift') return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="job-drift"
      title={t('exchangeJobs.driftTitle')}
      description={
        <Flex vertical gap={4}>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {(job.drift ?? []).map((d) => (
              <li key={d.column} data-testid="job-drift-item" data-column={d.column} data-change={d.change}>
                {driftText(t, d)}
              </li>
            ))}
          </ul>
          <Typography.Text type="secondary">{t('exchangeJobs.driftHint')}</Typography.Text>
        </Flex>
      }
      action={
        mayManage && (
          <Popconfirm
            title={t('exchangeJobs.acceptDriftConfirm')}
            onConfirm={() => change({ acceptDrift: true }, t('exchangeJobs.driftAccepted'))}
            okButtonProps={{ 'data-testid': 'job-accept-drift-confirm' }}
          >
            <Button type="primary" loading={pending} data-testid="job-accept-drift">
              {t('exchangeJobs.acceptDrift')}
            </Button>
          </Popconfirm>
        )
      }
    />
  );
}

/** 立即运行: off unless the server lets the caller run the job (not while it drifted), and while a run is queued or running. */
export function RunNowButton({ job, size }: { job: ExchangeJob; size?: 'small' }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowExchangeError();
  const run = useRunJob();
  const runNow = async () => {
    try {
      await run.mutateAsync(job.id);
      void message.success(t('exchangeJobs.runQueued'));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Button
      type={size ? 'link' : 'primary'}
      size={size}
      icon={<CaretRightOutlined />}
      loading={run.isPending}
      disabled={!jobAllows(job, 'run') || isLive(job.lastRun)}
      onClick={runNow}
      data-testid="job-run"
    >
      {t('exchangeJobs.run')}
    </Button>
  );
}

/**
 * 立即运行, 暂停 / 恢复 and 编辑调度, as far as the server allows the caller (`actions`): running waits while a
 * run is queued or running, and stays off (shown, so the owner sees why) while the job stopped on drift.
 */
export function JobActions({ job }: { job: ExchangeJob }) {
  const t = useT();
  const { change, pending } = useJobChange(job);
  const [editing, setEditing] = useState(false);
  const mayEdit = jobAllows(job, 'edit');
  return (
    <Space wrap>
      <RunNowButton job={job} />
      {mayEdit && job.status === 'active' && (
        <Button
          icon={<PauseOutlined />}
          loading={pending}
          onClick={() => change({ status: 'paused' }, t('exchangeJobs.paused'))}
          data-testid="job-pause"
        >
          {t('exchangeJobs.pause')}
        </Button>
      )}
      {mayEdit && job.status === 'paused' && (
        <Button
          icon={<ReloadOutlined />}
          loading={pending}
          onClick={() => change({ status: 'active' }, t('exchangeJobs.resumed'))}
          data-testid="job-resume"
        >
          {t('exchangeJobs.resume')}
        </Button>
      )}
      {mayEdit && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="job-edit-schedule">
          {t('exchangeJobs.editSchedule')}
        </Button>
      )}
      {mayEdit && <ScheduleModal job={job} open={editing} onClose={() => setEditing(false)} />}
    </Space>
  );
}
