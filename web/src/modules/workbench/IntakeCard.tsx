import { Card, Empty, List } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Link } from 'react-router';
import { qs } from '../../app/api/client';
import { useT } from '../../app/i18n/I18nProvider';
import type { Workbench } from './api';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Today's intake by channel: a bar per channel, and each channel's line opening today's orders of it. */
export function IntakeCard({ today }: { today: Workbench['today'] }) {
  const t = useT();
  const channels = today.channels.map((c) => ({ ...c, label: t(`channel.${c.channel}`) }));
  // Largest at the top: a horizontal bar chart draws its first category at the bottom.
  const option = {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: [...channels].reverse().map((c) => c.label) },
    series: [{ type: 'bar', data: [...channels].reverse().map((c) => c.count), itemStyle: { color: '#c8161d' }, barMaxWidth: 18 }],
  };
  return (
    <Card size="small" title={t('workbench.today')} extra={<span data-testid="today-total">{t('workbench.todayTotal', { total: today.total })}</span>}>
      {channels.length === 0 ? <Empty description={t('workbench.noIntake')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
        <>
          <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 40 + channels.length * 28, width: '100%' }} />
          <List size="small" dataSource={channels} renderItem={(c) => (
            <List.Item extra={c.count}>
              <Link to={`/work-orders${qs({ tab: 'all', channel: c.channel, receivedFrom: today.day, receivedTo: today.day })}`} data-testid={`intake-${c.channel}`}>{c.label}</Link>
            </List.Item>
          )} />
        </>
      )}
    </Card>
  );
}
