import { useMemo } from 'react';
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { errorText } from '@/components/api-error';
import { EChart, type EChartOption } from '@/components/echart';
import { codeLabel } from '@/features/catalog/catalog-labels';
import { useCatalogSearch } from '@/features/catalog/use-catalog';
import { useT } from '@/i18n/lang-provider';

/** The shared catalog in figures: entries in force, providing departments, entries per domain as a chart that browses the domain. */
export function CatalogFigures() {
  const t = useT();
  const navigate = useNavigate();
  // One page of one entry is enough: the figures are the total and the facet counts.
  const overview = useCatalogSearch({ scope: 'all', limit: 1 });
  const domains = useMemo(() => overview.data?.facets.domain ?? [], [overview.data]);
  const departments = overview.data?.facets.department ?? [];

  const option = useMemo<EChartOption>(() => {
    const sorted = [...domains].sort((a, b) => a.count - b.count);
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: sorted.map((b) => codeLabel(t, 'dataDomain', b.value)) },
      series: [
        { type: 'bar', data: sorted.map((b) => ({ value: b.count, domain: b.value })), itemStyle: { color: '#1d4ed8' }, barMaxWidth: 18 },
      ],
    };
  }, [domains, t]);

  if (overview.error)
    return (
      <Card>
        <Typography.Text type="secondary">{errorText(overview.error, t)}</Typography.Text>
      </Card>
    );

  return (
    <Card
      title={t('share.figures.title')}
      extra={<Link to="/share/catalog">{t('share.figures.browse')}</Link>}
      loading={overview.isPending}
      data-testid="catalog-figures"
    >
      <Row gutter={[24, 24]}>
        <Col xs={24} md={8}>
          <Flex vertical gap={24}>
            <Statistic title={t('share.figures.entries')} value={overview.data?.total ?? 0} />
            <Statistic
              title={t('share.figures.departments')}
              value={departments.length}
              suffix={departments.length >= 50 ? '+' : undefined}
            />
            <Flex gap={4} wrap>
              {domains.slice(0, 8).map((bucket) => (
                <Link key={bucket.value} to={`/share/catalog?domain=${bucket.value}`}>
                  <Tag color="geekblue">
                    {codeLabel(t, 'dataDomain', bucket.value)} {bucket.count}
                  </Tag>
                </Link>
              ))}
            </Flex>
          </Flex>
        </Col>
        <Col xs={24} md={16}>
          <Typography.Text type="secondary">{t('share.figures.byDomain')}</Typography.Text>
          {domains.length === 0 ? (
            <Typography.Paragraph type="secondary">{t('share.figures.none')}</Typography.Paragraph>
          ) : (
            <EChart
              option={option}
              height={Math.max(200, domains.length * 26)}
              ariaLabel={t('share.figures.byDomain')}
              testId="catalog-domain-chart"
              onClick={(event) => {
                const domain = (event.data as { domain?: string } | undefined)?.domain;
                if (domain) navigate(`/share/catalog?domain=${domain}`);
              }}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
