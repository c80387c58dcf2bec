import { Layout } from 'antd';
import { PageOutlet } from '@/components/page-boundary';
import { PortalFooter } from '@/components/portal-footer';
import { PortalHeader } from '@/components/portal-header';
import { useT } from '@/i18n/lang-provider';

/** The frame of the sharing portal for civil servants. */
export function ShareLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PortalHeader portal="share" title={t('share.portalName')} />
      <Layout.Content className="sy-page">
        <PageOutlet />
      </Layout.Content>
      <PortalFooter />
    </Layout>
  );
}
