import { Form, Input, Select } from 'antd';
import { useGrants } from '@/features/exchange/use-exchange-console';
import { useSources } from '@/features/sources/use-sources';
import { useT } from '@/i18n/lang-provider';
import { ModeField, type JobForm } from '@/portals/console/exchange-job-schedule-fields';

/** 分发's fields: a table grant the department holds, a database of that department and the table to write. */
export function DistributeFields({ open }: { open: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<JobForm>();
  const grantId = Form.useWatch('grantId', form);
  const grants = useGrants({ role: 'consumer', status: 'active' }, { enabled: open });
  const tableGrants = (grants.data ?? []).filter((g) => g.method === 'table' && g.state === 'active');
  const grant = tableGrants.find((g) => g.id === grantId);
  const sources = useSources({ departmentId: grant?.consumerDepartmentId }, { enabled: open && !!grant });
  const targets = (sources.data ?? []).filter((s) => s.status === 'active' && (s.kind === 'postgresql' || s.kind === 'mysql'));
  const required = { required: true, message: t('validation.required') };
  return (
    <>
      <Form.Item
        name="grantId"
        label={t('exchangeJobs.form.grant')}
        rules={[required]}
        extra={grant ? t('exchangeJobs.form.grantExtra', { code: grant.resourceCode, fields: grant.fields.join(', ') }) : undefined}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={grants.isFetching}
          placeholder={t('exchangeJobs.form.grantPlaceholder')}
          notFoundContent={t('exchangeJobs.form.noGrants')}
          options={tableGrants.map((g) => ({
            value: g.id,
            label: `${g.entryName}（${g.providerDepartmentName} → ${g.consumerDepartmentName}）`,
          }))}
          data-testid="job-grant"
        />
      </Form.Item>
      <Form.Item name="targetSourceId" label={t('exchangeJobs.form.targetSource')} rules={[required]}>
        <Select
          disabled={!grant}
          loading={sources.isFetching}
          placeholder={t('exchangeJobs.form.targetSourcePlaceholder')}
          notFoundContent={t('exchangeJobs.form.noTargetSources')}
          options={targets.map((s) => ({ value: s.id, label: `${s.name}（${t(`source.kind.${s.kind}`)}）` }))}
          data-testid="job-target-source"
        />
      </Form.Item>
      <Form.Item
        name="targetTable"
        label={t('exchangeJobs.form.targetTable')}
        extra={t('exchangeJobs.form.targetTableHint')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input placeholder="schema.table" maxLength={127} style={{ maxWidth: 360 }} data-testid="job-target-table" />
      </Form.Item>
      <ModeField extra={t('exchangeJobs.form.incrementalDistributeHint')} />
    </>
  );
}
