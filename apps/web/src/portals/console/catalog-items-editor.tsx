import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Select, Table, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { codeOptions } from '@/features/catalog/catalog-labels';
import { emptyItem } from '@/features/catalog/catalog-form-values';
import { catalogLimits as limits } from '@/features/catalog/catalog-limits';
import { useT } from '@/i18n/lang-provider';

/** English names as the server accepts them: letters, digits and underscores, not starting with a digit. */
const nameEnPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The data items (信息项) of the compile form: an editable table; rows can be added, removed and moved. */
export function CatalogItemsEditor({ problems }: { problems: string[] }) {
  const t = useT();
  const dataTypes = codeOptions(t, 'itemDataType');

  return (
    <Form.List
      name="items"
      rules={[
        {
          validator: async (_, items?: unknown[]) => {
            if (!items || items.length === 0) throw new Error(t('catalog.form.itemsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove, move }, { errors }) => (
        <Flex vertical gap={12}>
          {problems.length > 0 && <Alert type="error" showIcon title={problems.join('；')} />}
          <Table
            rowKey="key"
            size="small"
            data-testid="items-editor"
            dataSource={fields}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '#', key: 'index', width: 40, render: (_, field) => field.name + 1 },
              {
                title: t('catalog.item.name'),
                key: 'name',
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'name']}
                    style={{ margin: 0 }}
                    rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                  >
                    <Input maxLength={limits.itemNameMax} style={{ width: 160 }} placeholder={t('catalog.form.itemNamePlaceholder')} />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.item.nameEn'),
                key: 'nameEn',
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'nameEn']}
                    style={{ margin: 0 }}
                    rules={[{ pattern: nameEnPattern, message: t('catalog.form.nameEnPattern') }]}
                  >
                    <Input maxLength={limits.itemNameEnMax} style={{ width: 150 }} placeholder="id_card_no" />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.item.dataType'),
                key: 'dataType',
                render: (_, field) => (
                  <Form.Item
                    name={[field.name, 'dataType']}
                    style={{ margin: 0 }}
                    rules={[{ required: true, message: t('validation.required') }]}
                  >
                    <Select options={dataTypes} style={{ width: 120 }} />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.item.length'),
                key: 'length',
                render: (_, field) => (
                  <Form.Item name={[field.name, 'length']} style={{ margin: 0 }}>
                    <InputNumber min={1} max={limits.itemLengthMax} precision={0} style={{ width: 90 }} />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.item.precision'),
                key: 'precision',
                render: (_, field) => (
                  <Form.Item name={[field.name, 'precision']} style={{ margin: 0 }}>
                    <InputNumber min={0} max={limits.itemPrecisionMax} precision={0} style={{ width: 80 }} />
                  </Form.Item>
                ),
              },
              {
                title: t('catalog.item.description'),
                key: 'description',
                render: (_, field) => (
                  <Form.Item name={[field.name, 'description']} style={{ margin: 0 }}>
                    <Input maxLength={limits.itemDescriptionMax} style={{ width: 180 }} />
                  </Form.Item>
                ),
              },
              ...(['primaryKey', 'timestamp', 'sensitive'] as const).map((flag) => ({
                title: t(`catalog.item.${flag}`),
                key: flag,
                align: 'center' as const,
                render: (_: unknown, field: { name: number }) => (
                  <Form.Item name={[field.name, flag]} valuePropName="checked" style={{ margin: 0 }}>
                    <Checkbox aria-label={t(`catalog.item.${flag}`)} />
                  </Form.Item>
                ),
              })),
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_, field) => (
                  <Flex gap={2}>
                    <Tooltip title={t('catalog.form.moveUp')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowUpOutlined />}
                        disabled={field.name === 0}
                        onClick={() => move(field.name, field.name - 1)}
                        aria-label={t('catalog.form.moveUp')}
                      />
                    </Tooltip>
                    <Tooltip title={t('catalog.form.moveDown')}>
                      <Button
                        size="small"
                        type="text"
                        icon={<ArrowDownOutlined />}
                        disabled={field.name === fields.length - 1}
                        onClick={() => move(field.name, field.name + 1)}
                        aria-label={t('catalog.form.moveDown')}
                      />
                    </Tooltip>
                    <Tooltip title={t('catalog.form.removeItem')}>
                      <Button
                        size="small"
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        disabled={fields.length === 1}
                        onClick={() => remove(field.name)}
                        aria-label={t('catalog.form.removeItem')}
                        data-testid="items-remove"
                      />
                    </Tooltip>
                  </Flex>
                ),
              },
            ]}
          />
          <Form.ErrorList errors={errors} />
          <Flex justify="space-between" align="center" wrap gap={8}>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add(emptyItem())}
              disabled={fields.length >= limits.itemsMax}
              data-testid="items-add"
            >
              {t('catalog.form.addItem')}
            </Button>
            <Typography.Text type="secondary">
              {t('catalog.form.itemsHint', { count: fields.length, max: limits.itemsMax })}
            </Typography.Text>
          </Flex>
        </Flex>
      )}
    </Form.List>
  );
}
