import { useMemo, useState } from 'react';
import { Card, Empty, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { FileSearchOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { LinkButton } from '@/components/link-button';
import { useConsumerGrants, useServedApis, type Grant, type GrantState } from '@/features/exchange/use-exchange';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { GrantFieldTags, GrantStateTag, quotaText, validityText } from '@/portals/share/grant-tags';

const STATES: GrantState[] = ['active', 'pending', 'expired', 'revoked'];

/** Where a grant's page is in the sharing portal; `tab` opens one of its tabs. */
export const grantPath = (id: string, tab?: string) => `/share/grants/${id}${tab ? `?tab=${tab}` : ''}`;

/** 我的授权: the grants the user's departments hold as consumers, with their fields, masks and quotas. */
export function GrantsPage() {
  const t = useT();
  const can = useCan();
  const grants = useConsumerGrants();
  const apis = useServedApis({ enabled: can(Permission.CatalogRead) });
  const [search, setSearch] = useState('');
  const [state, setState] = useState<GrantState | undefined>();

  const shown = useMemo(() => {
    const words = search.trim().toLowerCase();
    return (grants.data ?? []).filter(
      (g) =>
        (!state || g.state === state) &&
        (!words ||
          [g.entryName, g.resourceCode, g.providerDepartmentName, g.appName ?? '', g.appKey ?? '', g.purpose].some((text) =>
            text.toLowerCase().includes(words),
          )),
    );
  }, [grants.data, search, state]);

  const none = grants.isSuccess && grants.data.length === 0;

  return (
    <Card title={t('share.nav.grants')}>
      <Typography.Paragraph type="secondary">{t('shareGrant.intro')}</Typography.Paragraph>
      {!none && (
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search allowClear placeholder={t('shareGrant.searchPlaceholder')} onSearch={setSearch} style={{ width: 320 }} />
          <Select<GrantState>
            allowClear
            placeholder={t('shareGrant.filterState')}
            value={state}
            onChange={setState}
            style={{ width: 160 }}
            options={STATES.map((s) => ({ value: s, label: t(`shareGrant.state.${s}`) }))}
          />
        </Flex>
      )}
      <Table<Grant>
        rowKey="id"
        size="middle"
        data-testid="grants-table"
        loading={grants.isPending}
        dataSource={shown}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{
          emptyText: grants.error ? (
            <Empty description={errorText(grants.error, t)} />
          ) : none ? (
            <Empty description={<span data-testid="grants-empty">{t('shareGrant.empty')}</span>}>
              {can(Permission.CatalogRead) && (
                <LinkButton to="/share/catalog" type="primary" icon={<FileSearchOutlined />}>
                  {t('shareGrant.emptyAction')}
                </LinkButton>
              )}
            </Empty>
          ) : (
            <Empty description={t('shareGrant.noMatch')} />
          ),
        }}
        columns={[
          {
            title: t('shareGrant.resource'),
            key: 'resource',
            render: (_, g) => (
              <Flex vertical gap={2} style={{ minWidth: 200, maxWidth: 280 }}>
                <Link to={grantPath(g.id)} data-testid={`grant-open-${g.resourceCode}`}>
                  {g.entryName}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {g.resourceCode} · {g.providerDepartmentName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis={{ tooltip: g.purpose }}>
                  {t('shareGrant.purpose')}：{g.purpose}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('shareGrant.app'),
            key: 'app',
            render: (_, g) =>
              g.appName ? (
                <Flex vertical gap={2}>
                  <span>{g.appName}</span>
                  <Typography.Text code copyable={{ text: g.appKey ?? '' }} style={{ fontSize: 12 }}>
                    {g.appKey}
                  </Typography.Text>
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: t('shareGrant.methodState'),
            key: 'state',
            render: (_, g) => (
              <Flex vertical gap={4} align="flex-start">
                <Tag>{t(`shareGrant.method.${g.method}`)}</Tag>
                <GrantStateTag state={g.state} />
              </Flex>
            ),
          },
          {
            title: t('shareGrant.validityQuota'),
            key: 'validity',
            render: (_, g) => (
              <Flex vertical gap={2}>
                <span>{validityText(g)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {quotaText(g, t)}
                </Typography.Text>
              </Flex>
            ),
          },
          {
            title: t('shareGrant.fields'),
            key: 'fields',
            render: (_, g) => (
              <div style={{ minWidth: 300, maxWidth: 400 }}>
                <GrantFieldTags grant={g} api={g.apiId ? apis.data?.get(g.apiId) : undefined} />
              </div>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, g) => (
              <Flex vertical gap={2}>
                {g.method === 'file' ? (
                  <Link to={grantPath(g.id, 'files')} data-testid={`grant-files-${g.resourceCode}`}>
                    {t('shareGrant.tab.files')}
                  </Link>
                ) : (
                  <Link to={grantPath(g.id)}>{t('shareGrant.tab.docs')}</Link>
                )}
                {g.method === 'api' && g.apiId && <Link to={grantPath(g.id, 'try')}>{t('shareGrant.tab.try')}</Link>}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
