import { App, Button, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { limits } from '@shuyuan/contracts';
import { useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import type { AppSecretInfo, ClientApp, NewAppSecret } from '@/features/identity/identity-types';
import { useCreateAppSecret, useRevokeAppSecret } from '@/features/identity/use-apps';
import { useT } from '@/i18n/lang-provider';

/** An application's secrets: add one (to rotate), revoke one. A secret itself is only ever shown at creation. */
export function AppSecretsPanel({
  app,
  canManage,
  onSecretCreated,
}: {
  app: ClientApp;
  canManage: boolean;
  onSecretCreated: (app: ClientApp, secret: NewAppSecret) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const createSecret = useCreateAppSecret();
  const revoke = useRevokeAppSecret();
  const active = app.secrets.filter((s) => !s.revokedAt).length;

  return (
    <Flex vertical gap={8} style={{ padding: '4px 8px' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('app.secretsIntro', { active, max: limits.maxActiveSecrets })}</Typography.Text>
        {canManage && (
          <Button
            size="small"
            icon={<PlusOutlined />}
            loading={createSecret.isPending}
            data-testid="app-secret-create"
            onClick={() => createSecret.mutate(app.id, { onSuccess: (secret) => onSecretCreated(app, secret), onError: showError })}
          >
            {t('app.secretCreate')}
          </Button>
        )}
      </Flex>
      <Table<AppSecretInfo>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={app.secrets}
        locale={{ emptyText: t('app.noSecrets') }}
        columns={[
          { title: t('app.secretHint'), dataIndex: 'hint', render: (hint: string) => <Typography.Text code>{hint}</Typography.Text> },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('common.status'),
            dataIndex: 'revokedAt',
            render: (revokedAt: string | null) =>
              revokedAt ? (
                <Tag>{t('app.secretRevokedAt', { time: formatDateTime(revokedAt) })}</Tag>
              ) : (
                <Tag color="green">{t('app.secretActive')}</Tag>
              ),
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, secret: AppSecretInfo) =>
                    !secret.revokedAt && (
                      <Popconfirm
                        title={t('app.secretRevokeConfirm', { hint: secret.hint })}
                        description={t('app.secretRevokeWarning')}
                        okButtonProps={{ danger: true }}
                        onConfirm={() =>
                          revoke.mutateAsync({ appId: app.id, secretId: secret.id }).then(
                            () => void message.success(t('app.secretRevoked')),
                            (error: unknown) => showError(error),
                          )
                        }
                      >
                        <Button type="link" size="small" danger>
                          {t('app.secretRevoke')}
                        </Button>
                      </Popconfirm>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
