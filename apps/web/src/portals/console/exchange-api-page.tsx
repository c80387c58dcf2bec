import { Card, Descriptions, Flex, Space, Tabs, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { isApiError } from '@/api/client';
import { errorText } from '@/components/api-error';
import { LinkButton } from '@/components/link-button';
import { PageLoading } from '@/components/page-loading';
import { LoadFailedResult, NotFoundResult } from '@/components/status-results';
import { useExchangeApi, useGrants } from '@/features/exchange/use-exchange-console';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { ApiFieldsView } from '@/portals/console/exchange-api-fields';
import { CallLog } from '@/portals/console/exchange-call-log';
import { CallStatsView } from '@/portals/console/exchange-call-stats';
import { GrantTable } from '@/portals/console/exchange-grant-table';
import { AccessTag, ServedTag } from '@/portals/console/exchange-tags';

/** Who uses the API: the grants its department gives on the entry. */
function ApiConsumers({ entryId }: { entryId: string }) {
  const t = useT();
  const grants = useGrants({ role: 'provider', entryId });
  return (
    <GrantTable
      grants={grants.data ?? []}
      loading={grants.isFetching}
      empty={grants.error ? errorText(grants.error, t) : t('exchangeConsole.api.noConsumers')}
    />
  );
}

/** One API: its declaration, who uses it (使用方), its call log (调用日志) and statistics (统计). */
export function ExchangeApiPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const api = useExchangeApi(id);

  if (api.isPending) return <PageLoading />;
  if (isApiError(api.error, { status: 404 })) return <NotFoundResult />;
  if (api.error || !api.data) return <LoadFailedResult message={errorText(api.error, t)} onRetry={() => void api.refetch()} />;
  const a = api.data;
  const canCalls = can(Permission.CallRead);
  const canGrants = can(Permission.GrantRead);

  return (
    <Flex vertical gap={16}>
      <Card
        title={
          <Space>
            <LinkButton to="/console/exchange/apis" type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} />
            <span data-testid="api-title">{a.entryName}</span>
            <ServedTag served={a.served} status={a.status} />
          </Space>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            { key: 'code', label: t('exchangeConsole.api.resourceCode'), children: a.resourceCode },
            {
              key: 'path',
              label: t('exchangeConsole.api.gatewayPath'),
              children: (
                <Typography.Text code copyable>
                  {a.gatewayPath}
                </Typography.Text>
              ),
            },
            { key: 'department', label: t('exchangeConsole.api.department'), children: a.departmentName },
            { key: 'access', label: t('exchangeConsole.api.access'), children: <AccessTag access={a.access} /> },
            {
              key: 'source',
              label: t('exchangeConsole.api.source'),
              children: `${a.sourceName ?? t('exchangeConsole.api.platformStore')} · ${a.resourceName}`,
            },
            { key: 'key', label: t('exchangeConsole.api.keyField'), children: <Typography.Text code>{a.keyField}</Typography.Text> },
            { key: 'page', label: t('exchangeConsole.api.pageSizeMax'), children: a.pageSizeMax },
            { key: 'timeout', label: t('exchangeConsole.api.timeoutMs'), children: a.timeoutMs },
            { key: 'version', label: t('common.version'), children: a.version },
          ]}
        />
      </Card>
      <Card>
        <Tabs
          defaultActiveKey={canGrants ? 'consumers' : canCalls ? 'calls' : 'fields'}
          destroyOnHidden
          items={[
            ...(canGrants
              ? [
                  {
                    key: 'consumers',
                    label: <span data-testid="tab-consumers">{t('exchangeConsole.tab.consumers')}</span>,
                    children: <ApiConsumers entryId={a.entryId} />,
                  },
                ]
              : []),
            ...(canCalls
              ? [
                  {
                    key: 'calls',
                    label: <span data-testid="tab-calls">{t('exchangeConsole.tab.calls')}</span>,
                    children: <CallLog scope={{ apiId: a.id }} />,
                  },
                  {
                    key: 'stats',
                    label: <span data-testid="tab-stats">{t('exchangeConsole.tab.stats')}</span>,
                    children: <CallStatsView apiId={a.id} />,
                  },
                ]
              : []),
            {
              key: 'fields',
              label: <span data-testid="tab-fields">{t('exchangeConsole.tab.fields')}</span>,
              children: <ApiFieldsView api={a} />,
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
