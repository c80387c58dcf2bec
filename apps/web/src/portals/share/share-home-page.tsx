import type { ReactNode } from 'react';
import { Card, Col, Row, Tag, Typography } from 'antd';
import { ApiOutlined, AppstoreOutlined, FileSearchOutlined, SolutionOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { Permission } from '@shuyuan/contracts';
import { LinkButton } from '@/components/link-button';
import { useCan, useMe } from '@/features/identity/use-session';
import type { MessageKey } from '@/i18n/messages';
import { useT } from '@/i18n/lang-provider';
import { CatalogFigures } from '@/portals/share/catalog-figures';

interface Entry {
  key: string;
  title: MessageKey;
  description: MessageKey;
  icon: ReactNode;
  /** Where the service lives once it is there, and who may use it. */
  path?: string;
  permission?: Permission;
}

const entries: Entry[] = [
  {
    key: 'catalog',
    title: 'share.card.catalog',
    description: 'share.card.catalogDesc',
    icon: <FileSearchOutlined />,
    path: '/share/catalog',
    permission: Permission.CatalogRead,
  },
  { key: 'applications', title: 'share.card.applications', description: 'share.card.applicationsDesc', icon: <SolutionOutlined /> },
  { key: 'apps', title: 'share.card.apps', description: 'share.card.appsDesc', icon: <AppstoreOutlined /> },
  { key: 'calls', title: 'share.card.calls', description: 'share.card.callsDesc', icon: <ApiOutlined /> },
];

/** The sharing portal's home: a welcome, the catalog in figures, and the services (some still on their way). */
export function ShareHomePage() {
  const t = useT();
  const { data: me } = useMe();
  const can = useCan();
  const readsCatalog = can(Permission.CatalogRead);

  return (
    <>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('share.welcome', { name: me?.user.displayName ?? '' })}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('share.intro', { department: me?.user.departmentName ?? '' })}</Typography.Paragraph>
        <LinkButton to="/share/profile">{t('share.toProfile')}</LinkButton>
      </Card>
      <Row gutter={[16, 16]}>
        {entries.map((entry) => (
          <Col key={entry.key} xs={24} sm={12} lg={6}>
            <Card
              style={{ height: '100%' }}
              data-testid={`share-card-${entry.key}`}
              title={
                <span>
                  {entry.icon} {t(entry.title)}
                </span>
              }
              extra={
                entry.path && (!entry.permission || can(entry.permission)) ? (
                  <Link to={entry.path} data-testid={`share-card-${entry.key}-open`}>
                    {t('share.card.open')}
                  </Link>
                ) : (
                  <Tag color="blue">{t('common.comingSoon')}</Tag>
                )
              }
            >
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                {t(entry.description)}
              </Typography.Paragraph>
            </Card>
          </Col>
        ))}
      </Row>
      {readsCatalog && (
        <div style={{ marginTop: 24 }}>
          <CatalogFigures />
        </div>
      )}
    </>
  );
}
