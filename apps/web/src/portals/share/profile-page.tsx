import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag } from 'antd';
import { KeyOutlined, LogoutOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { formatDateTime } from '@/components/format';
import { LinkButton } from '@/components/link-button';
import { PageLoading } from '@/components/page-loading';
import { roleCodeLabel } from '@/features/identity/role-labels';
import { useLogoutAll, useMe } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { TokensCard } from '@/portals/share/tokens-card';

/** 个人中心: who I am, my password and sessions, my personal access tokens. */
export function ProfilePage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const logoutAll = useLogoutAll();

  if (!me) return <PageLoading />;
  const { user } = me;

  const onLogoutAll = () =>
    logoutAll.mutate(undefined, {
      onSuccess: () => {
        void message.success(t('profile.loggedOutAll'));
        navigate('/login', { replace: true });
      },
      onError: (error) => void message.error(errorText(error, t)),
    });

  return (
    <Flex vertical gap={24}>
      <Card
        title={t('profile.title')}
        extra={
          <Flex gap={8} wrap>
            <LinkButton to="/account/password" icon={<KeyOutlined />}>
              {t('nav.changePassword')}
            </LinkButton>
            <Popconfirm title={t('profile.logoutAllConfirm')} onConfirm={onLogoutAll} okButtonProps={{ danger: true }}>
              <Button danger icon={<LogoutOutlined />} loading={logoutAll.isPending} data-testid="logout-all">
                {t('profile.logoutAll')}
              </Button>
            </Popconfirm>
          </Flex>
        }
      >
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'login', label: t('user.login'), children: user.login },
            { key: 'name', label: t('user.displayName'), children: user.displayName },
            { key: 'department', label: t('user.department'), children: user.departmentName },
            { key: 'roles', label: t('user.roles'), children: me.roles.map((role) => <Tag key={role}>{roleCodeLabel(role, t)}</Tag>) },
            { key: 'phone', label: t('user.phone'), children: user.phone ?? '—' },
            { key: 'email', label: t('user.email'), children: user.email ?? '—' },
            { key: 'lastLogin', label: t('user.lastLoginAt'), children: formatDateTime(user.lastLoginAt) },
            { key: 'permissions', label: t('profile.permissionCount'), children: me.permissions.length },
          ]}
        />
      </Card>
      {me.permissions.includes(Permission.TokenManageOwn) && <TokensCard permissions={me.permissions} />}
    </Flex>
  );
}
