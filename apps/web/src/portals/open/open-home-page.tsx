import type { ReactNode } from 'react';
import { App, Card, Col, Input, Row, Statistic, Tag, Typography } from 'antd';
import { ApiOutlined, DatabaseOutlined, FileTextOutlined, TrophyOutlined } from '@ant-design/icons';
import type { MessageKey } from '@/i18n/messages';
import { useT } from '@/i18n/lang-provider';

interface Section {
  key: string;
  title: MessageKey;
  description: MessageKey;
  icon: ReactNode;
}

const sections: Section[] = [
  { key: 'catalog', title: 'open.card.catalog', description: 'open.card.catalogDesc', icon: <DatabaseOutlined /> },
  { key: 'apis', title: 'open.card.apis', description: 'open.card.apisDesc', icon: <ApiOutlined /> },
  { key: 'list', title: 'open.card.list', description: 'open.card.listDesc', icon: <FileTextOutlined /> },
  { key: 'showcase', title: 'open.card.showcase', description: 'open.card.showcaseDesc', icon: <TrophyOutlined /> },
];

/** The open-data portal's home: search, and the four ways into open data (counts come with the catalog). */
export function OpenHomePage() {
  const t = useT();
  const { message } = App.useApp();

  return (
    <>
      <section className="sy-hero">
        <Typography.Title level={1} style={{ color: '#fff', marginBottom: 12 }}>
          {t('open.hero.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.85)', fontSize: 16, maxWidth: 720, margin: '0 auto 32px' }}>
          {t('open.hero.intro')}
        </Typography.Paragraph>
        <div style={{ maxWidth: 640, margin: '0 auto' }}>
          <Input.Search
            size="large"
            allowClear
            aria-label={t('open.search.placeholder')}
            placeholder={t('open.search.placeholder')}
            enterButton={t('open.search.button')}
            onSearch={(value) => {
              if (value.trim()) void message.info(t('open.search.soon'));
            }}
          />
          <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.7)', marginTop: 12 }}>{t('open.search.hint')}</Typography.Paragraph>
        </div>
      </section>
      <div className="sy-page" style={{ marginTop: -56 }}>
        <Row gutter={[16, 16]}>
          {sections.map((section) => (
            <Col key={section.key} xs={24} sm={12} lg={6}>
              <Card style={{ height: '100%' }} data-testid={`open-card-${section.key}`}>
                <Statistic
                  title={
                    <span>
                      {section.icon} {t(section.title)}
                    </span>
                  }
                  value="—"
                />
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 8 }}>
                  {t(section.description)}
                </Typography.Paragraph>
                <Tag>{t('common.comingSoon')}</Tag>
              </Card>
            </Col>
          ))}
        </Row>
        <Card style={{ marginTop: 24 }}>
          <Typography.Title level={4}>{t('open.about.title')}</Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('open.about.text')}
          </Typography.Paragraph>
        </Card>
      </div>
    </>
  );
}
