import { useState } from 'react';
import { Button, Layout } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { PageOutlet } from '@/components/page-boundary';
import { PortalHeader } from '@/components/portal-header';
import { useMe } from '@/features/identity/use-session';
import { useT } from '@/i18n/lang-provider';
import { ConsoleMenu } from '@/portals/console/console-menu';

/** The frame of the console: header, a side menu of the sections the user may use, and the page. */
export function ConsoleLayout() {
  const t = useT();
  const { data: me } = useMe();
  const [collapsed, setCollapsed] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PortalHeader
        portal="console"
        title={t('console.portalName')}
        extra={
          <Button
            type="text"
            aria-label={collapsed ? t('console.menu.expand') : t('console.menu.collapse')}
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            style={{ color: '#fff' }}
          />
        }
      />
      <Layout>
        <Layout.Sider width={220} collapsed={collapsed} collapsedWidth={64} theme="light" breakpoint="lg" onBreakpoint={setCollapsed}>
          <ConsoleMenu permissions={me?.permissions ?? []} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <PageOutlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
