import type { HTMLAttributes } from 'react';
import { Empty, Table, Tag, Typography } from 'antd';
import { CheckOutlined, KeyOutlined } from '@ant-design/icons';
import { SourceErrorAlert } from '@/features/sources/source-test-result';
import type { SourceColumn, SourceTable } from '@/features/sources/source-types';
import { useSourceColumns, useSourceTables } from '@/features/sources/use-sources';
import { useT } from '@/i18n/lang-provider';

const tableKey = (table: SourceTable) => `${table.schema ?? ''}.${table.name}`;

/** Marks each table row for browser tests. */
function rowAttributes(table: SourceTable): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'source-table-row',
    'data-table': table.name,
  };
  return attributes;
}

/** A column's length, or precision and scale, as `18` or `12,2`. */
function sizeOf(column: SourceColumn): string {
  if (column.length !== null) return String(column.length);
  if (column.precision !== null) return column.scale ? `${column.precision},${column.scale}` : String(column.precision);
  return '—';
}

/** The columns of one table, read from the source when the row is opened. */
export function SourceColumnsTable({ sourceId, table }: { sourceId: string; table: SourceTable }) {
  const t = useT();
  const columns = useSourceColumns(sourceId, table);
  if (columns.error) return <SourceErrorAlert error={columns.error} />;
  return (
    <Table<SourceColumn>
      rowKey="name"
      size="small"
      loading={columns.isPending}
      dataSource={columns.data ?? []}
      pagination={false}
      data-testid="source-columns"
      data-table={table.name}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '#', dataIndex: 'position', width: 48 },
        {
          title: t('source.column.name'),
          dataIndex: 'name',
          render: (name: string, column) => (
            <span data-testid="source-column" data-column={name}>
              <Typography.Text code>{name}</Typography.Text>
              {column.primaryKey && (
                <KeyOutlined title={t('source.column.primaryKey')} style={{ color: '#faad14', marginInlineStart: 4 }} />
              )}
            </span>
          ),
        },
        { title: t('source.column.dataType'), dataIndex: 'dataType' },
        {
          title: t('source.column.normalizedType'),
          dataIndex: 'normalizedType',
          render: (type: SourceColumn['normalizedType']) => <Tag>{t(`source.type.${type}`)}</Tag>,
        },
        { title: t('source.column.length'), key: 'length', render: (_, column) => sizeOf(column) },
        {
          title: t('source.column.nullable'),
          dataIndex: 'nullable',
          render: (nullable: boolean) => (nullable ? <CheckOutlined aria-label={t('source.yes')} /> : '—'),
        },
        {
          title: t('source.column.primaryKey'),
          dataIndex: 'primaryKey',
          render: (primaryKey: boolean) => (primaryKey ? <CheckOutlined aria-label={t('source.yes')} /> : '—'),
        },
        { title: t('source.column.comment'), dataIndex: 'comment', render: (comment: string | null) => comment ?? '—' },
      ]}
    />
  );
}

/** The tables, views, API or file of a source; a row opens to its columns. */
export function SourceTables({ sourceId }: { sourceId: string }) {
  const t = useT();
  const tables = useSourceTables(sourceId);
  if (tables.error) return <SourceErrorAlert error={tables.error} />;
  return (
    <Table<SourceTable>
      rowKey={tableKey}
      size="middle"
      loading={tables.isFetching}
      dataSource={tables.data ?? []}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      locale={{ emptyText: <Empty description={t('source.noTables')} /> }}
      expandable={{ expandedRowRender: (table) => <SourceColumnsTable sourceId={sourceId} table={table} />, expandRowByClick: true }}
      onRow={rowAttributes}
      columns={[
        { title: t('source.table.schema'), dataIndex: 'schema', render: (schema: string | null) => schema ?? '—' },
        { title: t('source.table.name'), dataIndex: 'name', render: (name: string) => <Typography.Text code>{name}</Typography.Text> },
        {
          title: t('source.table.kind'),
          dataIndex: 'kind',
          render: (kind: SourceTable['kind']) => <Tag>{t(`source.table.kind.${kind}`)}</Tag>,
        },
        {
          title: t('source.table.estimatedRows'),
          dataIndex: 'estimatedRows',
          align: 'right',
          render: (rows: number | null) => (rows === null ? '—' : rows.toLocaleString()),
        },
        { title: t('source.table.comment'), dataIndex: 'comment', render: (comment: string | null) => comment ?? '—' },
      ]}
    />
  );
}
