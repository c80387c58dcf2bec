import { useEffect, useState } from 'react';
import { Button, Card, Col, Empty, Flex, Input, Pagination, Row, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { codeLabel } from '@/features/catalog/catalog-labels';
import {
  emptySearchState,
  isFiltered,
  pageableTotal,
  readSearchState,
  toApiParams,
  toggleFilter,
  writeSearchState,
  type CatalogSearchState,
  type CatalogSort,
  type FacetName,
} from '@/features/catalog/catalog-query';
import type { CatalogEntrySummary } from '@/features/catalog/catalog-types';
import { HighlightText } from '@/features/catalog/highlight-text';
import { MountStatusTag } from '@/features/catalog/entry-status-tag';
import { useCatalogSearch } from '@/features/catalog/use-catalog';
import { useT } from '@/i18n/lang-provider';
import { CatalogFacets, facetValueLabel } from '@/portals/share/catalog-facets';

const sortChoices: CatalogSort[] = ['relevance', 'updated', 'applied'];

function ResultItem({ entry }: { entry: CatalogEntrySummary }) {
  const t = useT();
  return (
    <div role="listitem" className="sy-result" data-testid="catalog-result" data-entry-id={entry.id}>
      <Flex vertical gap={6} style={{ width: '100%' }}>
        <Flex justify="space-between" gap={12} wrap>
          <Link to={`/share/catalog/${entry.id}`} data-testid="catalog-result-link" style={{ fontSize: 16, fontWeight: 600 }}>
            <HighlightText pieces={entry.highlight?.name} text={entry.name} />
          </Link>
          <Typography.Text type="secondary">{entry.code}</Typography.Text>
        </Flex>
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
          <HighlightText pieces={entry.highlight?.summary} text={entry.summary} />
        </Typography.Paragraph>
        <Flex gap={4} wrap align="center">
          <Tag color="geekblue">{codeLabel(t, 'dataDomain', entry.domain)}</Tag>
          <Tag color="blue">{codeLabel(t, 'sharingType', entry.sharingType)}</Tag>
          <Tag color="green">{codeLabel(t, 'openType', entry.openType)}</Tag>
          <Tag>{codeLabel(t, 'updateCycle', entry.updateCycle)}</Tag>
          <Tag>{codeLabel(t, 'formatClass', entry.formatClass)}</Tag>
          <MountStatusTag status={entry.mountStatus} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {entry.departmentName} · {t('catalog.result.items', { count: entry.itemCount })} ·{' '}
            {t('catalog.result.applied', { count: entry.applyCount })} ·{' '}
            {t('catalog.result.updated', { time: formatDateTime(entry.updatedAt) })}
          </Typography.Text>
        </Flex>
      </Flex>
    </div>
  );
}

/** 资源目录 (一本账): search the shared catalog in Chinese full text, narrow it by facets, sort and page through it. */
export function CatalogSearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const state = readSearchState(params);
  const [text, setText] = useState(state.q);
  const result = useCatalogSearch(toApiParams(state, 'all'));

  // The box follows the URL when the user goes back or follows a link to another search.
  useEffect(() => setText(state.q), [state.q]);

  const go = (next: CatalogSearchState) => setParams(writeSearchState(next));
  const onToggle = (facet: FacetName, value: string) => go(toggleFilter(state, facet, value));
  const active = Object.entries(state.filters).flatMap(([facet, values]) =>
    (values ?? []).map((value) => {
      const bucket = result.data?.facets[facet]?.find((b) => b.value === value);
      return { facet: facet as FacetName, value, label: facetValueLabel(t, facet as FacetName, bucket ?? { value }) };
    }),
  );
  const items = result.data?.items ?? [];

  return (
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('catalog.search.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('catalog.search.intro')}</Typography.Paragraph>
        {/* A plain input rather than Input.Search, so the search box itself carries the test id. */}
        <Space.Compact style={{ width: '100%' }}>
          <Input
            size="large"
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('catalog.search.placeholder')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              // The clear button empties the box with a click: show the whole catalog again.
              if (e.type === 'click' && !e.target.value) go({ ...state, q: '', page: 1 });
            }}
            onPressEnter={() => go({ ...state, q: text.trim(), page: 1 })}
            maxLength={100}
            aria-label={t('catalog.search.title')}
            data-testid="catalog-search-input"
          />
          <Button size="large" type="primary" onClick={() => go({ ...state, q: text.trim(), page: 1 })} data-testid="catalog-search-button">
            {t('open.search.button')}
          </Button>
        </Space.Compact>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xl={6}>
          <CatalogFacets facets={result.data?.facets} state={state} onToggle={onToggle} />
        </Col>
        <Col xs={24} lg={17} xl={18}>
          <Card>
            <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 8 }}>
              <Typography.Text data-testid="catalog-total">{t('catalog.search.total', { total: result.data?.total ?? 0 })}</Typography.Text>
              <Space wrap>
                <Typography.Text type="secondary">{t('catalog.search.sort')}</Typography.Text>
                <Segmented<CatalogSort>
                  value={state.sort}
                  onChange={(sort) => go({ ...state, sort, page: 1 })}
                  options={sortChoices.map((value) => ({ value, label: t(`catalog.sort.${value}`) }))}
                  data-testid="catalog-sort"
                />
              </Space>
            </Flex>
            {active.length > 0 && (
              <Flex gap={4} wrap align="center" style={{ marginBottom: 8 }}>
                {active.map((filter) => (
                  <Tag key={`${filter.facet}:${filter.value}`} closable onClose={() => onToggle(filter.facet, filter.value)}>
                    {t(`catalog.facet.${filter.facet}`)}: {filter.label}
                  </Tag>
                ))}
                <Typography.Link onClick={() => go({ ...emptySearchState(state.sort), q: state.q })}>
                  {t('catalog.search.clearFilters')}
                </Typography.Link>
              </Flex>
            )}
            <Spin spinning={result.isFetching}>
              {items.length > 0 ? (
                <div role="list" data-testid="catalog-results">
                  {items.map((entry) => (
                    <ResultItem key={entry.id} entry={entry} />
                  ))}
                </div>
              ) : (
                !result.isPending && (
                  <Empty
                    style={{ padding: '32px 0' }}
                    description={
                      result.error
                        ? errorText(result.error, t)
                        : isFiltered(state)
                          ? t('catalog.search.noMatch')
                          : t('catalog.search.empty')
                    }
                  />
                )
              )}
            </Spin>
            {(result.data?.total ?? 0) > 0 && (
              <Flex justify="flex-end" style={{ marginTop: 16 }}>
                <Pagination
                  current={state.page}
                  pageSize={state.pageSize}
                  total={pageableTotal(result.data?.total ?? 0, state.pageSize)}
                  showSizeChanger
                  pageSizeOptions={[10, 20, 50, 100]}
                  onChange={(page, pageSize) => go({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize })}
                />
              </Flex>
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
