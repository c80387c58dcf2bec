import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Input, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Permission, type UserStatus } from '@shuyuan/contracts';
import { errorText, useShowError } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { SecretModal } from '@/components/secret-modal';
import { DepartmentTreeSelect } from '@/features/identity/department-tree-select';
import type { User, UserWithPassword } from '@/features/identity/identity-types';
import { roleName, useRoles } from '@/features/identity/use-roles';
import { useCan } from '@/features/identity/use-session';
import { useResetPassword, useUnlockUser, useUsers } from '@/features/identity/use-users';
import { useLang, useT } from '@/i18n/lang-provider';
import { UserFormModal, type UserFormTarget } from '@/portals/console/user-form-modal';

interface Filters {
  q?: string;
  departmentId?: string;
  role?: string;
  status?: UserStatus;
}

/** 用户管理: a filtered, server-paginated user list with create, edit, password reset and unlock. */
export function UsersPage() {
  const t = useT();
  const { lang } = useLang();
  const can = useCan();
  const canManage = can(Permission.UserManage);
  const { message } = App.useApp();
  const showError = useShowError();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState({ current: 1, pageSize: 20 });
  const users = useUsers({ ...filters, limit: page.pageSize, offset: (page.current - 1) * page.pageSize });
  const roles = useRoles({ enabled: can(Permission.RoleRead) });
  const resetPassword = useResetPassword();
  const unlock = useUnlockUser();
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [issued, setIssued] = useState<UserWithPassword | null>(null);

  const roleLabels = new Map((roles.data ?? []).map((role) => [role.code, roleName(role, lang)]));
  const roleOptions = (roles.data ?? []).map((role) => ({ value: role.code, label: `${roleName(role, lang)} (${role.code})` }));
  const filter = (next: Partial<Filters>) => {
    setFilters((current) => ({ ...current, ...next }));
    setPage((current) => ({ ...current, current: 1 }));
  };
  const filtered = Object.values(filters).some((value) => value);

  const columns = [
    {
      title: t('user.login'),
      dataIndex: 'login',
      render: (login: string, user: User) => <span data-testid={`user-row-${user.login}`}>{login}</span>,
    },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    { title: t('user.department'), dataIndex: 'departmentName' },
    {
      title: t('user.roles'),
      dataIndex: 'roles',
      render: (codes: string[]) => codes.map((code) => <Tag key={code}>{roleLabels.get(code) ?? code}</Tag>),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_: unknown, user: User) => (
        <Space size={4} wrap>
          <Tag color={user.status === 'active' ? 'green' : 'default'}>{t(`user.status.${user.status}`)}</Tag>
          {user.lockedUntil && new Date(user.lockedUntil) > new Date() && (
            <Tooltip title={t('user.lockedUntil', { time: formatDateTime(user.lockedUntil) })}>
              <Tag color="red">{t('user.locked')}</Tag>
            </Tooltip>
          )}
          {user.mustChangePassword && <Tag color="orange">{t('user.mustChangePassword')}</Tag>}
        </Space>
      ),
    },
    { title: t('user.lastLoginAt'), dataIndex: 'lastLoginAt', render: formatDateTime },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, user: User) => (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', user })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('user.resetConfirm', { login: user.login })}
                  onConfirm={() => resetPassword.mutateAsync(user.id).then(setIssued, (error: unknown) => showError(error))}
                >
                  <Button type="link" size="small">
                    {t('user.resetPassword')}
                  </Button>
                </Popconfirm>
                {user.lockedUntil && (
                  <Button
                    type="link"
                    size="small"
                    onClick={() =>
                      unlock.mutate(user.id, {
                        onSuccess: () => void message.success(t('user.unlocked', { login: user.login })),
                        onError: showError,
                      })
                    }
                  >
                    {t('user.unlock')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <Card
      title={t('console.menu.users')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="user-create">
            {t('user.create')}
          </Button>
        )
      }
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('user.searchPlaceholder')}
          onSearch={(q) => filter({ q: q.trim() || undefined })}
          style={{ width: 240 }}
          data-testid="user-search"
        />
        <DepartmentTreeSelect
          placeholder={t('user.filterDepartment')}
          value={filters.departmentId}
          onChange={(departmentId) => filter({ departmentId })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('user.filterRole')}
          value={filters.role}
          onChange={(role?: string) => filter({ role })}
          options={roleOptions}
          style={{ width: 200 }}
          disabled={!can(Permission.RoleRead)}
        />
        <Select
          allowClear
          placeholder={t('user.filterStatus')}
          value={filters.status}
          onChange={(status?: UserStatus) => filter({ status })}
          options={[
            { value: 'active', label: t('user.status.active') },
            { value: 'disabled', label: t('user.status.disabled') },
          ]}
          style={{ width: 140 }}
        />
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: users.error ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(users.error, t)} />
          ) : (
            <Empty description={filtered ? t('user.noMatch') : canManage ? t('user.emptyManage') : t('user.empty')} />
          ),
        }}
        pagination={{
          current: page.current,
          pageSize: page.pageSize,
          total: users.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('common.total', { total }),
          onChange: (current, pageSize) => setPage({ current: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
      />
      <UserFormModal
        target={formTarget}
        roleOptions={roleOptions}
        onClose={() => setFormTarget(null)}
        onCreated={(result) => {
          setFormTarget(null);
          setIssued(result);
        }}
      />
      <SecretModal
        open={issued !== null}
        title={t('user.initialPasswordTitle', { login: issued?.user.login ?? '' })}
        warning={t('user.initialPasswordWarning')}
        fields={
          issued
            ? [
                { label: t('user.login'), value: issued.user.login, secret: false },
                { label: t('user.initialPassword'), value: issued.initialPassword },
              ]
            : []
        }
        onClose={() => setIssued(null)}
      />
    </Card>
  );
}
