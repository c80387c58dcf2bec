import type { ReactNode } from 'react';
import { Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import type { CatalogCodeList } from '@shuyuan/contracts';
import { codeLabel } from '@/features/catalog/catalog-labels';
import type { CatalogContent } from '@/features/catalog/catalog-types';
import { EntryItemsTable } from '@/features/catalog/entry-items-table';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

/** Who provides the entry and under which code; absent for a version or a change that only has content. */
export interface EntryMeta {
  code: string;
  departmentName: string;
}

const pre = (text: string | null | undefined) =>
  text ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{text}</Typography.Paragraph> : '—';

/** Basic information (every classification field with its label) and the sharing and open attributes of some content. */
export function EntryContentView({ content, meta, withItems = true }: { content: CatalogContent; meta?: EntryMeta; withItems?: boolean }) {
  const t = useT();
  const code = (list: CatalogCodeList, value: string | null | undefined) => codeLabel(t, list, value);
  const item = (key: string, label: MessageKey, children: ReactNode, span?: 'filled') => ({ key, label: t(label), children, span });

  const basics = [
    ...(meta
      ? [
          item('code', 'catalog.field.code', <Typography.Text copyable>{meta.code}</Typography.Text>),
          item('department', 'catalog.field.department', meta.departmentName),
        ]
      : []),
    item('name', 'catalog.field.name', content.name),
    item('resourceAttribute', 'catalog.field.resourceAttribute', code('resourceAttribute', content.resourceAttribute)),
    item('domain', 'catalog.field.domain', code('dataDomain', content.domain)),
    item('classification', 'catalog.field.classification', `${content.classItem} · ${content.classTopic}`),
    item('dataLevel', 'catalog.field.dataLevel', code('dataLevel', content.dataLevel)),
    item('areaRange', 'catalog.field.areaRange', code('areaRange', content.areaRange)),
    item('processingDegree', 'catalog.field.processingDegree', code('processingDegree', content.processingDegree)),
    item('scenario', 'catalog.field.scenario', code('scenario', content.scenario)),
    item('channel', 'catalog.field.channel', code('channel', content.channel)),
    item('format', 'catalog.field.format', `${code('formatClass', content.formatClass)} · ${content.formatType}`),
    item('eLicence', 'catalog.field.eLicence', content.eLicence ? t('catalog.yes') : t('catalog.no')),
    item(
      'timeRange',
      'catalog.field.timeRange',
      content.timeRangeFrom || content.timeRangeTo ? `${content.timeRangeFrom ?? '…'} ~ ${content.timeRangeTo ?? '…'}` : '—',
    ),
    item(
      'tags',
      'catalog.field.tags',
      content.tags.length > 0 ? (
        <Space size={[4, 4]} wrap>
          {content.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </Space>
      ) : (
        '—'
      ),
    ),
    item(
      'relatedCodes',
      'catalog.field.relatedCodes',
      content.relatedCodes.length > 0 ? content.relatedCodes.join(t('catalog.listSeparator')) : '—',
    ),
    item('summary', 'catalog.field.summary', pre(content.summary), 'filled'),
  ];

  const sharing = [
    item(
      'sharingType',
      'catalog.field.sharingType',
      <Tag color={content.sharingType === 'none' ? 'default' : 'blue'}>{code('sharingType', content.sharingType)}</Tag>,
    ),
    item(
      'sharingMethods',
      'catalog.field.sharingMethods',
      content.sharingMethods.length > 0
        ? content.sharingMethods.map((m) => code('sharingMethod', m)).join(t('catalog.listSeparator'))
        : '—',
    ),
    item(
      'sharingCondition',
      content.sharingType === 'none' ? 'catalog.field.sharingBasis' : 'catalog.field.sharingCondition',
      pre(content.sharingCondition),
      'filled',
    ),
    item(
      'openType',
      'catalog.field.openType',
      <Tag color={content.openType === 'none' ? 'default' : 'green'}>{code('openType', content.openType)}</Tag>,
    ),
    item('openCondition', 'catalog.field.openCondition', pre(content.openCondition), 'filled'),
    item(
      'updateCycle',
      'catalog.field.updateCycle',
      content.updateCycleNote
        ? `${code('updateCycle', content.updateCycle)}（${content.updateCycleNote}）`
        : code('updateCycle', content.updateCycle),
      'filled',
    ),
  ];

  return (
    <Flex vertical gap={16}>
      <Card title={t('catalog.detail.basics')} size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={basics} data-testid="entry-basics" />
      </Card>
      <Card title={t('catalog.detail.sharing')} size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} items={sharing} />
      </Card>
      {withItems && (
        <Card title={t('catalog.detail.itemsCount', { count: content.items.length })} size="small">
          <EntryItemsTable items={content.items} />
        </Card>
      )}
    </Flex>
  );
}
