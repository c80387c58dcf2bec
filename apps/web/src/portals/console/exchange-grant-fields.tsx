import { Button, Checkbox, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, LockOutlined, PlusOutlined } from '@ant-design/icons';
import { FilterOp, type MaskType } from '@shuyuan/contracts';
import { useT } from '@/i18n/lang-provider';
import { useMaskLabel, useMaskOptions } from '@/portals/console/exchange-tags';

/** A field a grant may give: the API's field (API grants) or the entry's data item (table and file exchange). */
export interface GrantableField {
  name: string;
  label: string;
  sensitive: boolean;
  /** What the gateway applies when the grant names no mask. */
  defaultMask: MaskType;
  numeric: boolean;
}

/** A row of the grant's row filter as the form holds it; `in` takes a comma-separated list. */
export interface RowFilterRow {
  field?: string;
  op: FilterOp;
  value?: string;
}

/** The fields to give, as checkboxes, with a select-all; `data-field` names each for tests. */
export function GrantFieldsPicker({ fields }: { fields: readonly GrantableField[] }) {
  const t = useT();
  const form = Form.useFormInstance();
  return (
    <Flex vertical gap={8}>
      <Form.Item
        name="fields"
        noStyle
        rules={[{ required: true, type: 'array', min: 1, message: t('exchangeConsole.grant.fieldsRequired') }]}
      >
        <Checkbox.Group data-testid="grant-fields" style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          {fields.map((f) => (
            <Checkbox key={f.name} value={f.name} data-field={f.name}>
              {f.label} <Typography.Text type="secondary">{f.name}</Typography.Text>
              {f.sensitive && <LockOutlined style={{ color: '#cf1322', marginInlineStart: 4 }} />}
            </Checkbox>
          ))}
        </Checkbox.Group>
      </Form.Item>
      {fields.length > 1 && (
        <Flex gap={8}>
          <Button
            size="small"
            onClick={() =>
              form.setFieldValue(
                'fields',
                fields.map((f) => f.name),
              )
            }
          >
            {t('exchangeConsole.grant.selectAll')}
          </Button>
          <Button size="small" onClick={() => form.setFieldValue('fields', [])}>
            {t('exchangeConsole.grant.selectNone')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/** A mask per chosen field: empty keeps the field's default, which the placeholder shows. */
export function GrantMasks({ fields, chosen }: { fields: readonly GrantableField[]; chosen: readonly string[] }) {
  const t = useT();
  const maskLabel = useMaskLabel();
  const options = useMaskOptions();
  const rows = fields.filter((f) => chosen.includes(f.name));
  if (rows.length === 0) return <Typography.Text type="secondary">{t('exchangeConsole.grant.masksFirst')}</Typography.Text>;
  return (
    <Table<GrantableField>
      rowKey="name"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="grant-masks"
      columns={[
        {
          title: t('exchangeConsole.field.name'),
          key: 'name',
          render: (_, f) => (
            <Flex gap={4} align="center">
              <span>{f.label}</span>
              <Typography.Text code>{f.name}</Typography.Text>
              {f.sensitive && <Tag color="red">{t('exchangeConsole.field.isSensitive')}</Tag>}
            </Flex>
          ),
        },
        {
          title: t('exchangeConsole.grant.mask'),
          key: 'mask',
          render: (_, f) => (
            <Form.Item name={['masks', f.name]} style={{ margin: 0 }}>
              <Select
                allowClear
                style={{ width: 240 }}
                options={options}
                placeholder={t('exchangeConsole.grant.maskDefault', { mask: maskLabel(f.defaultMask) })}
                data-testid={`grant-mask-${f.name}`}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** Optional row filter: rows that fail any condition never leave the gateway. */
export function GrantRowFilter({ fields }: { fields: readonly GrantableField[] }) {
  const t = useT();
  const required = { required: true, message: t('validation.required') };
  return (
    <Form.List name="rowFilter">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.map((row) => (
            <Flex key={row.key} gap={8} align="start" wrap>
              <Form.Item name={[row.name, 'field']} rules={[required]} style={{ margin: 0 }}>
                <Select
                  style={{ width: 200 }}
                  placeholder={t('exchangeConsole.grant.filterField')}
                  options={fields.map((f) => ({ value: f.name, label: `${f.label}（${f.name}）` }))}
                />
              </Form.Item>
              <Form.Item name={[row.name, 'op']} style={{ margin: 0 }}>
                <Select
                  style={{ width: 120 }}
                  options={FilterOp.options.map((op) => ({ value: op, label: t(`exchangeConsole.op.${op}`) }))}
                />
              </Form.Item>
              <Form.Item
                name={[row.name, 'value']}
                rules={[
                  { ...required, whitespace: true },
                  { max: 2000, message: t('validation.max', { max: 2000 }) },
                ]}
                style={{ margin: 0 }}
              >
                <Input style={{ width: 240 }} placeholder={t('exchangeConsole.grant.filterValue')} />
              </Form.Item>
              <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(row.name)} />
            </Flex>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ op: 'eq' })}
            style={{ alignSelf: 'flex-start' }}
            disabled={fields.length === 0}
          >
            {t('exchangeConsole.grant.addFilter')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** A filter row's value as the server takes it: a list for `in`, numbers for numeric fields. */
export function filterValue(row: RowFilterRow, field: GrantableField | undefined): string | number | (string | number)[] {
  const one = (text: string): string | number => (field?.numeric && text !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
  const text = (row.value ?? '').trim();
  if (row.op === 'in')
    return text
      .split(/[,，、\s]+/)
      .filter(Boolean)
      .map(one);
  return one(text);
}
