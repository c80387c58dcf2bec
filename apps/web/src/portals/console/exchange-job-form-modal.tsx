import { useEffect } from 'react';
import { App, Divider, Form, Input, Modal, Radio, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ErrorCode, JobCreate, Permission, type JobKind } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { fromShapeIssues } from '@/features/catalog/catalog-problems';
import { exchangeJobPath } from '@/features/exchange/job-paths';
import { useCreateJob, type JobCreateInput } from '@/features/exchange/use-exchange-jobs';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';
import { useFieldProblems } from '@/portals/console/exchange-form-errors';
import { AggregateFields } from '@/portals/console/exchange-job-aggregate-fields';
import { DistributeFields } from '@/portals/console/exchange-job-distribute-fields';
import { draftOf, toField } from '@/portals/console/exchange-job-draft';
import { ReturnFields } from '@/portals/console/exchange-job-return-fields';
import { jobLimits, scheduleDefaults, ScheduleFields, type JobForm } from '@/portals/console/exchange-job-schedule-fields';

/** Each kind's hint, the title of its first section and the hint of its default name. */
const kindTexts: Record<JobKind, { hint: MessageKey; title: MessageKey; name: MessageKey }> = {
  aggregate: { hint: 'exchangeJobs.form.aggregateHint', title: 'exchangeJobs.form.sourceTitle', name: 'exchangeJobs.form.nameHint' },
  distribute: { hint: 'exchangeJobs.form.distributeHint', title: 'exchangeJobs.form.targetTitle', name: 'exchangeJobs.form.nameHint' },
  return: { hint: 'exchangeReturns.form.hint', title: 'exchangeReturns.form.title', name: 'exchangeReturns.form.nameHint' },
};

/** The field a duplicate (409) names → the text shown at it. */
const duplicateTexts: Record<string, MessageKey> = {
  mountId: 'exchangeJobs.duplicate.mountId',
  targetTable: 'exchangeJobs.duplicate.targetTable',
  nodeId: 'exchangeReturns.duplicate.nodeId',
};

const initialValues = (): Partial<JobForm> => ({ kind: 'aggregate', mode: 'full', ...scheduleDefaults });

/**
 * 新建任务: an aggregation of a mounted source table, a distribution of a table grant, or (for those who manage
 * the cascade) a return flow of an aggregated resource to a lower node, with its schedule.
 */
export function JobFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const kinds: JobKind[] = can(Permission.CascadeManage) ? ['aggregate', 'distribute', 'return'] : ['aggregate', 'distribute'];
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
    if ('kind' in changed)
      form.setFieldsValue({
        entryId: undefined,
        targetTable: undefined,
        mode: 'full',
        nodeId: undefined,
        regionColumn: undefined,
        regionPrefix: undefined,
      });
    if ('entryId' in changed) form.setFieldsValue({ mountId: undefined, regionColumn: undefined });
    if ('entryId' in changed || 'mountId' in changed)
      form.setFieldsValue({ keyColumn: undefined, columns: [], watermarkColumn: undefined, targetTable: undefined });
    if ('grantId' in changed) form.setFieldsValue({ targetSourceId: undefined });
  };

  const onSaveError = (error: unknown) => {
    const field = isApiError(error, { code: ErrorCode.Duplicate }) ? (error.details as { field?: string } | null)?.field : undefined;
    const text = field ? duplicateTexts[field] : undefined;
    if (field && text) problems.show([{ path: [field], message: t(text) }]);
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
            options={kinds.map((k) => ({ value: k, label: t(`exchangeJobs.kind.${k}`) }))}
            data-testid="job-kind"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t(kindTexts[kind].hint)}</Typography.Paragraph>
        <Divider titlePlacement="start">{t(kindTexts[kind].title)}</Divider>
        {kind === 'aggregate' && <AggregateFields open={open} />}
        {kind === 'distribute' && <DistributeFields open={open} />}
        {kind === 'return' && <ReturnFields open={open} />}
        <Form.Item
          name="name"
          label={t('exchangeJobs.form.name')}
          extra={t(kindTexts[kind].name)}
          rules={[{ min: jobLimits.nameMin, message: t('validation.min', { min: jobLimits.nameMin }) }]}
        >
          <Input maxLength={jobLimits.nameMax} style={{ maxWidth: 420 }} data-testid="job-name" />
        </Form.Item>
        <Divider titlePlacement="start">{t('exchangeJobs.form.scheduleTitle')}</Divider>
        <ScheduleFields detectDeletes={kind !== 'return'} />
      </Form>
    </Modal>
  );
}
