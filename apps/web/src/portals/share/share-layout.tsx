import { Layout } from 'antd';
import { PageOutlet } from '@/components/page-boundary';
import { PortalFooter } from '@/components/portal-footer';
import { PortalHeader } from '@/components/portal-header';
import { useT } from '@/i18n/lang-provider';
import { ShareNav } from '@/portals/share/share-nav';

/** The frame of the sharing portal for civil servants: header, the portal's sections, the page. */
export function ShareLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PortalHeader portal="share" title={t('share.portalName')} />
      <ShareNav />
      <Layout.Content className="sy-page">
        <PageOutlet />
      </Layout.Content>
      <PortalFooter />
    </Layout>
  );
}
