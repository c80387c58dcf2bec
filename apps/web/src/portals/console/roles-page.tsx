import { useState } from 'react';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Permission } from '@shuyuan/contracts';
import { errorText, useShowError } from '@/components/api-error';
import type { Role } from '@/features/identity/identity-types';
import { roleName, useDeleteRole, usePermissions, useRoles } from '@/features/identity/use-roles';
import { useCan } from '@/features/identity/use-session';
import { useLang, useT } from '@/i18n/lang-provider';
import { RoleFormModal, type RoleFormTarget } from '@/portals/console/role-form-modal';

/** 角色权限: the roles with their permissions; custom roles can be created, edited and deleted. */
export function RolesPage() {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const canManage = can(Permission.RoleManage);
  const { message } = App.useApp();
  const showError = useShowError();
  const roles = useRoles();
  const permissions = usePermissions();
  const remove = useDeleteRole();
  const [formTarget, setFormTarget] = useState<RoleFormTarget | null>(null);

  return (
    <Card
      title={t('console.menu.roles')}
      extra={
        canManage && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setFormTarget({ mode: 'create' })}
            disabled={!permissions.data}
            data-testid="role-create"
          >
            {t('role.create')}
          </Button>
        )
      }
    >
      <Table<Role>
        rowKey="id"
        size="middle"
        loading={roles.isPending}
        dataSource={roles.data ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={roles.error ? errorText(roles.error, t) : t('role.empty')} /> }}
        expandable={{
          expandedRowRender: (role) => (
            <Space size={[4, 8]} wrap>
              {role.permissions.length === 0 ? (
                <Typography.Text type="secondary">{t('role.noPermissions')}</Typography.Text>
              ) : (
                role.permissions.map((p) => <Tag key={p}>{p}</Tag>)
              )}
            </Space>
          ),
        }}
        columns={[
          {
            title: t('role.name'),
            key: 'name',
            render: (_, role) => <span data-testid={`role-row-${role.code}`}>{roleName(role, lang)}</span>,
          },
          { title: t('role.code'), dataIndex: 'code', render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
          { title: t('common.description'), dataIndex: 'description', ellipsis: true, render: (text: string) => text || '—' },
          {
            title: t('role.kind'),
            dataIndex: 'builtin',
            render: (builtin: boolean) => (builtin ? <Tag color="blue">{t('role.builtin')}</Tag> : <Tag>{t('role.custom')}</Tag>),
          },
          { title: t('role.permissionCount'), key: 'permissionCount', render: (_, role) => role.permissions.length },
          { title: t('role.userCount'), dataIndex: 'userCount' },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, role: Role) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', role })} disabled={!permissions.data}>
                        {t('common.edit')}
                      </Button>
                      {!role.builtin && (
                        <Tooltip title={role.userCount > 0 ? t('role.deleteInUse') : undefined}>
                          <Popconfirm
                            title={t('role.deleteConfirm', { name: roleName(role, lang) })}
                            okButtonProps={{ danger: true }}
                            disabled={role.userCount > 0}
                            onConfirm={() =>
                              remove.mutateAsync(role.id).then(
                                () => void message.success(t('common.deleted')),
                                (error: unknown) => showError(error),
                              )
                            }
                          >
                            <Button type="link" size="small" danger disabled={role.userCount > 0}>
                              {t('common.delete')}
                            </Button>
                          </Popconfirm>
                        </Tooltip>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RoleFormModal target={formTarget} permissions={permissions.data ?? []} onClose={() => setFormTarget(null)} />
    </Card>
  );
}
