import { Layout } from 'antd';
import { PageOutlet } from '@/components/page-boundary';
import { PortalFooter } from '@/components/portal-footer';
import { PortalHeader } from '@/components/portal-header';
import { useT } from '@/i18n/lang-provider';

/** The frame of the open-data portal: public, no login needed. */
export function OpenLayout() {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <PortalHeader portal="open" title={t('open.portalName')} />
      <Layout.Content>
        <PageOutlet />
      </Layout.Content>
      <PortalFooter />
    </Layout>
  );
}
