import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { auditActionLabel } from '@/features/audit/audit-action-labels';
import { useAuditActions, type AuditFilter } from '@/features/audit/use-audit';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import { useCan } from '@/features/identity/use-session';
import { Permission } from '@shuyuan/contracts';
import { useLang, useT } from '@/i18n/lang-provider';

interface FilterForm {
  actor?: string;
  action?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  departmentId?: string;
  outcome?: 'success' | 'failure';
}

function toFilter(values: FilterForm): AuditFilter {
  const [from, to] = values.range ?? [];
  return {
    actor: values.actor?.trim() || undefined,
    action: values.action || undefined,
    outcome: values.outcome || undefined,
    departmentId: values.departmentId || undefined,
    from: from ? from.toISOString() : undefined,
    to: to ? to.toISOString() : undefined,
  };
}

/** Who, what, when, which department, which outcome: the audit log's filters. */
export function AuditFilterBar({ onChange }: { onChange: (filter: AuditFilter) => void }) {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const [form] = Form.useForm<FilterForm>();
  const actions = useAuditActions();

  return (
    <Form<FilterForm>
      form={form}
      layout="inline"
      onFinish={(values) => onChange(toFilter(values))}
      style={{ rowGap: 12, marginBottom: 16 }}
    >
      <Form.Item name="actor" label={t('audit.actor')}>
        <Input allowClear placeholder={t('audit.actorPlaceholder')} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={actions.isPending}
          placeholder={t('audit.actionPlaceholder')}
          style={{ width: 220 }}
          options={(actions.data ?? []).map((action) => ({ value: action, label: auditActionLabel(action, lang) }))}
          data-testid="audit-action-filter"
        />
      </Form.Item>
      <Form.Item name="range" label={t('audit.when')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      {can(Permission.DepartmentRead) && (
        <Form.Item name="departmentId" label={t('audit.department')}>
          <DepartmentTreeSelect placeholder={t('audit.departmentPlaceholder')} style={{ width: 220 }} />
        </Form.Item>
      )}
      <Form.Item name="outcome" label={t('audit.outcome')}>
        <Select
          allowClear
          placeholder={t('audit.outcomeAll')}
          style={{ width: 120 }}
          options={[
            { value: 'success', label: t('audit.outcome.success') },
            { value: 'failure', label: t('audit.outcome.failure') },
          ]}
        />
      </Form.Item>
      <Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
