import type { HTMLAttributes } from 'react';
import { Card, Empty, Flex, Table, Typography } from 'antd';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { useReturnedTables, type ReturnedTable } from '@/features/exchange/use-exchange-jobs';
import { useT } from '@/i18n/lang-provider';

function rowAttributes(table: ReturnedTable): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'returned-row',
    'data-flow-id': table.flowId,
    'data-store-table': table.storeTable,
    'data-rows': String(table.rows),
  };
  return attributes;
}

/** 回流接收: on a lower node, the tables the upper node's return flows filled, their rows and last arrival. */
export function ExchangeReturnsPage() {
  const t = useT();
  const tables = useReturnedTables();
  return (
    <Card title={t('console.menu.exchangeReturns')}>
      <Typography.Paragraph type="secondary">{t('exchangeReturns.intro')}</Typography.Paragraph>
      <Table<ReturnedTable>
        rowKey="id"
        size="middle"
        data-testid="returned-tables"
        loading={tables.isPending}
        dataSource={tables.data ?? []}
        onRow={rowAttributes}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{
          emptyText: (
            <Empty
              description={
                tables.error ? errorText(tables.error, t) : <span data-testid="returns-empty">{t('exchangeReturns.empty')}</span>
              }
            />
          ),
        }}
        columns={[
          { title: t('exchangeReturns.col.flow'), dataIndex: 'flowName' },
          {
            title: t('exchangeReturns.col.resource'),
            key: 'resource',
            render: (_, r) => (
              <Flex vertical gap={0} style={{ maxWidth: 240 }}>
                <span>{r.entryName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.resourceCode}
                </Typography.Text>
              </Flex>
            ),
          },
          { title: t('exchangeReturns.col.department'), dataIndex: 'departmentName' },
          { title: t('exchangeReturns.col.fromNode'), dataIndex: 'fromNode' },
          {
            title: t('exchangeReturns.col.storeTable'),
            dataIndex: 'storeTable',
            render: (table: string) => <Typography.Text code>{table}</Typography.Text>,
          },
          { title: t('exchangeReturns.col.regionPrefix'), dataIndex: 'regionPrefix' },
          {
            title: t('exchangeReturns.col.rows'),
            dataIndex: 'rows',
            align: 'right',
            sorter: (a, b) => a.rows - b.rows,
            render: (n: number) => n.toLocaleString(),
          },
          {
            title: t('exchangeReturns.col.lastReceivedAt'),
            dataIndex: 'lastReceivedAt',
            render: (at: string | null) => formatDateTime(at),
          },
        ]}
      />
    </Card>
  );
}
