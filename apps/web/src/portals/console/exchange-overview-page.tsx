import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Badge, Card, Col, Empty, Flex, Row, Segmented, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import {
  ApiOutlined,
  AuditOutlined,
  DatabaseOutlined,
  FieldTimeOutlined,
  QuestionCircleOutlined,
  SafetyCertificateOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { errorText } from '@/components/api-error';
import { EChart, type EChartOption } from '@/components/echart';
import { codeLabel } from '@/features/catalog/catalog-labels';
import { OVERVIEW_REFRESH_MS, useExchangeOverview, type ExchangeOverview } from '@/features/exchange/use-exchange-console';
import { useT, type Translate } from '@/i18n/lang-provider';
import { ReturnVolumesCard } from '@/portals/console/exchange-overview-returns';
import { MethodTag } from '@/portals/console/exchange-tags';

type VolumeRow = ExchangeOverview['byDepartment'][number];
type Metric = 'calls' | 'rows' | 'grants';

/** Departments the chart shows, the busiest first; the table lists them all. */
const CHART_DEPARTMENTS = 15;

function Kpi({
  title,
  value,
  icon,
  testId,
  extra,
}: {
  title: string;
  value: number | undefined;
  icon: ReactNode;
  testId: string;
  extra?: ReactNode;
}) {
  return (
    <Col xs={12} md={8} xl={4}>
      <Card data-testid={testId} data-value={value ?? ''} style={{ height: '100%' }}>
        <Statistic title={title} value={value ?? '—'} prefix={icon} loading={value === undefined} />
        {extra}
      </Card>
    </Col>
  );
}

/** A stacked bar per department: one series per method × side of the exchange (a table's calls are its distribution runs). */
function volumeOption(t: Translate, rows: readonly VolumeRow[], metric: Metric): EChartOption {
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.departmentName, (totals.get(r.departmentName) ?? 0) + r[metric]);
  const departments = [...totals.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, CHART_DEPARTMENTS)
    .map(([name]) => name)
    .reverse();
  const series = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const label = `${codeLabel(t, 'sharingMethod', r.method)} · ${t(`exchangeConsole.role.${r.role}`)}`;
    const name = metric === 'calls' && r.method === 'table' ? t('exchangeJobs.overview.tableRunsSeries', { series: label }) : label;
    const values = series.get(name) ?? new Map<string, number>();
    values.set(r.departmentName, (values.get(r.departmentName) ?? 0) + r[metric]);
    series.set(name, values);
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: departments, axisLabel: { width: 180, overflow: 'truncate' } },
    series: [...series.entries()].map(([name, values]) => ({
      name,
      type: 'bar',
      stack: 'volume',
      data: departments.map((d) => values.get(d) ?? 0),
    })),
  };
}

/** A department's calls, or for tables its distribution runs, so the column's two meanings stay apart. */
function CallsCell({ row }: { row: VolumeRow }) {
  const t = useT();
  if (row.method !== 'table') return <>{row.calls.toLocaleString()}</>;
  return (
    <span>
      {row.calls.toLocaleString()}{' '}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('exchangeJobs.overview.runsUnit')}
      </Typography.Text>
    </span>
  );
}

/**
 * 交换总览: today's live counter, totals, the volumes of every department by method and side (gateway calls,
 * table distributions), and the return flows per lower node.
 */
