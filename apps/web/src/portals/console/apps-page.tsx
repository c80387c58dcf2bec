import { useState } from 'react';
import { Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { SecretModal } from '@/components/secret-modal';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import type { ClientApp, NewAppSecret } from '@/features/identity/identity-types';
import { useApps } from '@/features/identity/use-apps';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { AppFormModal, type AppFormTarget } from '@/portals/console/app-form-modal';
import { AppSecretsPanel } from '@/portals/console/app-secrets-panel';

/** 应用管理: client applications, their AppKeys and secrets. */
export function AppsPage() {
  const t = useT();
  const can = useCan();
  const canManage = can(Permission.AppManage);
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const apps = useApps(departmentId);
  const [formTarget, setFormTarget] = useState<AppFormTarget | null>(null);
  const [issued, setIssued] = useState<{ app: ClientApp; secret: NewAppSecret; isNew: boolean } | null>(null);

  return (
    <Card
      title={t('console.menu.apps')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget({ mode: 'create', departmentId })}
            data-testid="app-create"
          >
            {t('app.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <DepartmentTreeSelect
          placeholder={t('user.filterDepartment')}
          value={departmentId}
          onChange={setDepartmentId}
          style={{ width: 280 }}
        />
      </Flex>
      <Table<ClientApp>
        rowKey="id"
        size="middle"
        loading={apps.isFetching}
        dataSource={apps.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        locale={{
          emptyText: (
            <Empty
              description={
                apps.error ? errorText(apps.error, t) : departmentId ? t('app.noMatch') : canManage ? t('app.emptyManage') : t('app.empty')
              }
            />
          ),
        }}
        expandable={{
          expandedRowRender: (app) => (
            <AppSecretsPanel app={app} canManage={canManage} onSecretCreated={(a, secret) => setIssued({ app: a, secret, isNew: false })} />
          ),
        }}
        columns={[
          {
            title: t('app.name'),
            dataIndex: 'name',
            render: (name: string, app) => <span data-testid={`app-row-${app.appKey}`}>{name}</span>,
          },
          {
            title: 'AppKey',
            dataIndex: 'appKey',
            render: (key: string) => (
              <Typography.Text code copyable={{ text: key }}>
                {key}
              </Typography.Text>
            ),
          },
          { title: t('app.department'), dataIndex: 'departmentName' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (status: ClientApp['status']) => (
              <Tag color={status === 'active' ? 'green' : 'default'}>{t(`app.status.${status}`)}</Tag>
            ),
          },
          { title: t('app.activeSecrets'), key: 'secrets', render: (_, app) => app.secrets.filter((s) => !s.revokedAt).length },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, app: ClientApp) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', app })}>
                        {t('common.edit')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <AppFormModal
        target={formTarget}
        onClose={() => setFormTarget(null)}
        onCreated={(app, secret) => {
          setFormTarget(null);
          setIssued({ app, secret, isNew: true });
        }}
      />
      <SecretModal
        open={issued !== null}
        title={
          issued?.isNew ? t('app.createdTitle', { name: issued.app.name }) : t('app.secretCreatedTitle', { name: issued?.app.name ?? '' })
        }
        warning={t('app.secretWarning')}
        fields={
          issued
            ? [
                { label: 'AppKey', value: issued.app.appKey, secret: false },
                { label: 'AppSecret', value: issued.secret.secret },
              ]
            : []
        }
        onClose={() => setIssued(null)}
      />
    </Card>
  );
}
