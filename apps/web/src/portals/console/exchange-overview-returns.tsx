import type { HTMLAttributes } from 'react';
import { Card, Empty, Table } from 'antd';
import type { ExchangeOverview } from '@/features/exchange/use-exchange-console';
import { useT } from '@/i18n/lang-provider';

type ReturnVolume = ExchangeOverview['returns'][number];

function rowAttributes(r: ReturnVolume): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'overview-return-row',
    'data-node-id': r.nodeId,
    'data-rows': String(r.rows),
  };
  return attributes;
}

const count = (n: number) => n.toLocaleString();

/** 回流: the runs and rows of the return flows per lower node of the cascade, today's rows too. */
export function ReturnVolumesCard({ returns, loading }: { returns: readonly ReturnVolume[] | undefined; loading: boolean }) {
  const t = useT();
  return (
    <Card title={t('exchangeReturns.overview.title')} data-testid="overview-returns">
      <Table<ReturnVolume>
        rowKey="nodeId"
        size="small"
        loading={loading}
        dataSource={[...(returns ?? [])]}
        onRow={rowAttributes}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{ emptyText: <Empty description={t('exchangeReturns.overview.empty')} /> }}
        columns={[
          {
            title: t('exchangeReturns.overview.node'),
            dataIndex: 'nodeName',
            sorter: (a, b) => a.nodeName.localeCompare(b.nodeName, 'zh'),
          },
          { title: t('exchangeReturns.overview.regionCode'), dataIndex: 'regionCode' },
          { title: t('exchangeReturns.overview.runs'), dataIndex: 'runs', align: 'right', sorter: (a, b) => a.runs - b.runs },
          {
            title: t('exchangeReturns.overview.rows'),
            dataIndex: 'rows',
            align: 'right',
            render: count,
            sorter: (a, b) => a.rows - b.rows,
            defaultSortOrder: 'descend',
          },
          {
            title: t('exchangeReturns.overview.rowsToday'),
            dataIndex: 'rowsToday',
            align: 'right',
            render: count,
            sorter: (a, b) => a.rowsToday - b.rowsToday,
          },
        ]}
      />
    </Card>
  );
}
