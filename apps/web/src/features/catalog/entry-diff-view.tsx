import { Empty, Table, Tag, Typography } from 'antd';
import { errorText } from '@/components/api-error';
import { describeChanges, type ChangeRow } from '@/features/catalog/catalog-diff';
import { useEntryDiff } from '@/features/catalog/use-catalog';
import { useT } from '@/i18n/lang-provider';

const kindColor = { added: 'green', removed: 'red', changed: 'blue' } as const;

/** What changed between two versions of an entry (by default: the pending change against what is published). */
export function EntryDiffView({
  entryId,
  from,
  to,
  systemName,
}: {
  entryId: string;
  from?: string;
  to?: string;
  systemName?: (id: string) => string;
}) {
  const t = useT();
  const diff = useEntryDiff(entryId, { from, to });
  const rows = diff.data ? describeChanges(t, diff.data.changes, systemName) : [];

  return (
    <Table<ChangeRow>
      rowKey="key"
      size="small"
      data-testid="entry-diff"
      loading={diff.isPending}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{
        emptyText: (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={diff.error ? errorText(diff.error, t) : t('catalog.diff.none')} />
        ),
      }}
      columns={[
        {
          title: t('catalog.diff.field'),
          dataIndex: 'label',
          render: (label: string, row) => (
            <>
              <Tag color={kindColor[row.kind]}>{t(`catalog.diff.${row.kind}`)}</Tag>
              {label}
            </>
          ),
        },
        {
          title: t('catalog.diff.before'),
          dataIndex: 'before',
          render: (text: string) => (
            <Typography.Text delete={text !== '—'} type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
              {text}
            </Typography.Text>
          ),
        },
        {
          title: t('catalog.diff.after'),
          dataIndex: 'after',
          render: (text: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>,
        },
      ]}
    />
  );
}
