import { useEffect, useRef } from 'react';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The option object of a chart (see the ECharts documentation). */
export type EChartOption = echarts.EChartsCoreOption;

/** What a click on a chart element tells. */
export interface EChartClick {
  name: string;
  dataIndex: number;
  data: unknown;
}

/**
 * An ECharts chart that follows its container's size. Only the bar and pie charts are registered,
 * so the bundle carries only what the pages draw.
 */
export function EChart({
  option,
  height = 280,
  onClick,
  ariaLabel,
  testId,
}: {
  option: EChartOption;
  height?: number;
  onClick?: (event: EChartClick) => void;
  ariaLabel?: string;
  testId?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickHandler = useRef(onClick);

  useEffect(() => {
    clickHandler.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current);
    chart.current = instance;
    instance.on('click', (params) => clickHandler.current?.(params as unknown as EChartClick));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={element} role="img" aria-label={ariaLabel} data-testid={testId} style={{ width: '100%', height }} />;
}
