import { useEffect } from 'react';
import { Alert, App, AutoComplete, Button, Divider, Form, InputNumber, Modal, Radio, Select } from 'antd';
import { ExchangeApiInput, type ApiAccess, type ApiFieldType, type ItemDataType } from '@shuyuan/contracts';
import { fromShapeIssues, type FieldPath } from '@/features/catalog/catalog-problems';
import { useCatalogEntry, useCatalogSearch } from '@/features/catalog/use-catalog';
import { useCreateApi, type ExchangeApi, type ExchangeApiCreateInput } from '@/features/exchange/use-exchange-console';
import { useEntryMounts } from '@/features/mounts/use-mounts';
import { useSources } from '@/features/sources/use-sources';
import { useT } from '@/i18n/lang-provider';
import { ApiFieldsEditor, ApiParamsEditor, type FieldRow, type ParamRow } from '@/portals/console/exchange-api-editors';
import { useFieldProblems } from '@/portals/console/exchange-form-errors';

interface ApiForm {
  entryId?: string;
  access: ApiAccess;
  sourceId?: string;
  resourceName?: string;
  fields: FieldRow[];
  params: ParamRow[];
  keyField?: string;
  pageSizeMax: number;
  timeoutMs: number;
}

const SCALAR_FIELDS = ['entryId', 'access', 'sourceId', 'resourceName', 'keyField', 'pageSizeMax', 'timeoutMs'];
/** Entries in force: those the gateway may serve. */
const IN_FORCE = 'published,change_review,retire_review';
const ACCESS: ApiAccess[] = ['physical', 'logical', 'forward'];
/** The longest resource name the server takes (the contracts' schema). */
const RESOURCE_MAX = ExchangeApiInput.shape.resourceName.maxLength ?? 300;

/** The API field type a catalog item's data type is served as. */
const fieldTypeOf: Partial<Record<ItemDataType, ApiFieldType>> = {
  int: 'int',
  decimal: 'decimal',
  date: 'date',
  datetime: 'datetime',
  bool: 'bool',
};

/** The request path a problem is about → the field of this form that shows it. */
function toField(path: FieldPath): FieldPath | null {
  const [head, index, leaf] = path;
  if ((head === 'fields' || head === 'params') && typeof index === 'number' && typeof leaf === 'string') return [head, index, leaf];
  // The field list shows its own errors (columns missing from the table); the parameter list has none.
  if (head === 'fields') return ['fields'];
  if (head === 'params') return null;
  return typeof head === 'string' && SCALAR_FIELDS.includes(head) ? [head] : null;
}

