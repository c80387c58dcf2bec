import type { HTMLAttributes } from 'react';
import { Alert, Flex, Select, Space, Table, Tag, Typography } from 'antd';
import { codeLabel } from '@/features/catalog/catalog-labels';
import type { CatalogItem } from '@/features/catalog/catalog-types';
import type { MountDiff, MountPreview } from '@/features/mounts/mount-types';
import { useT } from '@/i18n/lang-provider';

/** How one data item lines up: a column of a compatible type, a column of another type, or none. */
type ItemState = 'matched' | 'typeMismatch' | 'missing';

interface ItemRow {
  item: CatalogItem;
  state: ItemState;
  column: string | null;
  columnType: string | null;
  expected: string | null;
}

/** The colour of each state, also used by the summary tags. */
const stateColor: Record<ItemState | 'extra', string> = { matched: 'success', typeMismatch: 'warning', missing: 'error', extra: 'default' };

/** One row per data item, in the entry's order, with what the comparison found for it. */
function rowsOf(items: readonly CatalogItem[], diff: MountDiff): ItemRow[] {
  return items.map((item) => {
    const matched = diff.matched.find((m) => m.item === item.name);
    if (matched) return { item, state: 'matched', column: matched.column, columnType: matched.columnType, expected: null };
    const mismatch = diff.typeMismatch.find((m) => m.item === item.name);
    if (mismatch) return { item, state: 'typeMismatch', column: mismatch.column, columnType: mismatch.columnType, expected: null };
    const missing = diff.missing.find((m) => m.item === item.name);
    return { item, state: 'missing', column: null, columnType: null, expected: missing?.expected ?? item.nameEn ?? item.name };
  });
}

function rowAttributes(row: ItemRow): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'mount-diff-row',
    'data-item': row.item.name,
    'data-state': row.state,
  };
  return attributes;
}

/**
 * The comparison of an entry's data items with a resource's columns: matched (green), type mismatch
 * (orange), missing (red), and the resource's extra columns (grey, never shared). With `onMap`, an item
 * can be pointed at a column by hand.
 */
export function MountDiffView({
  items,
  diff,
  columns,
  columnMap = {},
  onMap,
}: {
  items: readonly CatalogItem[];
  diff: MountDiff;
  columns?: MountPreview['columns'];
  columnMap?: Record<string, string>;
  onMap?: (item: string, column: string | undefined) => void;
}) {
  const t = useT();
  const rows = rowsOf(items, diff);
  const options = (columns ?? []).map((c) => ({ value: c.name, label: `${c.name}（${c.dataType ?? c.normalizedType}）` }));
  const summary: { state: ItemState | 'extra'; count: number }[] = [
    { state: 'matched', count: diff.matched.length },
    { state: 'missing', count: diff.missing.length },
    { state: 'typeMismatch', count: diff.typeMismatch.length },
    { state: 'extra', count: diff.extra.length },
  ];

  return (
    <Flex vertical gap={12} data-testid="mount-diff" data-covers={String(diff.covers)}>
      <Space wrap>
        {summary.map(({ state, count }) => (
          <Tag key={state} color={stateColor[state]} data-testid={`mount-diff-count-${state}`}>
            {t(`mount.diff.${state}`)} {count}
          </Tag>
        ))}
      </Space>
      {diff.covers ? (
        <Alert type="success" showIcon title={t('mount.diff.covers')} />
      ) : (
        <Alert type="warning" showIcon title={t('mount.diff.notCovers')} description={onMap ? t('mount.diff.mapHint') : undefined} />
      )}
      {diff.missing.length > 0 && (
        <Flex wrap gap={4} align="center" data-testid="mount-diff-missing">
          <Typography.Text type="danger">{t('mount.diff.missingIntro')}</Typography.Text>
          {diff.missing.map((m) => (
            <Tag key={m.item} color="error" data-item={m.item}>
              {m.item}
              {m.expected !== m.item ? `（${m.expected}）` : ''}
            </Tag>
          ))}
        </Flex>
      )}
      <Table<ItemRow>
        rowKey={(row) => row.item.name}
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        onRow={rowAttributes}
        columns={[
          {
            title: t('mount.diff.item'),
            key: 'item',
            render: (_, row) => (
              <Space size={4}>
                <span>{row.item.name}</span>
                {row.item.nameEn && <Typography.Text type="secondary">{row.item.nameEn}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('mount.diff.itemType'), key: 'itemType', render: (_, row) => codeLabel(t, 'itemDataType', row.item.dataType) },
          {
            title: t('mount.diff.result'),
            key: 'state',
            render: (_, row) => <Tag color={stateColor[row.state]}>{t(`mount.diff.${row.state}`)}</Tag>,
          },
          {
            title: t('mount.diff.column'),
            key: 'column',
            render: (_, row) =>
              row.column ? (
                <Space size={4}>
                  <Typography.Text code>{row.column}</Typography.Text>
                  <Typography.Text type={row.state === 'typeMismatch' ? 'warning' : 'secondary'}>{row.columnType}</Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="danger">{t('mount.diff.expected', { name: row.expected ?? '' })}</Typography.Text>
              ),
          },
          ...(onMap
            ? [
                {
                  title: t('mount.diff.map'),
                  key: 'map',
                  render: (_: unknown, row: ItemRow) =>
                    row.state !== 'matched' || columnMap[row.item.name] ? (
                      <Select
                        allowClear
                        showSearch
                        size="small"
                        style={{ width: 220 }}
                        placeholder={t('mount.diff.mapPlaceholder')}
                        value={columnMap[row.item.name]}
                        options={options}
                        onChange={(column?: string) => onMap(row.item.name, column)}
                        data-testid="mount-map-select"
                        data-item={row.item.name}
                      />
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {diff.extra.length > 0 && (
        <Flex wrap gap={4} align="center" data-testid="mount-diff-extra">
          <Typography.Text type="secondary">{t('mount.diff.extraIntro')}</Typography.Text>
          {diff.extra.map((e) => (
            <Tag key={e.column}>
              {e.column} <Typography.Text type="secondary">{e.columnType}</Typography.Text>
            </Tag>
          ))}
        </Flex>
      )}
    </Flex>
  );
}
