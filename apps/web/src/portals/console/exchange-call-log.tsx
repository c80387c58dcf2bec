import { useState, type HTMLAttributes } from 'react';
import { Button, Empty, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { errorText } from '@/components/api-error';
import { formatDateTimeSeconds } from '@/components/format';
import { useCalls, type CallFilters, type GatewayCall } from '@/features/exchange/use-exchange-console';
import { useT } from '@/i18n/lang-provider';
import { CallProofDrawer } from '@/portals/console/exchange-call-proof';

function rowAttributes(call: GatewayCall): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'call-row',
    'data-call-id': call.id,
    'data-status': String(call.status),
    'data-app-key': call.appKey ?? '',
  };
  return attributes;
}

/** 调用日志: the gateway's calls (refused ones too), newest first, a page at a time, each with its proof. */
export function CallLog({ scope }: { scope: Pick<CallFilters, 'apiId' | 'grantId' | 'appId' | 'role'> }) {
  const t = useT();
  const [outcome, setOutcome] = useState<CallFilters['outcome']>();
  const [code, setCode] = useState<string>();
  const calls = useCalls({ ...scope, outcome, code });
  const [opened, setOpened] = useState<GatewayCall | null>(null);

  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('exchangeConsole.call.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={[
            { value: 'ok', label: t('exchangeConsole.call.ok') },
            { value: 'refused', label: t('exchangeConsole.call.refused') },
          ]}
          style={{ width: 160 }}
          data-testid="call-outcome"
        />
        <Input.Search
          allowClear
          placeholder={t('exchangeConsole.call.codePlaceholder')}
          onSearch={(v) => setCode(v.trim().toUpperCase() || undefined)}
          style={{ width: 240 }}
        />
        <Button icon={<ReloadOutlined />} onClick={() => void calls.refetch()} loading={calls.isRefetching} data-testid="call-refresh">
          {t('exchangeConsole.call.refresh')}
        </Button>
      </Flex>
      <Table<GatewayCall>
        rowKey="id"
        size="small"
        loading={calls.isPending}
        dataSource={calls.data ?? []}
        onRow={rowAttributes}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={calls.error ? errorText(calls.error, t) : t('exchangeConsole.call.empty')} /> }}
        columns={[
          { title: t('exchangeConsole.call.calledAt'), dataIndex: 'calledAt', render: formatDateTimeSeconds },
          {
            title: t('exchangeConsole.call.app'),
            key: 'app',
            render: (_, c) => (
              <Flex vertical>
                <span>{c.appName ?? c.appKey ?? '—'}</span>
                <Typography.Text type="secondary">{c.consumerDepartmentName ?? ''}</Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('common.status'),
            key: 'status',
            render: (_, c) =>
              c.status < 400 ? (
                <Tag color="success">{c.status}</Tag>
              ) : (
                <Tag color="error">
                  {c.status} {c.code}
                </Tag>
              ),
          },
          {
            title: t('exchangeConsole.call.fields'),
            dataIndex: 'fields',
            render: (fields: string[]) =>
              fields.length ? (
                <Tooltip title={fields.join(', ')}>
                  <Tag>{t('exchangeConsole.api.fieldCount', { count: fields.length })}</Tag>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          { title: t('exchangeConsole.call.rows'), dataIndex: 'rowCount' },
          { title: t('exchangeConsole.call.latency'), dataIndex: 'latencyMs', render: (ms: number) => `${Math.round(ms * 10) / 10} ms` },
          {
            title: t('exchangeConsole.call.digest'),
            key: 'digest',
            render: (_, c) => (
              <Tooltip
                title={`${t('exchangeConsole.call.request')} ${c.requestDigest}\n${t('exchangeConsole.call.response')} ${c.responseDigest ?? '—'}`}
              >
                <Typography.Text code>{c.requestDigest.slice(0, 12)}…</Typography.Text>
              </Tooltip>
            ),
          },
          { title: t('exchangeConsole.call.leaf'), dataIndex: 'leafIndex' },
          {
            title: t('exchangeConsole.call.proof'),
            key: 'proof',
            render: (_, c) => (
              <Button
                type="link"
                size="small"
                icon={<SafetyCertificateOutlined />}
                onClick={() => setOpened(c)}
                data-testid="call-proof-open"
              >
                {t('exchangeConsole.call.verify')}
              </Button>
            ),
          },
        ]}
      />
      {calls.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void calls.fetchNextPage()} loading={calls.isFetchingNextPage} data-testid="call-more">
            {t('exchangeConsole.call.more')}
          </Button>
        </Flex>
      )}
      <CallProofDrawer call={opened} onClose={() => setOpened(null)} />
    </>
  );
}
