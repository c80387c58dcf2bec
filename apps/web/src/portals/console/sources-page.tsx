import { useState } from 'react';
import { Button, Card, Empty, Flex, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import { useCan, useMe } from '@/features/identity/use-session';
import { sourceAddress } from '@/features/sources/source-form-values';
import { sourcePath } from '@/features/sources/source-paths';
import { LastTestTag, SourceTestResultView } from '@/features/sources/source-test-result';
import { sourceKinds, type DataSource, type SourceKind, type SourceTestResult } from '@/features/sources/source-types';
import { useDeleteSource, useSources, useTestSource, type SourceFilters } from '@/features/sources/use-sources';
import { useT } from '@/i18n/lang-provider';
import { SourceFormModal, type SourceFormTarget } from '@/portals/console/source-form-modal';

/** 数据源: the department's registered databases, files and APIs, their connection tests and schemas. */
export function SourcesPage() {
  const t = useT();
  const can = useCan();
  const { data: me } = useMe();
  const canManage = can(Permission.SourceManage);
  const showError = useShowError();
  const [filters, setFilters] = useState<SourceFilters>({});
  const sources = useSources(filters);
  const remove = useDeleteSource();
  const test = useTestSource();
  const [formTarget, setFormTarget] = useState<SourceFormTarget | null>(null);
  const [tested, setTested] = useState<{ source: DataSource; result: SourceTestResult } | null>(null);
  const filter = (next: Partial<SourceFilters>) => setFilters((current) => ({ ...current, ...next }));
  const filtered = Object.values(filters).some((value) => value);

  const runTest = (source: DataSource) =>
    test.mutate(source.id, { onSuccess: (result) => setTested({ source, result }), onError: showError });

  return (
    <Card
      title={t('console.menu.sources')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget({ mode: 'create', departmentId: me?.user.departmentId })}
            data-testid="source-create"
          >
            {t('source.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('source.searchPlaceholder')}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          style={{ width: 240 }}
          data-testid="source-search"
        />
        <DepartmentTreeSelect
          placeholder={t('user.filterDepartment')}
          value={filters.departmentId}
          onChange={(departmentId) => filter({ departmentId })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('source.filterKind')}
          value={filters.kind}
          onChange={(kind?: SourceKind) => filter({ kind })}
          options={sourceKinds.map((value) => ({ value, label: t(`source.kind.${value}`) }))}
          style={{ width: 180 }}
        />
      </Flex>
      <Table<DataSource>
        rowKey="id"
        size="middle"
        loading={sources.isFetching}
        dataSource={sources.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{
          emptyText: (
            <Empty
              description={
                sources.error
                  ? errorText(sources.error, t)
                  : filtered
                    ? t('source.noMatch')
                    : canManage
                      ? t('source.emptyManage')
                      : t('source.empty')
              }
            />
          ),
        }}
        columns={[
          {
            title: t('source.name'),
            dataIndex: 'name',
            render: (name: string, source) => (
              <Link to={sourcePath(source.id)} data-testid="source-link" data-source-id={source.id}>
                {name}
              </Link>
            ),
          },
          { title: t('source.kind'), dataIndex: 'kind', render: (kind: SourceKind) => <Tag>{t(`source.kind.${kind}`)}</Tag> },
          { title: t('source.department'), dataIndex: 'departmentName' },
          {
            title: t('source.address'),
            key: 'address',
            render: (_, source) => (
              <Typography.Text ellipsis style={{ maxWidth: 320 }} title={sourceAddress(source)}>
                {sourceAddress(source)}
              </Typography.Text>
            ),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: DataSource['status']) => (
              <Tag color={status === 'active' ? 'green' : 'default'}>{t(`source.status.${status}`)}</Tag>
            ),
          },
          { title: t('source.lastTest'), key: 'lastTest', render: (_, source) => <LastTestTag test={source.lastTest} /> },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, source: DataSource) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', source })}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => runTest(source)}
                        loading={test.isPending && test.variables === source.id}
                      >
                        {t('source.test')}
                      </Button>
                      <Popconfirm
                        title={t('source.deleteConfirm', { name: source.name })}
                        description={t('source.deleteWarning')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() => remove.mutateAsync(source.id).catch(showError)}
                      >
                        <Button type="link" size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <SourceFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <Modal
        open={tested !== null}
        title={t('source.testTitle', { name: tested?.source.name ?? '' })}
        onCancel={() => setTested(null)}
        footer={null}
      >
        {tested && <SourceTestResultView result={tested.result} showTime />}
      </Modal>
    </Card>
  );
}
