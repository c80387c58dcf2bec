import type { ReactNode } from 'react';
import { Flex, Layout, Typography } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { LangSwitch } from '@/components/lang-switch';
import { LinkButton } from '@/components/link-button';
import { UserMenu } from '@/components/user-menu';
import { useMe } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';

/** Which portal the header belongs to; its own link is shown as current. */
export type PortalKey = 'open' | 'share' | 'console' | 'account';

const linkStyle = (active: boolean) => ({ color: active ? '#fff' : 'rgba(255,255,255,0.75)', fontWeight: active ? 600 : 400 });

/**
 * The header of every portal: site name, the portals the user may enter, the language switch and
 * the user menu (or a login button for a visitor).
 */
export function PortalHeader({ portal, title, extra }: { portal: PortalKey; title?: string; extra?: ReactNode }) {
  const t = useT();
  const location = useLocation();
  const { data: me } = useMe();
  const can = (permission: string) => me?.permissions.includes(permission) ?? false;
  // From the open portal's home, login goes to the user's own portal rather than back here.
  const loginPath = location.pathname === '/' ? '/login' : `/login?next=${encodeURIComponent(location.pathname + location.search)}`;

  return (
    <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24, background: '#0b2a5b' }}>
      {extra}
      <Link
        to={portal === 'console' ? '/console' : portal === 'share' ? '/share' : '/'}
        style={{ display: 'flex', alignItems: 'center', gap: 10 }}
      >
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {title ? `${t('site.name')} · ${title}` : t('site.name')}
        </Typography.Text>
      </Link>
      <nav style={{ display: 'flex', gap: 20, flex: 1, minWidth: 0 }} aria-label={t('nav.portals')}>
        {portal !== 'open' && (
          <Link to="/" data-testid="nav-open" style={linkStyle(false)}>
            {t('nav.open')}
          </Link>
        )}
        {can(Permission.ShareAccess) && (
          <Link to="/share" data-testid="nav-share" style={linkStyle(portal === 'share')}>
            {t('nav.share')}
          </Link>
        )}
        {can(Permission.ConsoleAccess) && (
          <Link to="/console" data-testid="nav-console" style={linkStyle(portal === 'console')}>
            {t('nav.console')}
          </Link>
        )}
      </nav>
      <Flex gap={8} align="center" className="sy-header-actions">
        <LangSwitch />
        {me ? (
          <UserMenu me={me} />
        ) : (
          location.pathname !== '/login' && (
            <LinkButton to={loginPath} type="primary" data-testid="nav-login">
              {t('nav.login')}
            </LinkButton>
          )
        )}
      </Flex>
    </Layout.Header>
  );
}
