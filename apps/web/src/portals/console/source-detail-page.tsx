import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { ApiOutlined, ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { LinkButton } from '@/components/link-button';
import { PageLoading } from '@/components/page-loading';
import { LoadFailedResult, NotFoundResult } from '@/components/status-results';
import { useCan } from '@/features/identity/use-session';
import { sourcesPath } from '@/features/sources/source-paths';
import { SourceTestResultView } from '@/features/sources/source-test-result';
import type { DataSource } from '@/features/sources/source-types';
import { useSource, useTestSource } from '@/features/sources/use-sources';
import { useT, type Translate } from '@/i18n/lang-provider';
import { SourceFormModal, type SourceFormTarget } from '@/portals/console/source-form-modal';
import { SourceTables } from '@/portals/console/source-tables';

/** A byte count as KB or MB. */
function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The connection settings of a source; secrets only as whether one is stored. */
function connectionItems(source: DataSource, t: Translate): DescriptionsProps['items'] {
  switch (source.kind) {
    case 'postgresql':
    case 'mysql': {
      const { host, port, database, user, schema } = source.connection;
      return [
        { key: 'host', label: t('source.host'), children: `${host}:${port}` },
        { key: 'database', label: t('source.database'), children: database },
        { key: 'user', label: t('source.user'), children: user },
        {
          key: 'password',
          label: t('source.password'),
          children: source.hasPassword ? <Tag color="green">{t('source.passwordSet')}</Tag> : <Tag>{t('source.passwordNone')}</Tag>,
        },
        ...(source.kind === 'postgresql' ? [{ key: 'schema', label: t('source.schema'), children: schema ?? t('source.schemaAll') }] : []),
      ];
    }
    case 'http_json':
      return [
        { key: 'url', label: t('source.url'), span: 2, children: <Typography.Text copyable>{source.connection.url}</Typography.Text> },
        { key: 'jsonPath', label: t('source.jsonPath'), children: source.connection.jsonPath ?? t('source.jsonPathTop') },
        {
          key: 'headers',
          label: t('source.headers'),
          children: source.connection.headerNames.length ? (
            <Flex wrap gap={4}>
              {source.connection.headerNames.map((name) => (
                <Tag key={name}>{`${name}: ${t('source.passwordSet')}`}</Tag>
              ))}
            </Flex>
          ) : (
            '—'
          ),
        },
      ];
    case 'file': {
      const file = source.connection;
      if (!file.fileName) return [{ key: 'file', label: t('source.file'), children: t('source.fileNone') }];
      return [
        {
          key: 'file',
          label: t('source.file'),
          children: `${file.fileName} (${file.format?.toUpperCase() ?? ''}, ${formatBytes(file.fileSize)})`,
        },
        { key: 'rows', label: t('source.fileRows'), children: file.rowCount?.toLocaleString() ?? '—' },
        { key: 'uploaded', label: t('source.fileUploadedAt'), children: formatDateTime(file.uploadedAt) },
        { key: 'sha256', label: 'SHA-256', children: <Typography.Text code>{file.sha256?.slice(0, 16)}…</Typography.Text> },
      ];
    }
  }
}

/** One data source: its connection (secrets write-only), a connection test, and its tables with their columns. */
export function SourceDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const can = useCan();
  const canManage = can(Permission.SourceManage);
  const showError = useShowError();
  const source = useSource(id);
  const test = useTestSource();
  const [formTarget, setFormTarget] = useState<SourceFormTarget | null>(null);

  if (source.isPending) return <PageLoading />;
  if (isApiError(source.error, { status: 404 })) return <NotFoundResult />;
  if (source.error || !source.data) return <LoadFailedResult message={errorText(source.error, t)} onRetry={() => void source.refetch()} />;
  const data = source.data;
  const lastTest = test.data ?? data.lastTest;

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <LinkButton to={sourcesPath} type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} />
            <span data-testid="source-title">{data.name}</span>
            <Tag>{t(`source.kind.${data.kind}`)}</Tag>
            <Tag color={data.status === 'active' ? 'green' : 'default'}>{t(`source.status.${data.status}`)}</Tag>
          </Space>
        }
        extra={
          canManage && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setFormTarget({ mode: 'edit', source: data })}>
                {t('common.edit')}
              </Button>
              <Button
                type="primary"
                icon={<ApiOutlined />}
                loading={test.isPending}
                onClick={() => test.mutate(data.id, { onError: showError })}
                data-testid="source-test-stored"
              >
                {t('source.test')}
              </Button>
            </Space>
          )
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          size="small"
          items={[
            { key: 'department', label: t('source.department'), children: data.departmentName },
            { key: 'updated', label: t('common.updatedAt'), children: formatDateTime(data.updatedAt) },
            ...(connectionItems(data, t) ?? []),
            ...(data.description ? [{ key: 'description', label: t('common.description'), span: 2, children: data.description }] : []),
          ]}
        />
        <div style={{ marginTop: 16 }}>
          {lastTest ? (
            <SourceTestResultView result={lastTest} showTime />
          ) : (
            <Typography.Text type="secondary">{t('source.test.neverHint')}</Typography.Text>
          )}
        </div>
      </Card>
      <Card title={t('source.tables')}>
        {data.kind === 'file' && !data.connection.fileName ? (
          <Empty description={t('source.fileNone')} />
        ) : (
          <SourceTables sourceId={data.id} />
        )}
      </Card>
      <SourceFormModal target={formTarget} onClose={() => setFormTarget(null)} />
    </Flex>
  );
}
