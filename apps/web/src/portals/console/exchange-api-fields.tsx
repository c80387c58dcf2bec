import { Flex, Table, Tag, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { ExchangeApi, ExchangeApiField, ExchangeApiParam } from '@/features/exchange/use-exchange-console';
import { useT } from '@/i18n/lang-provider';
import { defaultMask, useMaskLabel } from '@/portals/console/exchange-tags';

/** An API's fields (name, column, type, sensitivity, default mask) and its query parameters. */
export function ApiFieldsView({ api }: { api: ExchangeApi }) {
  const t = useT();
  const maskLabel = useMaskLabel();
  return (
    <Flex vertical gap={16}>
      <Table<ExchangeApiField>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={api.fields}
        title={() => t('exchangeConsole.api.fields', { count: api.fields.length })}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('exchangeConsole.field.name'),
            dataIndex: 'name',
            render: (name: string) => (
              <Typography.Text code>
                {name}
                {name === api.keyField && ` · ${t('exchangeConsole.api.keyField')}`}
              </Typography.Text>
            ),
          },
          { title: t('exchangeConsole.field.label'), dataIndex: 'label' },
          {
            title: t('exchangeConsole.field.column'),
            dataIndex: 'column',
            render: (c: string) => <Typography.Text type="secondary">{c}</Typography.Text>,
          },
          {
            title: t('exchangeConsole.field.type'),
            dataIndex: 'type',
            render: (type: ExchangeApiField['type']) => t(`exchangeConsole.fieldType.${type}`),
          },
          {
            title: t('exchangeConsole.field.sensitive'),
            dataIndex: 'sensitive',
            render: (sensitive: boolean) =>
              sensitive ? (
                <Tag color="red" icon={<LockOutlined />}>
                  {t('exchangeConsole.field.isSensitive')}
                </Tag>
              ) : (
                '—'
              ),
          },
          {
            title: t('exchangeConsole.field.defaultMask'),
            key: 'mask',
            render: (_, field) => {
              const mask = defaultMask(field);
              return mask === 'none' ? (
                <Typography.Text type="secondary">{maskLabel(mask)}</Typography.Text>
              ) : (
                <Tag color="orange">{maskLabel(mask)}</Tag>
              );
            },
          },
        ]}
      />
      <Table<ExchangeApiParam>
        rowKey="name"
        size="small"
        pagination={false}
        dataSource={api.params}
        title={() => t('exchangeConsole.api.params', { count: api.params.length })}
        locale={{ emptyText: t('exchangeConsole.api.noParams') }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('exchangeConsole.param.name'),
            dataIndex: 'name',
            render: (name: string) => <Typography.Text code>{name}</Typography.Text>,
          },
          { title: t('exchangeConsole.param.label'), dataIndex: 'label' },
          { title: t('exchangeConsole.param.field'), dataIndex: 'field' },
          { title: t('exchangeConsole.param.op'), dataIndex: 'op', render: (op: ExchangeApiParam['op']) => t(`exchangeConsole.op.${op}`) },
          {
            title: t('exchangeConsole.param.format'),
            dataIndex: 'format',
            render: (f: ExchangeApiParam['format']) => t(`exchangeConsole.format.${f}`),
          },
          {
            title: t('exchangeConsole.param.required'),
            dataIndex: 'required',
            render: (required: boolean) => (required ? <Tag color="blue">{t('exchangeConsole.param.isRequired')}</Tag> : '—'),
          },
        ]}
      />
    </Flex>
  );
}
