import { Button, Checkbox, Flex, Form, Input, Select, Table } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiFieldType, FilterOp, ParamFormat } from '@shuyuan/contracts';
import { useT } from '@/i18n/lang-provider';
import { useMaskOptions } from '@/portals/console/exchange-tags';

/** Wire names as the gateway accepts them (contracts' `apiName`): lower snake case, starting with a letter. */
export const API_NAME = /^[a-z][a-z0-9_]{0,62}$/;
/** Parameters may compare every way but `in` (a row filter's own). */
const PARAM_OPS = FilterOp.options.filter((op) => op !== 'in');

/** A field row of the declaration form. */
export interface FieldRow {
  name: string;
  column: string;
  label: string;
  type: ApiFieldType;
  sensitive: boolean;
  mask?: string | null;
}

/** A parameter row of the declaration form. */
export interface ParamRow {
  name: string;
  field: string;
  op: Exclude<FilterOp, 'in'>;
  format: ParamFormat;
  required: boolean;
  label: string;
}

const cell = { style: { margin: 0 } };

/** The API's fields: wire name, source column, label, type, sensitivity and default mask; rows can be added and removed. */
export function ApiFieldsEditor() {
  const t = useT();
  const maskOptions = useMaskOptions();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Form.List name="fields">
      {(rows, { add, remove }, { errors }) => (
        <Flex vertical gap={8}>
          <Table
            rowKey="key"
            size="small"
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('exchangeConsole.form.fieldsEmpty') }}
            data-testid="api-fields-editor"
            columns={[
              {
                title: t('exchangeConsole.field.name'),
                key: 'name',
                render: (_, row) => (
                  <Form.Item
                    {...cell}
                    name={[row.name, 'name']}
                    rules={[required, { pattern: API_NAME, message: t('exchangeConsole.form.namePattern') }]}
                  >
                    <Input style={{ width: 150 }} placeholder="id_number" />
                  </Form.Item>
                ),
              },
              {
                title: t('exchangeConsole.field.column'),
                key: 'column',
                render: (_, row) => (
                  <Form.Item {...cell} name={[row.name, 'column']} rules={[required]}>
                    <Input style={{ width: 150 }} maxLength={128} />
                  </Form.Item>
                ),
              },
              {
                title: t('exchangeConsole.field.label'),
                key: 'label',
                render: (_, row) => (
                  <Form.Item {...cell} name={[row.name, 'label']} rules={[required]}>
                    <Input style={{ width: 140 }} maxLength={100} />
                  </Form.Item>
                ),
              },
              {
                title: t('exchangeConsole.field.type'),
                key: 'type',
                render: (_, row) => (
                  <Form.Item {...cell} name={[row.name, 'type']}>
                    <Select
                      style={{ width: 110 }}
                      options={ApiFieldType.options.map((v) => ({ value: v, label: t(`exchangeConsole.fieldType.${v}`) }))}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t('exchangeConsole.field.sensitive'),
                key: 'sensitive',
                render: (_, row) => (
                  <Form.Item {...cell} name={[row.name, 'sensitive']} valuePropName="checked">
                    <Checkbox />
                  </Form.Item>
                ),
              },
              {
                title: t('exchangeConsole.field.defaultMask'),
                key: 'mask',
                render: (_, row) => (
                  <Form.Item {...cell} name={[row.name, 'mask']}>
                    <Select allowClear style={{ width: 190 }} options={maskOptions} placeholder={t('exchangeConsole.form.maskAuto')} />
                  </Form.Item>
                ),
              },
              {
                key: 'remove',
                render: (_, row) => (
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(row.name)} />
                ),
              },
            ]}
          />
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', column: '', label: '', type: 'text', sensitive: false, mask: null })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('exchangeConsole.form.addField')}
          </Button>
          <Form.ErrorList errors={errors} />
        </Flex>
      )}
    </Form.List>
  );
}

/** The API's query parameters: each filters one declared field with one comparison, its value checked by a format. */
export function ApiParamsEditor({ fieldNames }: { fieldNames: string[] }) {
  const t = useT();
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Form.List name="params">
      {(rows, { add, remove }) => (
        <Flex vertical gap={8}>
          {rows.length > 0 && (
            <Table
              rowKey="key"
              size="small"
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  title: t('exchangeConsole.param.name'),
                  key: 'name',
                  render: (_, row) => (
                    <Form.Item
                      {...cell}
                      name={[row.name, 'name']}
                      rules={[required, { pattern: API_NAME, message: t('exchangeConsole.form.namePattern') }]}
                    >
                      <Input style={{ width: 140 }} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('exchangeConsole.param.field'),
                  key: 'field',
                  render: (_, row) => (
                    <Form.Item {...cell} name={[row.name, 'field']} rules={[{ required: true, message: t('validation.required') }]}>
                      <Select style={{ width: 150 }} options={fieldNames.map((n) => ({ value: n, label: n }))} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('exchangeConsole.param.op'),
                  key: 'op',
                  render: (_, row) => (
                    <Form.Item {...cell} name={[row.name, 'op']}>
                      <Select
                        style={{ width: 110 }}
                        options={PARAM_OPS.map((op) => ({ value: op, label: t(`exchangeConsole.op.${op}`) }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('exchangeConsole.param.format'),
                  key: 'format',
                  render: (_, row) => (
                    <Form.Item {...cell} name={[row.name, 'format']}>
                      <Select
                        style={{ width: 140 }}
                        options={ParamFormat.options.map((f) => ({ value: f, label: t(`exchangeConsole.format.${f}`) }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('exchangeConsole.param.required'),
                  key: 'required',
                  render: (_, row) => (
                    <Form.Item {...cell} name={[row.name, 'required']} valuePropName="checked">
                      <Checkbox />
                    </Form.Item>
                  ),
                },
                {
                  title: t('exchangeConsole.param.label'),
                  key: 'label',
                  render: (_, row) => (
                    <Form.Item {...cell} name={[row.name, 'label']} rules={[required]}>
                      <Input style={{ width: 140 }} maxLength={100} />
                    </Form.Item>
                  ),
                },
                {
                  key: 'remove',
                  render: (_, row) => (
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(row.name)} />
                  ),
                },
              ]}
            />
          )}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ name: '', field: undefined, op: 'eq', format: 'text', required: false, label: '' })}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('exchangeConsole.form.addParam')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
