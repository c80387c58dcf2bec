import type { ReactNode } from 'react';
import { DatabaseOutlined, FileSearchOutlined, HomeOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { NavLink } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import type { MessageKey } from '@/i18n/messages';

interface ShareSection {
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Exact match only (the portal's home would otherwise be current everywhere). */
  end?: boolean;
  permission?: Permission;
}

const sections: ShareSection[] = [
  { key: 'share-home', path: '/share', label: 'share.nav.home', icon: <HomeOutlined />, end: true },
  { key: 'catalog', path: '/share/catalog', label: 'share.nav.catalog', icon: <FileSearchOutlined />, permission: Permission.CatalogRead },
  {
    key: 'grants',
    path: '/share/grants',
    label: 'share.nav.grants',
    icon: <SafetyCertificateOutlined />,
    permission: Permission.GrantRead,
  },
  {
    key: 'subscriptions',
    path: '/share/subscriptions',
    label: 'share.nav.subscriptions',
    icon: <DatabaseOutlined />,
    permission: Permission.JobRead,
  },
];

/** The sharing portal's sections under the header; the catalog only for those who may read it. */
export function ShareNav() {
  const t = useT();
  const can = useCan();
  return (
    <nav aria-label={t('share.nav.label')} className="sy-subnav">
      <div className="sy-page-inner sy-subnav-links">
        {sections
          .filter((section) => !section.permission || can(section.permission))
          .map((section) => (
            <NavLink key={section.key} to={section.path} end={section.end} data-testid={`nav-${section.key}`}>
              {section.icon} {t(section.label)}
            </NavLink>
          ))}
      </div>
    </nav>
  );
}
