import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Segmented, Statistic } from 'antd';
import { errorText } from '@/components/api-error';
import { EChart, type EChartOption } from '@/components/echart';
import { useCallStats, type CallStats } from '@/features/exchange/use-exchange-console';
import { useT, type Translate } from '@/i18n/lang-provider';

const DAY_CHOICES = [7, 14, 30, 90] as const;

function daysOption(t: Translate, stats: CallStats): EChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: stats.days.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('exchangeConsole.call.ok'),
        type: 'bar',
        stack: 'calls',
        color: '#52c41a',
        data: stats.days.map((d) => d.calls - d.refused),
      },
      { name: t('exchangeConsole.call.refused'), type: 'bar', stack: 'calls', color: '#ff4d4f', data: stats.days.map((d) => d.refused) },
    ],
  };
}

function codesOption(stats: CallStats): EChartOption {
  return {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        top: -24,
        data: stats.codes.map((c) => ({ name: c.code, value: c.calls })),
      },
    ],
  };
}

const ms = (v: number | null) => (v === null ? '—' : `${v}`);

/** 统计: calls per day (served and refused), refusals by code and latency percentiles, as ECharts charts. */
export function CallStatsView({ apiId, grantId }: { apiId?: string; grantId?: string }) {
  const t = useT();
  const [days, setDays] = useState<number>(14);
  const stats = useCallStats({ apiId, grantId, days });
  const data = stats.data;
  const dayChart = useMemo(() => (data ? daysOption(t, data) : null), [data, t]);
  const codeChart = useMemo(() => (data ? codesOption(data) : null), [data]);

  if (stats.error) return <Alert type="error" showIcon title={errorText(stats.error, t)} />;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Segmented
          value={days}
          onChange={(v) => setDays(Number(v))}
          options={DAY_CHOICES.map((d) => ({ value: d, label: t('exchangeConsole.stats.days', { days: d }) }))}
        />
      </Col>
      {[
        { key: 'total', title: t('exchangeConsole.stats.total'), value: data?.total },
        { key: 'refused', title: t('exchangeConsole.stats.refused'), value: data?.refused },
        { key: 'rows', title: t('exchangeConsole.stats.rows'), value: data?.rows },
        {
          key: 'latency',
          title: t('exchangeConsole.stats.latency'),
          value: data ? `${ms(data.latency.p50)} / ${ms(data.latency.p95)} / ${ms(data.latency.p99)}` : undefined,
        },
      ].map((s) => (
        <Col key={s.key} xs={12} lg={6}>
          <Card size="small" data-testid={`stats-${s.key}`}>
            <Statistic title={s.title} value={s.value ?? '—'} loading={stats.isPending} />
          </Card>
        </Col>
      ))}
      <Col xs={24} lg={16}>
        <Card size="small" title={t('exchangeConsole.stats.perDay')}>
          {dayChart && data && data.total > 0 ? (
            <EChart option={dayChart} ariaLabel={t('exchangeConsole.stats.perDay')} testId="stats-days-chart" />
          ) : (
            <Empty description={t('exchangeConsole.stats.noCalls')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card size="small" title={t('exchangeConsole.stats.byCode')}>
          {codeChart && data && data.codes.length > 0 ? (
            <EChart option={codeChart} ariaLabel={t('exchangeConsole.stats.byCode')} testId="stats-codes-chart" />
          ) : (
            <Empty description={t('exchangeConsole.stats.noRefusals')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
