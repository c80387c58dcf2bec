import type { HTMLAttributes, ReactNode } from 'react';
import { Button, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { formatDateTime } from '@/components/format';
import type { Grant } from '@/features/exchange/use-exchange-console';
import { useT } from '@/i18n/lang-provider';
import { GrantStateTag, MethodTag, useMaskLabel } from '@/portals/console/exchange-tags';

function rowAttributes(grant: Grant): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'grant-row',
    'data-grant-id': grant.id,
    'data-entry': grant.entryName,
    'data-app': grant.appName ?? '',
    'data-state': grant.state,
  };
  return attributes;
}

/**
 * Grants as a table: consumer, application, fields with their masks, row filter, quotas, validity and
 * state. `showEntry` adds the resource and its provider; `onRevoke` a revoke action on live grants.
 */
export function GrantTable({
  grants,
  loading,
  showEntry = false,
  onRevoke,
  empty,
}: {
  grants: readonly Grant[];
  loading: boolean;
  showEntry?: boolean;
  onRevoke?: (grant: Grant) => void;
  empty: ReactNode;
}) {
  const t = useT();
  const maskLabel = useMaskLabel();
  return (
    <Table<Grant>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={[...grants]}
      onRow={rowAttributes}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      locale={{ emptyText: <Empty description={empty} /> }}
      columns={[
        ...(showEntry
          ? [
              {
                title: t('exchangeConsole.grant.entry'),
                key: 'entry',
                render: (_: unknown, g: Grant) => (
                  <Space orientation="vertical" size={0}>
                    <span>{g.entryName}</span>
                    <Typography.Text type="secondary">{g.providerDepartmentName}</Typography.Text>
                  </Space>
                ),
              },
            ]
          : []),
        {
          title: t('exchangeConsole.grant.consumer'),
          key: 'consumer',
          render: (_, g) => (
            <Space orientation="vertical" size={0}>
              <span>{g.consumerDepartmentName}</span>
              {g.appName && (
                <Typography.Text type="secondary">
                  {g.appName}
                  {g.appKey && ` · ${g.appKey}`}
                </Typography.Text>
              )}
            </Space>
          ),
        },
        {
          title: t('exchangeConsole.grant.method'),
          dataIndex: 'method',
          render: (method: Grant['method']) => <MethodTag method={method} />,
        },
        {
          title: t('exchangeConsole.grant.fields'),
          key: 'fields',
          render: (_, g) => (
            <Space size={[4, 4]} wrap style={{ maxWidth: 360 }}>
              {g.fields.map((f) => {
                const mask = g.masks[f];
                return mask ? (
                  <Tooltip key={f} title={maskLabel(mask)}>
                    <Tag color={mask === 'none' ? 'default' : 'orange'}>
                      {f} · {maskLabel(mask)}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Tag key={f}>{f}</Tag>
                );
              })}
            </Space>
          ),
        },
        {
          title: t('exchangeConsole.grant.rowFilter'),
          key: 'rowFilter',
          render: (_, g) =>
            g.rowFilter.length === 0 ? (
              '—'
            ) : (
              <Space orientation="vertical" size={0}>
                {g.rowFilter.map((c, i) => (
                  <Typography.Text code key={i}>
                    {c.field} {t(`exchangeConsole.op.${c.op}`)} {Array.isArray(c.value) ? c.value.join(', ') : String(c.value)}
                  </Typography.Text>
                ))}
              </Space>
            ),
        },
        {
          title: t('exchangeConsole.grant.quota'),
          key: 'quota',
          render: (_, g) => (
            <Space orientation="vertical" size={0}>
              <span>
                {g.callsPerDay === null
                  ? t('exchangeConsole.grant.perDayUnlimited')
                  : t('exchangeConsole.grant.perDay', { n: g.callsPerDay })}
              </span>
              <span>
                {g.callsPerSecond === null
                  ? t('exchangeConsole.grant.perSecondUnlimited')
                  : t('exchangeConsole.grant.perSecond', { n: g.callsPerSecond })}
              </span>
            </Space>
          ),
        },
        {
          title: t('exchangeConsole.grant.validity'),
          key: 'validity',
          render: (_, g) => (
            <Space orientation="vertical" size={0}>
              <span>{formatDateTime(g.validFrom)}</span>
              <span>{formatDateTime(g.validTo)}</span>
            </Space>
          ),
        },
        {
          title: t('common.status'),
          key: 'state',
          render: (_, g) =>
            g.state === 'revoked' && g.revokeReason ? (
              <Tooltip title={t('exchangeConsole.grant.revokedBecause', { reason: g.revokeReason, at: formatDateTime(g.revokedAt) })}>
                <GrantStateTag state={g.state} />
              </Tooltip>
            ) : (
              <GrantStateTag state={g.state} />
            ),
        },
        {
          title: t('exchangeConsole.grant.purpose'),
          dataIndex: 'purpose',
          render: (p: string) => (
            <Typography.Text ellipsis={{ tooltip: p }} style={{ maxWidth: 220 }}>
              {p}
            </Typography.Text>
          ),
        },
        ...(onRevoke
          ? [
              {
                title: t('common.actions'),
                key: 'actions',
                render: (_: unknown, g: Grant) =>
                  g.status === 'active' && (
                    <Button type="link" size="small" danger onClick={() => onRevoke(g)} data-testid="grant-revoke">
                      {t('exchangeConsole.grant.revoke')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
