import { Layout } from 'antd';
import { PageOutlet } from '@/components/page-boundary';
import { PortalFooter } from '@/components/portal-footer';
import { PortalHeader } from '@/components/portal-header';
import { useT } from '@/i18n/lang-provider';

/** The frame of login and password pages, shared by every portal. */
export function AccountLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PortalHeader portal="account" title={t('account.portalName')} />
      <Layout.Content style={{ display: 'flex', justifyContent: 'center', alignItems: 'flex-start', padding: '64px 16px' }}>
        <PageOutlet />
      </Layout.Content>
      <PortalFooter />
    </Layout>
  );
}
