import { useEffect, useState } from 'react';
import { Button, Card, Empty, Flex, Input, Select, Table, Tag } from 'antd';
import { DownloadOutlined, ExportOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { LinkButton } from '@/components/link-button';
import { codeLabel, codeOptions } from '@/features/catalog/catalog-labels';
import {
  isFiltered,
  pageableTotal,
  readSearchState,
  toApiParams,
  writeSearchState,
  type CatalogSearchState,
  type FacetName,
} from '@/features/catalog/catalog-query';
import type { CatalogEntrySummary } from '@/features/catalog/catalog-types';
import { EntryStatusTag, MountStatusTag } from '@/features/catalog/entry-status-tag';
import { exportUrl, templateUrl } from '@/features/catalog/use-catalog-import';
import { useCatalogSearch } from '@/features/catalog/use-catalog';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { consoleEntryPath, EntryRowActions, useEntryActionRunner } from '@/portals/console/catalog-entry-actions';

/** 本部门目录: the department's own entries in every status, with filters and the actions each allows. */
export function CatalogMinePage() {
  const t = useT();
  const can = useCan();
  const canCompile = can(Permission.CatalogCompile);
  const [params, setParams] = useSearchParams();
  const state = readSearchState(params, 'updated');
  const [text, setText] = useState(state.q);
  const result = useCatalogSearch(toApiParams(state, 'mine'));
  const { run, modals } = useEntryActionRunner();

  useEffect(() => setText(state.q), [state.q]);

  const go = (next: CatalogSearchState) => setParams(writeSearchState(next, 'updated'));
  const filter = (facet: FacetName, values: string[]) => go({ ...state, filters: { ...state.filters, [facet]: values }, page: 1 });
  const counts = (facet: FacetName) => new Map((result.data?.facets[facet] ?? []).map((b) => [b.value, b.count]));
  const statusCounts = counts('status');
  const domainCounts = counts('domain');
  const withCount = (label: string, count: number | undefined) => (count === undefined ? label : `${label} (${count})`);

  return (
    <Card
      title={t('console.menu.catalogMine')}
      extra={
        <Flex gap={8} wrap>
          {canCompile && (
            <Button href={templateUrl()} icon={<DownloadOutlined />} data-testid="catalog-template-download">
              {t('catalog.import.template')}
            </Button>
          )}
          {canCompile && (
            <LinkButton to="/console/catalog/import" icon={<UploadOutlined />} data-testid="catalog-import-open">
              {t('catalog.import.open')}
            </LinkButton>
          )}
          {can(Permission.CatalogRead) && (
            <Button href={exportUrl(toApiParams(state, 'mine'))} icon={<ExportOutlined />} data-testid="catalog-export">
              {t('catalog.import.export')}
            </Button>
          )}
          {canCompile && (
            <LinkButton to="/console/catalog/new" type="primary" icon={<PlusOutlined />} data-testid="catalog-create">
              {t('catalog.mine.create')}
            </LinkButton>
          )}
        </Flex>
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('catalog.mine.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(q) => go({ ...state, q: q.trim(), page: 1 })}
          style={{ width: 260 }}
          data-testid="catalog-mine-search"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('catalog.mine.filterStatus')}
          value={state.filters.status ?? []}
          onChange={(values: string[]) => filter('status', values)}
          options={codeOptions(t, 'entryStatus').map((o) => ({ ...o, label: withCount(o.label, statusCounts.get(o.value)) }))}
          style={{ minWidth: 220 }}
          data-testid="catalog-mine-status"
        />
        <Select
          mode="multiple"
          allowClear
          placeholder={t('catalog.mine.filterDomain')}
          value={state.filters.domain ?? []}
          onChange={(values: string[]) => filter('domain', values)}
          options={codeOptions(t, 'dataDomain').map((o) => ({ ...o, label: withCount(o.label, domainCounts.get(o.value)) }))}
          optionFilterProp="label"
          style={{ minWidth: 220 }}
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
            <Empty
              description={
                isFiltered(state) ? t('catalog.mine.noMatch') : canCompile ? t('catalog.mine.emptyCompile') : t('catalog.mine.empty')
              }
            />
          ),
        }}
        columns={[
          { title: t('catalog.field.code'), dataIndex: 'code' },
          {
            title: t('catalog.field.name'),
            dataIndex: 'name',
            render: (name: string, entry) => (
              <Link to={consoleEntryPath(entry.id)} data-testid="catalog-mine-row" data-entry-id={entry.id}>
                {name}
              </Link>
            ),
          },
          { title: t('catalog.field.department'), dataIndex: 'departmentName' },
          {
            title: t('common.status'),
            key: 'status',
            render: (_, entry) => (
              <Flex gap={4} wrap>
                <EntryStatusTag status={entry.status} />
                {entry.hasPendingChange && entry.status === 'published' && <Tag color="orange">{t('catalog.pendingChange')}</Tag>}
              </Flex>
            ),
          },
          { title: t('catalog.field.domain'), dataIndex: 'domain', render: (v: string) => codeLabel(t, 'dataDomain', v) },
          { title: t('catalog.field.mountStatus'), dataIndex: 'mountStatus', render: (v: string) => <MountStatusTag status={v} /> },
          { title: t('catalog.field.itemCount'), dataIndex: 'itemCount' },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
          { title: t('common.actions'), key: 'actions', render: (_, entry) => <EntryRowActions id={entry.id} onRun={run} /> },
        ]}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: pageableTotal(result.data?.total ?? 0, state.pageSize),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: () => t('common.total', { total: result.data?.total ?? 0 }),
          onChange: (page, pageSize) => go({ ...state, page: pageSize === state.pageSize ? page : 1, pageSize }),
        }}
      />
      {modals}
    </Card>
  );
}
