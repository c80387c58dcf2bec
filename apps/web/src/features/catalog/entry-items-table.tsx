import { Table, Tag, Tooltip } from 'antd';
import { CheckOutlined, KeyOutlined, LockOutlined } from '@ant-design/icons';
import { codeLabel } from '@/features/catalog/catalog-labels';
import type { CatalogItem } from '@/features/catalog/catalog-types';
import { useT } from '@/i18n/lang-provider';

/** The data items (信息项) of an entry, read-only: names, types, keys, and which are sensitive. */
export function EntryItemsTable({ items }: { items: readonly CatalogItem[] }) {
  const t = useT();
  const flag = (on: boolean, icon = <CheckOutlined />) => (on ? icon : null);
  return (
    <Table<CatalogItem & { index: number }>
      rowKey="index"
      size="small"
      data-testid="entry-items"
      dataSource={items.map((item, index) => ({ ...item, index }))}
      pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '#', dataIndex: 'index', width: 48, render: (index: number) => index + 1 },
        {
          title: t('catalog.item.name'),
          dataIndex: 'name',
          render: (name: string, item) => (
            <span data-testid="entry-item-name">
              {name}
              {item.sensitive && (
                <Tooltip title={t('catalog.item.sensitiveHint')}>
                  <Tag color="red" icon={<LockOutlined />} style={{ marginInlineStart: 8 }}>
                    {t('catalog.item.sensitive')}
                  </Tag>
                </Tooltip>
              )}
            </span>
          ),
        },
        { title: t('catalog.item.nameEn'), dataIndex: 'nameEn', render: (v: string | null) => v || '—' },
        { title: t('catalog.item.dataType'), dataIndex: 'dataType', render: (v: string) => codeLabel(t, 'itemDataType', v) },
        { title: t('catalog.item.length'), dataIndex: 'length', render: (v: number | null) => v ?? '—' },
        { title: t('catalog.item.precision'), dataIndex: 'precision', render: (v: number | null) => v ?? '—' },
        { title: t('catalog.item.primaryKey'), dataIndex: 'primaryKey', align: 'center', render: (v: boolean) => flag(v, <KeyOutlined />) },
        { title: t('catalog.item.timestamp'), dataIndex: 'timestamp', align: 'center', render: (v: boolean) => flag(v) },
        { title: t('catalog.item.description'), dataIndex: 'description', render: (v: string | null) => v || '—' },
      ]}
    />
  );
}
