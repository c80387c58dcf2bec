import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { limits, Permission } from '@shuyuan/contracts';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { PageLoading } from '@/components/page-loading';
import { SecretModal } from '@/components/secret-modal';
import type { AppSecretInfo, ClientApp, NewAppSecret } from '@/features/identity/identity-types';
import { useApps, useCreateAppSecret, useRevokeAppSecret } from '@/features/identity/use-apps';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';

/** A rotation under way: the new secret's id and the secrets it replaces, to revoke once the system uses the new one. */
interface Rotation {
  newSecretId: string;
  previous: AppSecretInfo[];
}

/**
 * 凭据: the secrets of the grant's application. Rotating adds a secret, shows it once, then offers to revoke
 * the old ones (the gateway accepts both meanwhile, so the business system can switch without a gap).
 */
export function GrantCredentialsTab({ appId }: { appId: string }) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const showError = useShowError();
  const apps = useApps();
  const createSecret = useCreateAppSecret();
  const revoke = useRevokeAppSecret();
  const [rotation, setRotation] = useState<Rotation | null>(null);
  // The new secret in full, only while its modal is open; closing the modal forgets it.
  const [revealed, setRevealed] = useState<{ app: ClientApp; secret: NewAppSecret } | null>(null);
  const canManage = can(Permission.AppManage);

  if (apps.isPending) return <PageLoading />;
  if (apps.error) return <Alert type="error" showIcon title={errorText(apps.error, t)} />;
  const app = apps.data.find((a) => a.id === appId);
  if (!app) return <Empty description={t('shareGrant.cred.noApp')} />;

  const active = app.secrets.filter((s) => !s.revokedAt);
  const full = active.length >= limits.maxActiveSecrets;
  // Only the old secrets still active are offered for revocation.
  const toRevoke = rotation ? rotation.previous.filter((p) => active.some((s) => s.id === p.id)) : [];

  const rotate = () =>
    createSecret.mutate(app.id, {
      onSuccess: (secret) => {
        setRotation({ newSecretId: secret.id, previous: active });
        setRevealed({ app, secret });
      },
      onError: showError,
    });

  const revokeSecret = (secret: AppSecretInfo) =>
    revoke.mutateAsync({ appId: app.id, secretId: secret.id }).then(
      () => void message.success(t('app.secretRevoked')),
      (error: unknown) => showError(error),
    );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={8} wrap>
          <span>{app.name}</span>
          <Typography.Text code copyable>
            {app.appKey}
          </Typography.Text>
          <Tag color={app.status === 'active' ? 'green' : 'default'}>{t(`app.status.${app.status}`)}</Tag>
        </Space>
        {canManage && (
          <Tooltip title={full ? t('shareGrant.cred.full', { max: limits.maxActiveSecrets }) : undefined}>
            <Button
              type="primary"
              icon={<SyncOutlined />}
              loading={createSecret.isPending}
              disabled={full}
              onClick={rotate}
              data-testid="rotate-secret"
            >
              {t('shareGrant.cred.rotate')}
            </Button>
          </Tooltip>
        )}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('shareGrant.cred.intro', { active: active.length, max: limits.maxActiveSecrets })}
      </Typography.Paragraph>
      {rotation && !revealed && toRevoke.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="rotate-followup"
          title={t('shareGrant.cred.followup')}
          action={
            <Space orientation="vertical">
              {toRevoke.map((old) => (
                <Popconfirm
                  key={old.id}
                  title={t('app.secretRevokeConfirm', { hint: old.hint })}
                  description={t('app.secretRevokeWarning')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => revokeSecret(old)}
                >
                  <Button size="small" danger data-testid="revoke-old-secret">
                    {t('shareGrant.cred.revokeOld', { hint: old.hint })}
                  </Button>
                </Popconfirm>
              ))}
              <Button size="small" type="text" onClick={() => setRotation(null)}>
                {t('shareGrant.cred.later')}
              </Button>
            </Space>
          }
        />
      )}
      <Table<AppSecretInfo>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="app-secrets"
        dataSource={app.secrets}
        locale={{ emptyText: t('app.noSecrets') }}
        columns={[
          { title: t('app.secretHint'), dataIndex: 'hint', render: (hint: string) => <Typography.Text code>{hint}</Typography.Text> },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          {
            title: t('common.status'),
            dataIndex: 'revokedAt',
            render: (revokedAt: string | null, secret) =>
              revokedAt ? (
                <Tag>{t('app.secretRevokedAt', { time: formatDateTime(revokedAt) })}</Tag>
              ) : (
                <Space size={4}>
                  <Tag color="green">{t('app.secretActive')}</Tag>
                  {rotation?.newSecretId === secret.id && <Tag color="blue">{t('shareGrant.cred.new')}</Tag>}
                </Space>
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
                        onConfirm={() => revokeSecret(secret)}
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
      <SecretModal
        open={revealed !== null}
        title={t('app.secretCreatedTitle', { name: revealed?.app.name ?? '' })}
        warning={t('app.secretWarning')}
        fields={
          revealed
            ? [
                { label: 'AppKey', value: revealed.app.appKey, secret: false },
                { label: 'AppSecret', value: revealed.secret.secret },
              ]
            : []
        }
        onClose={() => setRevealed(null)}
      />
    </Flex>
  );
}