/** Declares the gateway API of one of the department's published entries shared by API (共享方式: 接口). */
export function ApiFormModal({ open, existing, onClose }: { open: boolean; existing: readonly ExchangeApi[]; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApiForm>();
  const create = useCreateApi();
  const problems = useFieldProblems(form, toField, 'exchangeConsole.reason.apiExists');
  const entryId = Form.useWatch('entryId', form);
  const access = Form.useWatch('access', form) ?? 'physical';
  const sourceId = Form.useWatch('sourceId', form);
  const fieldRows = Form.useWatch('fields', form);
  const fieldNames = (fieldRows ?? []).map((f) => f?.name).filter((n): n is string => !!n);

  const search = useCatalogSearch({ scope: 'mine', status: IN_FORCE, facets: 'false', sort: 'name', limit: 200 }, { enabled: open });
  const declared = new Set(existing.map((a) => a.entryId));
  const entries = (search.data?.items ?? []).filter(
    (e) => e.sharingType !== 'none' && e.sharingMethods.includes('api') && !declared.has(e.id) && !e.mirrored,
  );
  const entry = useCatalogEntry(entryId);
  const mounts = useEntryMounts(access === 'logical' ? entryId : undefined);
  const sources = useSources({ departmentId: entry.data?.departmentId }, { enabled: open && !!entry.data && access !== 'physical' });
  const sourceOptions = (sources.data ?? [])
    .filter((s) => (access === 'forward' ? s.kind === 'http_json' : s.kind === 'postgresql' || s.kind === 'mysql'))
    .map((s) => ({ value: s.id, label: s.name }));
  const mounted = (mounts.data ?? []).filter((m) => m.status === 'mounted' && m.sourceId === sourceId);

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  /** Field rows from the entry's data items, each on the column its mount maps it to. */
  const fillFromItems = () => {
    const content = entry.data?.content;
    if (!content) return;
    const columnMap = mounted.find((m) => m.resourceName === form.getFieldValue('resourceName'))?.columnMap ?? {};
    const rows: FieldRow[] = content.items
      .filter((item) => item.nameEn)
      .map((item) => ({
        name: item.nameEn!.toLowerCase(),
        column: columnMap[item.name] ?? item.nameEn!,
        label: item.name,
        type: fieldTypeOf[item.dataType] ?? 'text',
        sensitive: item.sensitive ?? false,
        mask: null,
      }));
    const key = content.items.find((item) => item.primaryKey && item.nameEn);
    form.setFieldsValue({ fields: rows, keyField: key?.nameEn?.toLowerCase() ?? rows[0]?.name });
  };

  const onOk = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const draft = {
      entryId: values.entryId,
      access: values.access,
      sourceId: values.access === 'physical' ? null : (values.sourceId ?? null),
      resourceName: values.resourceName ?? '',
      fields: values.fields.map((f) => ({ ...f, mask: f.mask ?? null })),
      params: values.params,
      keyField: values.keyField ?? '',
      pageSizeMax: values.pageSizeMax,
      timeoutMs: values.timeoutMs,
    };
    // The contracts' schema is the server's: what it refuses here, the server would refuse too.
    const parsed = ExchangeApiInput.safeParse(draft);
    if (!parsed.success) return problems.show(fromShapeIssues(t, parsed.error.issues));
    try {
      await create.mutateAsync(parsed.data as ExchangeApiCreateInput);
      void message.success(t('exchangeConsole.api.created'));
      onClose();
    } catch (error) {
      problems.onSaveError(error);
    }
  };

  return (
    <Modal
      open={open}
      title={t('exchangeConsole.api.create')}
      onOk={onOk}
      onCancel={onClose}
      okText={t('exchangeConsole.api.createOk')}
      confirmLoading={create.isPending}
      width={1000}
      forceRender
      okButtonProps={{ 'data-testid': 'api-form-submit' }}
    >
      <Form<ApiForm>
        form={form}
        layout="vertical"
        initialValues={{ access: 'physical', fields: [], params: [], pageSizeMax: 100, timeoutMs: 5000 }}
      >
        <Form.Item
          name="entryId"
          label={t('exchangeConsole.api.entry')}
          extra={t('exchangeConsole.api.entryHint')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={search.isFetching}
            notFoundContent={t('exchangeConsole.api.noEntries')}
            options={entries.map((e) => ({ value: e.id, label: `${e.name}（${e.code}）` }))}
            data-testid="api-form-entry"
          />
        </Form.Item>
        <Form.Item name="access" label={t('exchangeConsole.api.access')} extra={t(`exchangeConsole.access.${access}Hint`)}>
          <Radio.Group optionType="button" options={ACCESS.map((a) => ({ value: a, label: t(`exchangeConsole.access.${a}`) }))} />
        </Form.Item>
        {access !== 'physical' && (
          <Form.Item
            name="sourceId"
            label={t('exchangeConsole.api.sourceSelect')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select options={sourceOptions} loading={sources.isFetching} notFoundContent={t('exchangeConsole.api.noSources')} />
          </Form.Item>
        )}
        <Form.Item
          name="resourceName"
          label={t(access === 'forward' ? 'exchangeConsole.api.forwardPath' : 'exchangeConsole.api.table')}
          extra={
            access === 'physical'
              ? t('exchangeConsole.api.storeHint')
              : access === 'logical'
                ? t('exchangeConsole.api.mountHint')
                : undefined
          }
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: RESOURCE_MAX, message: t('validation.max', { max: RESOURCE_MAX }) },
          ]}
        >
          <AutoComplete
            options={mounted.map((m) => ({ value: m.resourceName }))}
            placeholder={access === 'physical' ? 'store_<…>.<…>' : undefined}
          />
        </Form.Item>
        <Divider titlePlacement="start">{t('exchangeConsole.api.fieldsTitle')}</Divider>
        {entry.data && (
          <Button onClick={fillFromItems} style={{ marginBottom: 8 }} data-testid="api-form-fill">
            {t('exchangeConsole.form.fillFromItems', { count: entry.data.content.items.length })}
          </Button>
        )}
        <ApiFieldsEditor />
        <Form.Item
          name="keyField"
          label={t('exchangeConsole.api.keyField')}
          extra={t('exchangeConsole.api.keyFieldHint')}
          rules={[{ required: true, message: t('validation.required') }]}
          style={{ marginTop: 16 }}
        >
          <Select options={fieldNames.map((n) => ({ value: n, label: n }))} style={{ maxWidth: 300 }} />
        </Form.Item>
        <Divider titlePlacement="start">{t('exchangeConsole.api.paramsTitle')}</Divider>
        <ApiParamsEditor fieldNames={fieldNames} />
        <Divider />
        {fieldNames.length === 0 && (
          <Alert type="info" showIcon title={t('exchangeConsole.form.fieldsFirst')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="pageSizeMax" label={t('exchangeConsole.api.pageSizeMax')} style={{ display: 'inline-block', marginRight: 24 }}>
          <InputNumber min={1} max={1000} precision={0} />
        </Form.Item>
        <Form.Item name="timeoutMs" label={t('exchangeConsole.api.timeoutMs')} style={{ display: 'inline-block' }}>
          <InputNumber min={100} max={60_000} step={500} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
