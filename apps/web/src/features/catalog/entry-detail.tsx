import type { ReactNode } from 'react';
import { Badge, Card, Descriptions, Flex, Tabs, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '@/components/format';
import { codeLabel } from '@/features/catalog/catalog-labels';
import type { CatalogEntry } from '@/features/catalog/catalog-types';
import { EntryContentView } from '@/features/catalog/entry-content-view';
import { EntryDiffView } from '@/features/catalog/entry-diff-view';
import { EntryItemsTable } from '@/features/catalog/entry-items-table';
import { EntryStatusTag, MountStatusTag } from '@/features/catalog/entry-status-tag';
import { EntrySystems } from '@/features/catalog/entry-systems';
import { EntryTimeline } from '@/features/catalog/entry-timeline';
import { EntryVersions } from '@/features/catalog/entry-versions';
import { useT } from '@/i18n/lang-provider';

/** The head of an entry page: name, status, classification tags, code, provider and dates, with the page's buttons. */
export function EntryHeader({ entry, extra }: { entry: CatalogEntry; extra?: ReactNode }) {
  const t = useT();
  return (
    <Card>
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="entry-name">
            {entry.name}
          </Typography.Title>
          <Flex gap={4} wrap>
            <EntryStatusTag status={entry.status} />
            {entry.hasPendingChange && entry.status === 'published' && <Tag color="orange">{t('catalog.pendingChange')}</Tag>}
            {entry.mirrored && (
              <Tooltip title={t('catalog.mirroredHint')}>
                <Tag color="purple">{t('catalog.mirrored', { region: entry.regionCode ?? '—' })}</Tag>
              </Tooltip>
            )}
            <MountStatusTag status={entry.mountStatus} />
            <Tag color="geekblue">{codeLabel(t, 'dataDomain', entry.domain)}</Tag>
            <Tag>{codeLabel(t, 'resourceAttribute', entry.resourceAttribute)}</Tag>
            <Tag color="blue">{codeLabel(t, 'sharingType', entry.sharingType)}</Tag>
            <Tag color="green">{codeLabel(t, 'openType', entry.openType)}</Tag>
          </Flex>
        </div>
        {extra && (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        )}
      </Flex>
      <Descriptions
        size="small"
        style={{ marginTop: 16 }}
        column={{ xs: 1, sm: 2, lg: 4 }}
        items={[
          { key: 'code', label: t('catalog.field.code'), children: <Typography.Text copyable>{entry.code}</Typography.Text> },
          { key: 'department', label: t('catalog.field.department'), children: entry.departmentName },
          { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(entry.updatedAt) },
          { key: 'published', label: t('catalog.field.publishedAt'), children: formatDateTime(entry.publishedAt) },
          { key: 'revision', label: t('common.version'), children: entry.revision > 0 ? `V${entry.revision}` : '—' },
          { key: 'items', label: t('catalog.field.itemCount'), children: entry.itemCount },
          { key: 'applied', label: t('catalog.field.applyCount'), children: entry.applyCount },
          { key: 'cycle', label: t('catalog.field.updateCycle'), children: codeLabel(t, 'updateCycle', entry.updateCycle) },
        ]}
      />
    </Card>
  );
}

/**
 * An entry's page body, shared by the sharing portal, the console and the review drawer: its content,
 * then tabs for the data items, related systems, versions, lifecycle and (for the department and
 * reviewers) the pending change.
 */
export function EntryDetail({
  entry,
  entryPath,
  extra,
  notices,
}: {
  entry: CatalogEntry;
  entryPath: (id: string) => string;
  extra?: ReactNode;
  notices?: ReactNode;
}) {
  const t = useT();
  return (
    <Flex vertical gap={16}>
      <EntryHeader entry={entry} extra={extra} />
      {notices}
      <EntryContentView content={entry.content} withItems={false} />
      <Card size="small">
        <Tabs
          defaultActiveKey={entry.pending ? 'pending' : 'items'}
          items={[
            {
              key: 'items',
              label: t('catalog.detail.itemsCount', { count: entry.content.items.length }),
              children: <EntryItemsTable items={entry.content.items} />,
            },
            ...(entry.pending
              ? [
                  {
                    key: 'pending',
                    label: <Badge dot>{t('catalog.detail.pending')}</Badge>,
                    children: (
                      <Flex vertical gap={12}>
                        <Typography.Text type="secondary">{t('catalog.detail.pendingHint')}</Typography.Text>
                        <EntryDiffView entryId={entry.id} from="current" to="pending" />
                      </Flex>
                    ),
                  },
                ]
              : []),
            {
              key: 'systems',
              label: t('catalog.detail.systems', { count: entry.systems.length }),
              children: <EntrySystems systems={entry.systems} entryPath={entryPath} />,
            },
            { key: 'versions', label: t('catalog.detail.versions'), children: <EntryVersions entryId={entry.id} /> },
            { key: 'timeline', label: t('catalog.detail.timeline'), children: <EntryTimeline entryId={entry.id} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
