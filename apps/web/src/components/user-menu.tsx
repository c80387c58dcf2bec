import { App, Button, Dropdown, type MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { errorText } from '@/components/api-error';
import { useLogout } from '@/features/identity/use-session';
import type { Me } from '@/features/identity/identity-types';
import { useT } from '@/i18n/lang-provider';

/** The logged-in user's name with a menu: profile, change password, log out. */
export function UserMenu({ me }: { me: Me }) {
  const t = useT();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();

  const items: MenuProps['items'] = [
    ...(me.permissions.includes(Permission.ShareAccess)
      ? [{ key: 'profile', icon: <UserOutlined />, label: <span data-testid="nav-profile">{t('nav.profile')}</span> }]
      : []),
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="nav-password">{t('nav.changePassword')}</span> },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('nav.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'profile') navigate('/share/profile');
    if (key === 'password') navigate('/account/password');
    if (key === 'logout') {
      logout.mutate(undefined, {
        onSuccess: () => navigate('/login', { replace: true }),
        onError: (error) => {
          void message.error(errorText(error, t));
          navigate('/login', { replace: true });
        },
      });
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" icon={<UserOutlined />} loading={logout.isPending}>
        {me.user.displayName}
        <DownOutlined style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
