import type { ReactNode } from 'react';
import { Alert, Breadcrumb, Card, Descriptions, type DescriptionsProps, Empty, Flex, Space, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { PageLoading } from '@/components/page-loading';
import { LoadFailedResult, NotFoundResult } from '@/components/status-results';
import { useExchangeApi, useGrant, type ExchangeApi, type Grant } from '@/features/exchange/use-exchange';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { CallStatsPanel } from '@/portals/share/call-stats-panel';
import { GrantCredentialsTab } from '@/portals/share/grant-credentials-tab';
import { GrantDocsTab } from '@/portals/share/grant-docs-tab';
import { GrantFilesTab } from '@/portals/share/grant-files-tab';
import { GrantFieldTags, GrantStateTag, quotaText, validityText } from '@/portals/share/grant-tags';
import { TryItPanel } from '@/portals/share/try-it-panel';

type TabKey = 'files' | 'docs' | 'try' | 'stats' | 'credentials';

function GrantSummary({ grant, api }: { grant: Grant; api: ExchangeApi | undefined }) {
  const t = useT();
  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('shareGrant.resourceCode'),
      children: <Typography.Text code>{grant.resourceCode}</Typography.Text>,
    },
    { key: 'provider', label: t('shareGrant.provider'), children: grant.providerDepartmentName },
    { key: 'consumer', label: t('shareGrant.consumer'), children: grant.consumerDepartmentName },
    {
      key: 'app',
      label: t('shareGrant.app'),
      children: grant.appName ? (
        <Space size={8} wrap>
          <span>{grant.appName}</span>
          <Typography.Text code copyable={{ text: grant.appKey ?? '' }} data-testid="grant-app-key">
            {grant.appKey}
          </Typography.Text>
        </Space>
      ) : (
        '—'
      ),
    },
    { key: 'method', label: t('shareGrant.method'), children: t(`shareGrant.method.${grant.method}`) },
    { key: 'validity', label: t('shareGrant.validity'), children: validityText(grant, 'YYYY-MM-DD HH:mm') },
    { key: 'quota', label: t('shareGrant.quota'), children: quotaText(grant, t) },
    { key: 'created', label: t('common.createdAt'), children: formatDateTime(grant.createdAt) },
    { key: 'purpose', label: t('shareGrant.purpose'), span: 'filled', children: grant.purpose },
    { key: 'fields', label: t('shareGrant.fields'), span: 'filled', children: <GrantFieldTags grant={grant} api={api} /> },
    {
      key: 'rowFilter',
      label: t('shareGrant.rowFilter'),
      span: 'filled',
      children:
        grant.rowFilter.length === 0 ? (
          t('shareGrant.rowFilterNone')
        ) : (
          <Flex gap={4} wrap>
            {grant.rowFilter.map((c, i) => (
              <Tag key={i}>
                {c.field} {t(`shareGrant.op.${c.op}`)} {Array.isArray(c.value) ? c.value.join(', ') : String(c.value)}
              </Tag>
            ))}
          </Flex>
        ),
    },
    ...(grant.revokedAt
      ? [
          {
            key: 'revoked',
            label: t('shareGrant.revokedAt'),
            span: 'filled' as const,
            children: `${formatDateTime(grant.revokedAt)} ${grant.revokeReason ?? ''}`,
          },
        ]
      : []),
  ];
  return <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered items={items} />;
}

/**
 * A grant held by the user's department: its API's documentation, a signed try-it form, its calls and its app's
 * secrets; for a file grant, the files with their download links.
 */
export function GrantDetailPage() {
  const t = useT();
  const can = useCan();
  const { id } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const grant = useGrant(id);
  const apiId = grant.data?.method === 'api' ? grant.data.apiId : null;
  const api = useExchangeApi(apiId ?? null);

  if (grant.isPending) return <PageLoading />;
  if (isApiError(grant.error, { status: 404 })) return <NotFoundResult />;
  if (grant.error) return <LoadFailedResult message={errorText(grant.error, t)} onRetry={() => void grant.refetch()} />;

  const g = grant.data;
  const noApi = (
    <Empty
      description={g.method === 'api' ? t('shareGrant.noApi') : t('shareGrant.notApi', { method: t(`shareGrant.method.${g.method}`) })}
    />
  );
  const apiBody = (render: (a: ExchangeApi) => ReactNode) => {
    if (!apiId) return noApi;
    if (api.isPending) return <PageLoading />;
    if (api.error) return <LoadFailedResult message={errorText(api.error, t)} onRetry={() => void api.refetch()} />;
    return render(api.data);
  };
  // A file grant is fetched through download links, not the gateway: its files instead of the API's tabs.
  const available: TabKey[] = [
    ...(g.method === 'file' ? (['files'] as const) : (['docs', 'try'] as const)),
    ...(g.method !== 'file' && can(Permission.CallRead) ? (['stats'] as const) : []),
    ...(g.appId && can(Permission.AppRead) ? (['credentials'] as const) : []),
  ];
  const asked = searchParams.get('tab') as TabKey | null;
  const active: TabKey = asked && available.includes(asked) ? asked : available[0]!;

  return (
    <Flex vertical gap={16}>
      <Breadcrumb items={[{ title: <Link to="/share/grants">{t('share.nav.grants')}</Link> }, { title: g.entryName }]} />
      <Card
        title={
          <Space>
            <span data-testid="grant-title">{g.entryName}</span>
            <GrantStateTag state={g.state} />
          </Space>
        }
      >
        {g.state !== 'active' && (
          <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(`shareGrant.stateHint.${g.state}`)} />
        )}
        <GrantSummary grant={g} api={api.data} />
      </Card>
      <Card size="small">
        <Tabs
          activeKey={active}
          onChange={(key) => setSearchParams({ tab: key }, { replace: true })}
          destroyOnHidden={false}
          items={available.map((key) => ({
            key,
            label: <span data-testid={`grant-tab-${key}`}>{t(`shareGrant.tab.${key}`)}</span>,
            children:
              key === 'files' ? (
                <GrantFilesTab grant={g} />
              ) : key === 'docs' ? (
                apiBody((a) => <GrantDocsTab grant={g} api={a} />)
              ) : key === 'try' ? (
                apiBody((a) => <TryItPanel grant={g} api={a} />)
              ) : key === 'stats' ? (
                <CallStatsPanel grant={g} />
              ) : (
                <GrantCredentialsTab appId={g.appId!} />
              ),
          }))}
        />
      </Card>
    </Flex>
  );
}