export function ExchangeOverviewPage() {
  const t = useT();
  const overview = useExchangeOverview();
  const [metric, setMetric] = useState<Metric>('calls');
  const data = overview.data;
  const option = useMemo(() => (data ? volumeOption(t, data.byDepartment, metric) : null), [data, metric, t]);
  const anyVolume = !!data?.byDepartment.some((r) => r[metric] > 0);

  return (
    <Flex vertical gap={16}>
      {overview.error && <Alert type="error" showIcon title={errorText(overview.error, t)} />}
      <Row gutter={[16, 16]}>
        <Kpi
          title={t('exchangeConsole.overview.callsToday')}
          value={data?.callsToday}
          icon={<FieldTimeOutlined />}
          testId="kpi-calls-today"
          extra={<Badge status="processing" text={t('exchangeConsole.overview.live', { seconds: OVERVIEW_REFRESH_MS / 1000 })} />}
        />
        <Kpi title={t('exchangeConsole.overview.callsTotal')} value={data?.callsTotal} icon={<AuditOutlined />} testId="kpi-calls-total" />
        <Kpi title={t('exchangeConsole.overview.rowsToday')} value={data?.rowsToday} icon={<TableOutlined />} testId="kpi-rows-today" />
        <Kpi
          title={t('exchangeJobs.overview.tableRowsToday')}
          value={data?.tableRowsToday}
          icon={<DatabaseOutlined />}
          testId="kpi-table-rows-today"
        />
        <Kpi
          title={t('exchangeConsole.overview.liveGrants')}
          value={data?.liveGrants}
          icon={<SafetyCertificateOutlined />}
          testId="kpi-live-grants"
        />
        <Kpi title={t('exchangeConsole.overview.servedApis')} value={data?.servedApis} icon={<ApiOutlined />} testId="kpi-served-apis" />
      </Row>
      <Card
        title={t('exchangeConsole.overview.byDepartment')}
        extra={
          <Segmented
            value={metric}
            onChange={(v) => setMetric(v as Metric)}
            options={(['calls', 'rows', 'grants'] as const).map((m) => ({ value: m, label: t(`exchangeConsole.overview.metric.${m}`) }))}
          />
        }
      >
        {option && anyVolume ? (
          <EChart
            option={option}
            height={Math.max(240, 40 + 28 * Math.min(CHART_DEPARTMENTS, new Set(data?.byDepartment.map((r) => r.departmentId)).size))}
            ariaLabel={t('exchangeConsole.overview.byDepartment')}
            testId="overview-chart"
          />
        ) : (
          <Empty description={t('exchangeConsole.overview.noVolume')} />
        )}
      </Card>
      <Card title={t('exchangeConsole.overview.table')}>
        <Table<VolumeRow>
          rowKey={(r) => `${r.departmentId}:${r.method}:${r.role}`}
          size="small"
          loading={overview.isPending}
          dataSource={data?.byDepartment ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          locale={{ emptyText: <Empty description={t('exchangeConsole.overview.noVolume')} /> }}
          columns={[
            {
              title: t('exchangeConsole.api.department'),
              dataIndex: 'departmentName',
              sorter: (a, b) => a.departmentName.localeCompare(b.departmentName, 'zh'),
            },
            { title: t('exchangeConsole.grant.method'), dataIndex: 'method', render: (m: VolumeRow['method']) => <MethodTag method={m} /> },
            {
              title: t('exchangeConsole.overview.role'),
              dataIndex: 'role',
              render: (role: VolumeRow['role']) => (
                <Tag color={role === 'provider' ? 'blue' : 'green'}>{t(`exchangeConsole.role.${role}`)}</Tag>
              ),
            },
            {
              title: (
                <Space size={4}>
                  {t('exchangeJobs.overview.callsOrRuns')}
                  <Tooltip title={t('exchangeJobs.overview.callsOrRunsHint')}>
                    <QuestionCircleOutlined />
                  </Tooltip>
                </Space>
              ),
              key: 'calls',
              render: (_, r) => <CallsCell row={r} />,
              sorter: (a, b) => a.calls - b.calls,
              defaultSortOrder: 'descend',
            },
            { title: t('exchangeConsole.overview.metric.rows'), dataIndex: 'rows', sorter: (a, b) => a.rows - b.rows },
            { title: t('exchangeConsole.overview.metric.grants'), dataIndex: 'grants', sorter: (a, b) => a.grants - b.grants },
          ]}
        />
      </Card>
      <ReturnVolumesCard returns={data?.returns} loading={overview.isPending} />
    </Flex>
  );
}
