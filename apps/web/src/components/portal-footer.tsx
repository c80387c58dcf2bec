import { Layout, Typography } from 'antd';
import { useT } from '@/i18n/lang-provider';

/** The footer of the public pages. */
export function PortalFooter() {
  const t = useT();
  return (
    <Layout.Footer style={{ textAlign: 'center', background: 'transparent' }}>
      <Typography.Text type="secondary">{t('footer.text', { year: new Date().getFullYear() })}</Typography.Text>
    </Layout.Footer>
  );
}
