import { useEffect, useState } from 'react';
import { Button, Card, Empty, Flex, Input, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { pageableTotal, readSearchState, toApiParams, writeSearchState, type CatalogSearchState } from '@/features/catalog/catalog-query';
import type { CatalogEntrySummary } from '@/features/catalog/catalog-types';
import { useCatalogSearch } from '@/features/catalog/use-catalog';
import { useT } from '@/i18n/lang-provider';
import { CatalogReviewDrawer, reviewKindLabel } from '@/portals/console/catalog-review-drawer';

const kinds = ['submitted', 'change_review', 'retire_review'] as const;
const kindColor: Record<string, string> = { submitted: 'processing', change_review: 'warning', retire_review: 'orange' };

/**
 * 目录审核: what waits for the bureau's decision (new entries, changes, retirements), searchable and
 * filtered by kind and department; a review opens in a drawer (`?open=<id>` links straight to it).
 */
export function CatalogReviewPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const state = readSearchState(params, 'updated');
  const openId = params.get('open');
  const [text, setText] = useState(state.q);
  const result = useCatalogSearch(toApiParams(state, 'review'));

  useEffect(() => setText(state.q), [state.q]);

  const go = (next: CatalogSearchState, open: string | null = openId) => {
    const search = writeSearchState(next, 'updated');
    if (open) search.set('open', open);
    setParams(search);
  };
  const kindCounts = new Map((result.data?.facets.status ?? []).map((b) => [b.value, b.count]));
  const kindTotal = [...kindCounts.values()].reduce((sum, n) => sum + n, 0);
  const departments = result.data?.facets.department ?? [];
  const kind = state.filters.status?.[0] ?? 'all';

  return (
    <Card title={t('console.menu.catalogReview')}>
      <Typography.Paragraph type="secondary">{t('catalog.review.intro')}</Typography.Paragraph>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Segmented<string>
          value={kind}
          onChange={(value) => go({ ...state, filters: { ...state.filters, status: value === 'all' ? [] : [value] }, page: 1 })}
          options={[
            { value: 'all', label: `${t('catalog.review.all')} (${kindTotal})` },
            ...kinds.map((value) => ({ value, label: `${t(reviewKindLabel[value]!)} (${kindCounts.get(value) ?? 0})` })),
          ]}
        />
        <Input.Search
          allowClear
          placeholder={t('catalog.mine.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => go({ ...state, q: q.trim(), page: 1 })}
          style={{ width: 260 }}
          data-testid="catalog-review-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('catalog.review.filterDepartment')}
          value={state.filters.department ?? []}
          onChange={(values: string[]) => go({ ...state, filters: { ...state.filters, department: values }, page: 1 })}
          options={departments.map((b) => ({ value: b.value, label: `${b.label ?? b.value} (${b.count})` }))}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 240 }}
        />
      </Flex>
      <Table<CatalogEntrySummary>
        rowKey="id"
        size="middle"
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: result.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(result.error, t)} />
          ) : (
            <Empty description={t('catalog.review.empty')} />
          ),
        }}
        columns={[
          {
            title: t('catalog.review.kind'),
            dataIndex: 'status',
            render: (status: string) => (
              <Tag color={kindColor[status]}>{t(reviewKindLabel[status] ?? 'catalog.review.kind.submitted')}</Tag>
            ),
          },
          {
            title: t('catalog.field.name'),
            dataIndex: 'name',
            render: (name: string, entry) => (
              <Button
                type="link"
                style={{ paddingInline: 0 }}
                onClick={() => go(state, entry.id)}
                data-testid="catalog-review-row"
                data-entry-id={entry.id}
              >
                {name}
              </Button>
            ),
          },
          { title: t('catalog.field.code'), dataIndex: 'code' },
          { title: t('catalog.field.department'), dataIndex: 'departmentName' },
          // The list carries no submission time (the drawer shows it); its last change is when it entered review.
          { title: t('catalog.review.lastChange'), dataIndex: 'updatedAt', render: formatDateTime },
          {
            title: t('catalog.review.dueDate'),
            key: 'due',
            render: (_, entry) => (
              <Flex gap={4} align="center" data-testid="review-row-due">
                {entry.reviewDue ?? '—'}
                {entry.reviewOverdue && <Tag color="red">{t('catalog.review.overdue')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, entry) => (
              <Button size="small" type="primary" ghost onClick={() => go(state, entry.id)}>
                {t('catalog.action.review')}
              </Button>
            ),
          },
        ]}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: pageableTotal(result.data?.total ?? 0, state.pageSize),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (page, pageSize) => go({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize }),
        }}
      />
      <CatalogReviewDrawer entryId={openId} onClose={() => go(state, null)} />
    </Card>
  );
}
