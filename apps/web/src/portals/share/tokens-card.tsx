import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { SecretModal } from '@/components/secret-modal';
import type { AccessToken } from '@/features/identity/identity-types';
import { useRevokeToken, useTokens } from '@/features/identity/use-tokens';
import { useT, type Translate } from '@/i18n/lang-provider';
import { TokenCreateModal } from '@/portals/share/token-create-modal';

function tokenState(token: AccessToken, t: Translate) {
  if (token.revokedAt) return <Tag>{t('token.revoked')}</Tag>;
  if (token.expiresAt && new Date(token.expiresAt) < new Date()) return <Tag color="orange">{t('token.expired')}</Tag>;
  return <Tag color="green">{t('token.active')}</Tag>;
}

/** The caller's personal access tokens: list, create (token shown once) and revoke. */
export function TokensCard({ permissions }: { permissions: string[] }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);

  return (
    <Card
      title={t('token.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
          {t('token.create')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('token.intro')}</Typography.Paragraph>
      <Table<AccessToken>
        rowKey="id"
        size="middle"
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty description={t('token.empty')} /> }}
        columns={[
          { title: t('token.name'), dataIndex: 'name' },
          {
            title: t('token.prefix'),
            dataIndex: 'tokenPrefix',
            render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
          },
          {
            title: t('token.permissions'),
            dataIndex: 'permissions',
            render: (list: string[]) => (
              <Tooltip title={list.join(', ')}>
                <span>{t('token.permissionCount', { count: list.length })}</span>
              </Tooltip>
            ),
          },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('token.expiresAt'),
            dataIndex: 'expiresAt',
            render: (value: string | null) => (value ? formatDateTime(value) : t('token.never')),
          },
          { title: t('token.lastUsedAt'), dataIndex: 'lastUsedAt', render: formatDateTime },
          { title: t('common.status'), key: 'state', render: (_, token) => tokenState(token, t) },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, token) =>
              !token.revokedAt && (
                <Popconfirm
                  title={t('token.revokeConfirm', { name: token.name })}
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    revoke.mutateAsync(token.id).then(
                      () => void message.success(t('token.revokedDone')),
                      (error: unknown) => showError(error),
                    )
                  }
                >
                  <Button type="link" danger size="small">
                    {t('token.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <TokenCreateModal
        open={creating}
        permissions={permissions}
        onClose={() => setCreating(false)}
        onCreated={(name, token) => {
          setCreating(false);
          setIssued({ name, token });
        }}
      />
      <SecretModal
        open={issued !== null}
        title={t('token.issuedTitle', { name: issued?.name ?? '' })}
        fields={issued ? [{ label: t('token.token'), value: issued.token }] : []}
        warning={t('token.issuedWarning')}
        onClose={() => setIssued(null)}
      />
    </Card>
  );
}
