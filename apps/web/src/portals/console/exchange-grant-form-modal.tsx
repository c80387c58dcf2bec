import { useEffect, useMemo, useState } from 'react';
import { Alert, App, DatePicker, Divider, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { GrantCreate, GrantMethod, effectiveMask, type MaskType } from '@shuyuan/contracts';
import { codeLabel } from '@/features/catalog/catalog-labels';
import { fromShapeIssues, type FieldPath } from '@/features/catalog/catalog-problems';
import type { CatalogEntrySummary } from '@/features/catalog/catalog-types';
import { useCatalogEntry, useCatalogSearch } from '@/features/catalog/use-catalog';
import { useCreateGrant, useServedApis, type GrantCreateInput } from '@/features/exchange/use-exchange-console';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import { useApps } from '@/features/identity/use-apps';
import { useT } from '@/i18n/lang-provider';
import { useFieldProblems } from '@/portals/console/exchange-form-errors';
import {
  GrantFieldsPicker,
  GrantMasks,
  GrantRowFilter,
  filterValue,
  type GrantableField,
  type RowFilterRow,
} from '@/portals/console/exchange-grant-fields';
import { defaultMask } from '@/portals/console/exchange-tags';

interface GrantForm {
  entryId?: string;
  method?: GrantMethod;
  consumerDepartmentId?: string;
  appId?: string;
  fields: string[];
  masks: Record<string, MaskType | undefined>;
  rowFilter: RowFilterRow[];
  purpose: string;
  validity: [Dayjs, Dayjs];
  callsPerDay?: number | null;
  callsPerSecond?: number | null;
}

/** Entries in force, shared: those a grant may give. */
const GRANTABLE = { status: 'published,change_review,retire_review', sharingType: 'unconditional,conditional', facets: 'false', limit: 20 };
const PURPOSE = GrantCreate.shape.purpose;
const PURPOSE_MIN = PURPOSE.minLength ?? 2;
const PURPOSE_MAX = PURPOSE.maxLength ?? 500;
const SCALAR_FIELDS = ['entryId', 'method', 'consumerDepartmentId', 'appId', 'purpose', 'callsPerDay', 'callsPerSecond'];

/** The request path a problem is about → the field of this form that shows it. */
function toField(path: FieldPath): FieldPath | null {
  const [head, second, third] = path;
  if (typeof head !== 'string') return null;
  if (SCALAR_FIELDS.includes(head)) return [head];
  if (head === 'validFrom' || head === 'validTo') return ['validity'];
  if (head === 'fields') return ['fields'];
  if (head === 'masks' && typeof second === 'string') return ['masks', second];
  if (head === 'rowFilter' && typeof second === 'number')
    return ['rowFilter', second, third === 'op' || third === 'value' ? third : 'field'];
  return null;
}

const initialValues = (): Partial<GrantForm> => ({
  fields: [],
  masks: {},
  rowFilter: [],
  validity: [dayjs().startOf('minute'), dayjs().startOf('day').add(1, 'year')],
});

/** 新建授权: gives a consumer department's application fields of a published resource, masked, filtered, with quotas. */
export function GrantFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<GrantForm>();
  const create = useCreateGrant();
  const problems = useFieldProblems(form, toField, 'exchangeConsole.reason.grantExists');
  const [q, setQ] = useState('');
  const [entry, setEntry] = useState<CatalogEntrySummary | null>(null);
  const method = Form.useWatch('method', form);
  const departmentId = Form.useWatch('consumerDepartmentId', form);
  const chosen = Form.useWatch('fields', form) ?? [];

  const search = useCatalogSearch({ ...GRANTABLE, q: q.trim() || undefined, sort: q.trim() ? 'relevance' : 'name' }, { enabled: open });
  const apis = useServedApis({ enabled: open && method === 'api' });
  const detail = useCatalogEntry(method && method !== 'api' ? entry?.id : undefined);
  const apps = useApps(departmentId, { enabled: open && !!departmentId });
  const api = apis.data?.find((a) => a.entryId === entry?.id);

  const fields: GrantableField[] = useMemo(() => {
    if (method === 'api')
      return (api?.fields ?? []).map((f) => ({
        name: f.name,
        label: f.label,
        sensitive: f.sensitive,
        defaultMask: defaultMask(f),
        numeric: f.type === 'int' || f.type === 'decimal',
      }));
    return (detail.data?.content.items ?? [])
      .filter((item) => item.nameEn)
      .map((item) => ({
        name: item.nameEn!.toLowerCase(),
        label: item.name,
        sensitive: item.sensitive ?? false,
        defaultMask: effectiveMask({ sensitive: item.sensitive ?? false, fieldDefault: null, grantMask: undefined }),
        numeric: item.dataType === 'int' || item.dataType === 'decimal',
      }));
  }, [method, api, detail.data]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setEntry(null);
    setQ('');
  }, [open, form]);

  const methods = (entry?.sharingMethods ?? []).filter((m): m is GrantMethod => (GrantMethod.options as string[]).includes(m));
  // The chosen entry stays an option while the user searches on, so the select keeps its label.
  const found = search.data?.items ?? [];
  const entryOptions = (entry && !found.some((e) => e.id === entry.id) ? [entry, ...found] : found).map((e) => ({
    value: e.id,
    label: `${e.name}（${e.departmentName}）`,
  }));

  const onValuesChange = (changed: Partial<GrantForm>) => {
    if ('entryId' in changed) {
      const next = search.data?.items.find((e) => e.id === changed.entryId) ?? null;
      setEntry(next);
      const available = (next?.sharingMethods ?? []).filter((m): m is GrantMethod => (GrantMethod.options as string[]).includes(m));
      form.setFieldsValue({ method: available.includes('api') ? 'api' : available[0], fields: [], masks: {}, rowFilter: [] });
    }
    if ('method' in changed) form.setFieldsValue({ fields: [], masks: {}, rowFilter: [] });
    if ('consumerDepartmentId' in changed) form.setFieldsValue({ appId: undefined });
  };

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const byName = new Map(fields.map((f) => [f.name, f]));
    const masks: Record<string, MaskType> = {};
    for (const f of values.fields) {
      const mask = values.masks?.[f];
      if (mask) masks[f] = mask;
    }
    const draft = {
      entryId: values.entryId,
      consumerDepartmentId: values.consumerDepartmentId,
      appId: values.appId ?? null,
      method: values.method,
      fields: values.fields,
      rowFilter: (values.rowFilter ?? []).map((row) => ({
        field: row.field,
        op: row.op,
        value: filterValue(row, byName.get(row.field ?? '')),
      })),
      masks,
      purpose: values.purpose.trim(),
      validFrom: values.validity[0].format(),
      validTo: values.validity[1].format(),
      callsPerDay: values.callsPerDay ?? null,
      callsPerSecond: values.callsPerSecond ?? null,
    };
    // The contracts' schema is the server's: what it refuses here, the server would refuse too.
    const parsed = GrantCreate.safeParse(draft);
    if (!parsed.success) return problems.show(fromShapeIssues(t, parsed.error.issues));
    try {
      await create.mutateAsync(parsed.data as GrantCreateInput);
      void message.success(t('exchangeConsole.grant.created'));
      onClose();
    } catch (error) {
      problems.onSaveError(error);
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <Modal
      open={open}
      title={t('exchangeConsole.grant.create')}
      onOk={onOk}
      onCancel={onClose}
      okText={t('exchangeConsole.grant.createOk')}
      confirmLoading={create.isPending}
      width={860}
      forceRender
      okButtonProps={{ 'data-testid': 'grant-submit' }}
    >
      <Form<GrantForm> form={form} layout="vertical" initialValues={initialValues()} onValuesChange={onValuesChange}>
        <Form.Item
          name="entryId"
          label={t('exchangeConsole.grant.entry')}
          rules={[required]}
          extra={entry ? `${entry.code} · ${entry.departmentName}` : undefined}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={search.isFetching}
            placeholder={t('exchangeConsole.grant.entryPlaceholder')}
            notFoundContent={t('exchangeConsole.grant.noEntries')}
            options={entryOptions}
            data-testid="grant-entry"
          />
        </Form.Item>
        <Form.Item name="method" label={t('exchangeConsole.grant.method')} rules={[required]}>
          <Radio.Group
            optionType="button"
            disabled={!entry}
            options={methods.map((m) => ({ value: m, label: codeLabel(t, 'sharingMethod', m) }))}
            data-testid="grant-method"
          />
        </Form.Item>
        <Form.Item name="consumerDepartmentId" label={t('exchangeConsole.grant.consumerDepartment')} rules={[required]}>
          <DepartmentTreeSelect placeholder={t('exchangeConsole.grant.consumerPlaceholder')} />
        </Form.Item>
        <Form.Item
          name="appId"
          label={t('exchangeConsole.grant.app')}
          rules={method === 'api' ? [required] : []}
          extra={method === 'api' ? t('exchangeConsole.grant.appHint') : t('exchangeConsole.grant.appOptional')}
        >
          <Select
            allowClear
            disabled={!departmentId}
            loading={apps.isFetching}
            notFoundContent={t('exchangeConsole.grant.noApps')}
            options={(apps.data ?? [])
              .filter((a) => a.status === 'active')
              .map((a) => ({ value: a.id, label: `${a.name}（${a.appKey}）` }))}
            data-testid="grant-app"
          />
        </Form.Item>
        <Divider titlePlacement="start">{t('exchangeConsole.grant.fieldsTitle')}</Divider>
        {method === 'api' && entry && !apis.isPending && !api && (
          <Alert type="warning" showIcon title={t('exchangeConsole.reason.noApi')} style={{ marginBottom: 16 }} />
        )}
        {!entry && <Typography.Paragraph type="secondary">{t('exchangeConsole.grant.entryFirst')}</Typography.Paragraph>}
        <Form.Item label={t('exchangeConsole.grant.fields')} required>
          <GrantFieldsPicker fields={fields} />
        </Form.Item>
        <Form.Item label={t('exchangeConsole.grant.masks')} extra={t('exchangeConsole.grant.masksHint')}>
          <GrantMasks fields={fields} chosen={chosen} />
        </Form.Item>
        <Form.Item label={t('exchangeConsole.grant.rowFilter')} extra={t('exchangeConsole.grant.rowFilterHint')}>
          <GrantRowFilter fields={fields} />
        </Form.Item>
        <Divider titlePlacement="start">{t('exchangeConsole.grant.termsTitle')}</Divider>
        <Form.Item
          name="purpose"
          label={t('exchangeConsole.grant.purpose')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { min: PURPOSE_MIN, message: t('validation.min', { min: PURPOSE_MIN }) },
            { max: PURPOSE_MAX, message: t('validation.max', { max: PURPOSE_MAX }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={PURPOSE_MAX} showCount data-testid="grant-purpose" />
        </Form.Item>
        <Form.Item name="validity" label={t('exchangeConsole.grant.validity')} rules={[required]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item
          name="callsPerDay"
          label={t('exchangeConsole.grant.callsPerDay')}
          extra={t('exchangeConsole.grant.unlimitedHint')}
          style={{ display: 'inline-block', marginRight: 24 }}
        >
          <InputNumber min={1} max={100_000_000} precision={0} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="callsPerSecond"
          label={t('exchangeConsole.grant.callsPerSecond')}
          extra={t('exchangeConsole.grant.unlimitedHint')}
          style={{ display: 'inline-block' }}
        >
          <InputNumber min={1} max={100_000} precision={0} style={{ width: 180 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
