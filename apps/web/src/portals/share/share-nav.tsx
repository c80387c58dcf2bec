import { Menu } from 'antd';
import { FileSearchOutlined, HomeOutlined } from '@ant-design/icons';
import { Link, useLocation } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { useCan } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';

/** The sharing portal's sections under the header; the catalog only for those who may read it. */
export function ShareNav() {
  const t = useT();
  const can = useCan();
  const { pathname } = useLocation();
  const selected = pathname.startsWith('/share/catalog') ? 'catalog' : pathname === '/share' ? 'home' : '';
  const items = [
    {
      key: 'home',
      icon: <HomeOutlined />,
      label: (
        <Link to="/share" data-testid="nav-share-home">
          {t('share.nav.home')}
        </Link>
      ),
    },
    ...(can(Permission.CatalogRead)
      ? [
          {
            key: 'catalog',
            icon: <FileSearchOutlined />,
            label: (
              <Link to="/share/catalog" data-testid="nav-catalog">
                {t('share.nav.catalog')}
              </Link>
            ),
          },
        ]
      : []),
  ];
  return (
    <nav aria-label={t('share.nav.label')} className="sy-subnav">
      <Menu mode="horizontal" selectedKeys={[selected]} items={items} className="sy-page-inner" style={{ borderBottom: 'none' }} />
    </nav>
  );
}
