import { useEffect } from 'react';
import { App, Divider, Form, Input, Modal, Radio, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ErrorCode, JobCreate } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { fromShapeIssues, type FieldPath } from '@/features/catalog/catalog-problems';
import { exchangeJobPath } from '@/features/exchange/job-paths';
import { useCreateJob, type JobCreateInput } from '@/features/exchange/use-exchange-jobs';
import { useT } from '@/i18n/lang-provider';
import { useFieldProblems } from '@/portals/console/exchange-form-errors';
import { AggregateFields } from '@/portals/console/exchange-job-aggregate-fields';
import { DistributeFields } from '@/portals/console/exchange-job-distribute-fields';
import { jobLimits, scheduleDefaults, ScheduleFields, type JobForm } from '@/portals/console/exchange-job-schedule-fields';

const SCALAR_FIELDS = [
  'kind',
  'name',
  'mode',
  'mountId',
  'keyColumn',
  'watermarkColumn',
  'grantId',
  'targetSourceId',
  'targetTable',
  'schedule',
  'cron',
  'detectDeletes',
  'batchSize',
];

/** The request path a problem is about → the field of this form that shows it (`columns.3` → the column list). */
function toField(path: FieldPath): FieldPath | null {
  const [head] = path;
  if (head === 'columns') return ['columns'];
  return typeof head === 'string' && SCALAR_FIELDS.includes(head) ? [head] : null;
}

const initialValues = (): Partial<JobForm> => ({ kind: 'aggregate', mode: 'full', ...scheduleDefaults });

/** The request the form's values make: only the chosen kind's fields, the schedule's cron only for a cron schedule. */
function draftOf(values: JobForm) {
  const common = {
    name: values.name?.trim() || undefined,
    mode: values.mode,
    schedule: values.schedule,
    cron: values.schedule === 'cron' ? (values.cron?.trim() ?? null) : null,
    detectDeletes: values.detectDeletes,
    batchSize: values.batchSize,
  };
  if (values.kind === 'distribute')
    return {
      kind: values.kind,
      grantId: values.grantId,
      targetSourceId: values.targetSourceId,
      targetTable: values.targetTable?.trim() ?? '',
      ...common,
    };
  return {
    kind: values.kind,
    mountId: values.mountId,
    keyColumn: values.keyColumn,
    columns: values.columns && values.columns.length > 0 ? values.columns : undefined,
    watermarkColumn: values.mode === 'incremental' ? (values.watermarkColumn ?? null) : null,
    targetTable: values.targetTable?.trim() || undefined,
    ...common,
  };
}

/** 新建任务: an aggregation of a mounted source table, or a distribution of a table grant, with its schedule. */
export function JobFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<JobForm>();
  const create = useCreateJob();
  const problems = useFieldProblems(form, toField, 'exchangeJobs.duplicate');
  const kind = Form.useWatch('kind', form) ?? 'aggregate';

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  // A choice made anew clears what was chosen from the one before.
  const onValuesChange = (changed: Partial<JobForm>) => {
    if ('kind' in changed) form.setFieldsValue({ targetTable: undefined, mode: 'full' });
    if ('entryId' in changed) form.setFieldsValue({ mountId: undefined });
    if ('entryId' in changed || 'mountId' in changed)
      form.setFieldsValue({ keyColumn: undefined, columns: [], watermarkColumn: undefined, targetTable: undefined });
    if ('grantId' in changed) form.setFieldsValue({ targetSourceId: undefined });
  };

  const onSaveError = (error: unknown) => {
    const field = isApiError(error, { code: ErrorCode.Duplicate }) ? (error.details as { field?: string } | null)?.field : undefined;
    if (field === 'mountId' || field === 'targetTable') problems.show([{ path: [field], message: t(`exchangeJobs.duplicate.${field}`) }]);
    else problems.onSaveError(error);
  };

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    // The contracts' schema is the server's: what it refuses here, the server would refuse too.
    const parsed = JobCreate.safeParse(draftOf(values));
    if (!parsed.success) return problems.show(fromShapeIssues(t, parsed.error.issues));
    try {
      const job = await create.mutateAsync(parsed.data as JobCreateInput);
      void message.success(t('exchangeJobs.created'));
      onClose();
      navigate(exchangeJobPath(job.id));
    } catch (error) {
      onSaveError(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('exchangeJobs.create')}
      onOk={onOk}
      onCancel={onClose}
      okText={t('exchangeJobs.createOk')}
      confirmLoading={create.isPending}
      width={820}
      forceRender
      okButtonProps={{ 'data-testid': 'job-submit' }}
    >
      <Form<JobForm> form={form} layout="vertical" initialValues={initialValues()} onValuesChange={onValuesChange} data-testid="job-form">
        <Form.Item name="kind" label={t('exchangeJobs.form.kind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(['aggregate', 'distribute'] as const).map((k) => ({ value: k, label: t(`exchangeJobs.kind.${k}`) }))}
            data-testid="job-kind"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {t(kind === 'aggregate' ? 'exchangeJobs.form.aggregateHint' : 'exchangeJobs.form.distributeHint')}
        </Typography.Paragraph>
        <Divider titlePlacement="start">
          {t(kind === 'aggregate' ? 'exchangeJobs.form.sourceTitle' : 'exchangeJobs.form.targetTitle')}
        </Divider>
        {kind === 'aggregate' ? <AggregateFields open={open} /> : <DistributeFields open={open} />}
        <Form.Item
          name="name"
          label={t('exchangeJobs.form.name')}
          extra={t('exchangeJobs.form.nameHint')}
          rules={[{ min: jobLimits.nameMin, message: t('validation.min', { min: jobLimits.nameMin }) }]}
        >
          <Input maxLength={jobLimits.nameMax} style={{ maxWidth: 420 }} data-testid="job-name" />
        </Form.Item>
        <Divider titlePlacement="start">{t('exchangeJobs.form.scheduleTitle')}</Divider>
        <Divider titlePlacement="start">{t('exchangeJobs.form.scheduleTitle')}</Divider>
        <ScheduleFields />
      </Form>
    </Modal>
  );
}
