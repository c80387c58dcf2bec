import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { errorText } from '@/components/api-error';
import { EChart, type EChartOption } from '@/components/echart';
import { formatDateTimeSeconds } from '@/components/format';
import { useCallStats, useCalls, type CallScope, type CallStats, type GatewayCall, type Grant } from '@/features/exchange/use-exchange';
import { useT } from '@/i18n/lang-provider';

const DAY_CHOICES = [7, 14, 30] as const;
const DAY_MS = 86_400_000;
// The server counts days in China Standard Time (UTC+8, no daylight saving).
const CST_OFFSET_MS = 8 * 3_600_000;

/** The last `count` days up to today (China time), each with its calls, zero where the server reported none. */
function everyDay(days: CallStats['days'], count: number, now = Date.now()) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(now + CST_OFFSET_MS - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10);
    return byDay.get(day) ?? { day, calls: 0, refused: 0 };
  });
}

const ms = (value: number | null) => (value === null ? '—' : value.toLocaleString(undefined, { maximumFractionDigits: 2 }));

/** 调用统计: a grant's calls per day (refusals stacked), refusals by code, latency percentiles and its latest calls. */
export function CallStatsPanel({ grant }: { grant: Pick<Grant, 'id' | 'appId'> }) {
  const t = useT();
  const [days, setDays] = useState<number>(14);
  const [wholeApp, setWholeApp] = useState(false);
  const scope: CallScope = wholeApp && grant.appId ? { appId: grant.appId } : { grantId: grant.id };
  const stats = useCallStats(scope, days);
  const calls = useCalls(scope);

  const perDay = useMemo<EChartOption>(() => {
    const series = everyDay(stats.data?.days ?? [], days);
    return {
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      xAxis: { type: 'category', data: series.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('shareGrant.stats.ok'),
          type: 'bar',
          stack: 'calls',
          data: series.map((d) => d.calls - d.refused),
          itemStyle: { color: '#1d4ed8' },
          barMaxWidth: 24,
        },
        {
          name: t('shareGrant.stats.refusedSeries'),
          type: 'bar',
          stack: 'calls',
          data: series.map((d) => d.refused),
          itemStyle: { color: '#f59e0b' },
          barMaxWidth: 24,
        },
      ],
    };
  }, [stats.data, days, t]);

  const byCode = useMemo<EChartOption>(() => {
    const codes = [...(stats.data?.codes ?? [])].sort((a, b) => a.calls - b.calls);
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: codes.map((c) => c.code) },
      series: [{ type: 'bar', data: codes.map((c) => c.calls), itemStyle: { color: '#f59e0b' }, barMaxWidth: 18 }],
    };
  }, [stats.data]);

  const refresh = () => {
    void stats.refetch();
    void calls.refetch();
  };

  if (stats.error) return <Alert type="error" showIcon title={errorText(stats.error, t)} />;
  const s = stats.data;

  return (
    <Flex vertical gap={16} data-testid="call-stats">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex gap={8} wrap align="center">
          <Segmented<number>
            value={days}
            onChange={setDays}
            options={DAY_CHOICES.map((d) => ({ value: d, label: t('shareGrant.stats.days', { days: d }) }))}
          />
          {grant.appId && (
            <Segmented<'grant' | 'app'>
              value={wholeApp ? 'app' : 'grant'}
              onChange={(v) => setWholeApp(v === 'app')}
              data-testid="stats-scope"
              options={[
                { value: 'grant', label: t('shareGrant.stats.scopeGrant') },
                { value: 'app', label: t('shareGrant.stats.scopeApp') },
              ]}
            />
          )}
        </Flex>
        <Button icon={<ReloadOutlined />} onClick={refresh} loading={stats.isFetching || calls.isFetching}>
          {t('shareGrant.stats.refresh')}
        </Button>
      </Flex>
      <Typography.Text type="secondary">
        {t(wholeApp ? 'shareGrant.stats.scopeAppHint' : 'shareGrant.stats.scopeGrantHint')}
      </Typography.Text>
      <Card size="small" loading={stats.isPending}>
        <Row gutter={[16, 16]}>
          <Col xs={12} md={4}>
            <Statistic
              title={t('shareGrant.stats.total')}
              value={s?.total ?? 0}
              styles={{ content: { fontSize: 22 } }}
              data-testid="stats-total"
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('shareGrant.stats.refused')}
              value={s?.refused ?? 0}
              suffix={
                s && s.total > 0 ? (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 14 }}
                  >{`(${Math.round((s.refused / s.total) * 1000) / 10}%)`}</Typography.Text>
                ) : undefined
              }
              styles={{ content: { fontSize: 22 } }}
            />
          </Col>
          <Col xs={12} md={4}>
            <Statistic title={t('shareGrant.stats.rows')} value={s?.rows ?? 0} styles={{ content: { fontSize: 22 } }} />
          </Col>
          {(['p50', 'p95', 'p99'] as const).map((p) => (
            <Col xs={12} md={4} key={p}>
              <Statistic
                title={t('shareGrant.stats.latency', { p: p.toUpperCase() })}
                value={ms(s?.latency[p] ?? null)}
                suffix="ms"
                styles={{ content: { fontSize: 22 } }}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('shareGrant.stats.perDay')}>
            <EChart option={perDay} height={260} ariaLabel={t('shareGrant.stats.perDay')} testId="stats-per-day" />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('shareGrant.stats.byCode')}>
            {s && s.codes.length > 0 ? (
              <EChart
                option={byCode}
                height={Math.max(200, s.codes.length * 32)}
                ariaLabel={t('shareGrant.stats.byCode')}
                testId="stats-by-code"
              />
            ) : (
              <Empty description={t('shareGrant.stats.noRefusals')} />
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('shareGrant.stats.latest')}>
        <Table<GatewayCall>
          size="small"
          rowKey="id"
          data-testid="stats-calls"
          loading={calls.isPending}
          dataSource={calls.data ?? []}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={calls.error ? errorText(calls.error, t) : t('shareGrant.stats.noCalls')} /> }}
          columns={[
            { title: t('shareGrant.stats.calledAt'), dataIndex: 'calledAt', render: formatDateTimeSeconds },
            { title: t('shareGrant.app'), key: 'app', render: (_, c) => c.appName ?? c.appKey ?? '—' },
            {
              title: t('shareGrant.fields'),
              dataIndex: 'fields',
              render: (fields: string[]) => (
                <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: fields.join(', ') }}>
                  {fields.length > 0 ? fields.join(', ') : '—'}
                </Typography.Text>
              ),
            },
            { title: t('shareGrant.stats.rowCount'), dataIndex: 'rowCount' },
            {
              title: t('shareGrant.stats.result'),
              key: 'result',
              render: (_, c) => (
                <Tag color={c.status < 300 ? 'green' : c.status < 500 ? 'orange' : 'red'}>
                  {c.status}
                  {c.code ? ` ${c.code}` : ''}
                </Tag>
              ),
            },
            { title: t('shareGrant.stats.latencyMs'), dataIndex: 'latencyMs', render: (v: number) => ms(v) },
            { title: t('shareGrant.stats.leaf'), dataIndex: 'leafIndex' },
          ]}
        />
      </Card>
    </Flex>
  );
}
