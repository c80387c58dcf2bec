import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Empty, Input, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { useCan } from '@/features/identity/use-session';
import { useMyApis, useSetApiStatus, type ExchangeApi } from '@/features/exchange/use-exchange-console';
import { useT } from '@/i18n/lang-provider';
import { ApiFieldsView } from '@/portals/console/exchange-api-fields';
import { ApiFormModal } from '@/portals/console/exchange-api-form-modal';
import { useShowExchangeError } from '@/portals/console/exchange-form-errors';
import { AccessTag, ServedTag } from '@/portals/console/exchange-tags';

/** The console path of an API's page. */
export const exchangeApiPath = (id: string) => `/console/exchange/apis/${id}`;

function rowAttributes(api: ExchangeApi): HTMLAttributes<HTMLElement> {
  const attributes: HTMLAttributes<HTMLElement> & Record<`data-${string}`, string> = {
    'data-testid': 'api-row',
    'data-entry': api.entryName,
    'data-status': api.status,
  };
  return attributes;
}

/** 共享接口: the department's gateway APIs, what they expose and how, and their users, calls and statistics. */
export function ExchangeApisPage() {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowExchangeError();
  const canManage = can(Permission.ExchangeApiManage);
  const apis = useMyApis();
  const setStatus = useSetApiStatus();
  const [q, setQ] = useState('');
  const [formOpen, setFormOpen] = useState(false);
  const query = q.trim().toLowerCase();
  const shown = (apis.data ?? []).filter(
    (a) => !query || [a.entryName, a.resourceCode, a.departmentName].some((text) => text.toLowerCase().includes(query)),
  );

  const toggle = (api: ExchangeApi) => {
    const status = api.status === 'active' ? 'disabled' : 'active';
    setStatus
      .mutateAsync({ api, status })
      .then(
        () => void message.success(t(status === 'active' ? 'exchangeConsole.api.enabled' : 'exchangeConsole.api.disabledDone')),
        showError,
      );
  };

  return (
    <Card
      title={t('console.menu.exchangeApis')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormOpen(true)} data-testid="api-create">
            {t('exchangeConsole.api.create')}
          </Button>
        )
      }
    >
      <Input.Search
        allowClear
        placeholder={t('exchangeConsole.api.searchPlaceholder')}
        onSearch={setQ}
        onChange={(e) => !e.target.value && setQ('')}
        style={{ width: 280, marginBottom: 16 }}
      />
      <Table<ExchangeApi>
        rowKey="id"
        size="middle"
        loading={apis.isFetching}
        dataSource={shown}
        onRow={rowAttributes}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        expandable={{ expandedRowRender: (api) => <ApiFieldsView api={api} /> }}
        locale={{
          emptyText: (
            <Empty
              description={
                apis.error ? errorText(apis.error, t) : canManage ? t('exchangeConsole.api.emptyManage') : t('exchangeConsole.api.empty')
              }
            />
          ),
        }}
        columns={[
          {
            title: t('exchangeConsole.api.resource'),
            key: 'entry',
            render: (_, api) => (
              <Space orientation="vertical" size={0}>
                <Link to={exchangeApiPath(api.id)} data-testid="api-open">
                  {api.entryName}
                </Link>
                <Typography.Text type="secondary" copyable={{ text: api.gatewayPath }}>
                  {api.resourceCode}
                </Typography.Text>
              </Space>
            ),
          },
          { title: t('exchangeConsole.api.department'), dataIndex: 'departmentName' },
          {
            title: t('exchangeConsole.api.access'),
            dataIndex: 'access',
            render: (access: ExchangeApi['access']) => <AccessTag access={access} />,
          },
          {
            title: t('exchangeConsole.api.source'),
            key: 'source',
            render: (_, api) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text code>{api.resourceName}</Typography.Text>
                <Typography.Text type="secondary">{api.sourceName ?? t('exchangeConsole.api.platformStore')}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('exchangeConsole.api.fieldsColumn'),
            key: 'fields',
            render: (_, api) => {
              const sensitive = api.fields.filter((f) => f.sensitive).length;
              return (
                <Space size={4}>
                  <Tag>{t('exchangeConsole.api.fieldCount', { count: api.fields.length })}</Tag>
                  {sensitive > 0 && <Tag color="red">{t('exchangeConsole.api.sensitiveCount', { count: sensitive })}</Tag>}
                </Space>
              );
            },
          },
          {
            title: t('exchangeConsole.api.paramsColumn'),
            key: 'params',
            render: (_, api) =>
              api.params.length ? (
                <Tooltip title={api.params.map((p) => `${p.name}（${p.label}）`).join('；')}>
                  <Typography.Text code>{api.params.map((p) => p.name).join(', ')}</Typography.Text>
                </Tooltip>
              ) : (
                '—'
              ),
          },
          { title: t('common.status'), key: 'served', render: (_, api) => <ServedTag served={api.served} status={api.status} /> },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', render: formatDateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, api) => (
              <Space size={0}>
                <Link to={exchangeApiPath(api.id)}>{t('exchangeConsole.api.detail')}</Link>
                {canManage && (
                  <Popconfirm
                    title={t(api.status === 'active' ? 'exchangeConsole.api.disableConfirm' : 'exchangeConsole.api.enableConfirm', {
                      name: api.entryName,
                    })}
                    okButtonProps={{ danger: api.status === 'active' }}
                    onConfirm={() => toggle(api)}
                  >
                    <Button type="link" size="small" danger={api.status === 'active'} data-testid="api-toggle">
                      {t(api.status === 'active' ? 'exchangeConsole.api.disable' : 'exchangeConsole.api.enable')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {canManage && <ApiFormModal open={formOpen} existing={apis.data ?? []} onClose={() => setFormOpen(false)} />}
    </Card>
  );
}
