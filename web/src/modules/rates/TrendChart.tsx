import ReactEChartsCore from 'echarts-for-react/esm/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLoad } from '../../app/hooks/useLoad';
import { ratesApi, type RateLevel } from './api';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The score of one office over the six months up to `until`. */
export function TrendChart({ officeId, level, until }: { officeId: string; level: RateLevel; until: string }) {
  const { data } = useLoad(() => ratesApi.trend(officeId, level, until), [officeId, level, until]);
  const items = data?.items ?? [];
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: items.map((p) => p.month) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{ type: 'line', smooth: true, data: items.map((p) => p.score), itemStyle: { color: '#c8161d' } }],
  };
  return (
    <div data-testid="trend-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 260 }} />
    </div>
  );
}
