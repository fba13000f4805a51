import { Card, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n/I18nProvider';
import { geometryApi, type PlaceGeometry } from '../places/geometry-api';
import { echarts, ReactEChartsCore } from '../places/map-echarts';
import type { WorkOrder } from './api';

interface Shown { grid: PlaceGeometry; point: [number, number]; source: 'order' | 'compound' }

/**
 * A small map of where the order is: its own point (the reporter's pin) or else its compound's, over its grid's boundary,
 * drawn by the place map's ECharts with no tile service. Nothing when the grid has no boundary or there is no point;
 * geometry the caller may not read is left out quietly (the order page does not depend on it).
 */
export function OrderMapCard({ order }: { order: WorkOrder }) {
  const t = useT();
  const [shown, setShown] = useState<Shown | null>(null);
  const grid = order.places.find((p) => p.level === 'grid');
  const compound = order.places.find((p) => p.level === 'compound');
  const own = order.lat != null && order.lng != null ? ([order.lng, order.lat] as [number, number]) : null;

  useEffect(() => {
    let live = true;
    setShown(null);
    if (!grid || (!own && !compound)) return;
    const quiet = <T,>(p: Promise<T>) => p.catch(() => null);
    void Promise.all([quiet(geometryApi.get(grid.id)), own || !compound ? null : quiet(geometryApi.get(compound.id))]).then(([g, c]) => {
      if (!live || !g?.geometry || g.kind !== 'boundary') return;
      const point = own ?? (c?.geometry?.type === 'Point' ? (c.geometry.coordinates as [number, number]) : null);
      if (point) setShown({ grid: g, point, source: own ? 'order' : 'compound' });
    });
    return () => { live = false; };
  }, [order.id, grid?.id, compound?.id, own?.[0], own?.[1]]);

  if (!shown || !grid) return null;
  const mapName = `order-grid-${grid.id}`;
  echarts.registerMap(mapName, {
    type: 'FeatureCollection', features: [{ type: 'Feature', id: grid.id, properties: { name: grid.name }, geometry: shown.grid.geometry }],
  } as never);
  const option = {
    tooltip: { trigger: 'item' },
    geo: { map: mapName, roam: true, label: { show: false }, itemStyle: { areaColor: '#e6f4ff', borderColor: '#1677ff' }, emphasis: { disabled: true } },
    series: [{
      type: 'scatter', coordinateSystem: 'geo', symbol: 'pin', symbolSize: 26,
      data: [{ name: order.title, value: shown.point }], itemStyle: { color: '#c8161d' },
    }],
  };
  return (
    <Card size="small" title={t('orderMap.title')} data-testid="order-map">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 240 }} opts={{ renderer: 'svg' }} />
      <Typography.Text type="secondary" data-testid="order-map-source">
        {t(shown.source === 'order' ? 'orderMap.fromOrder' : 'orderMap.fromCompound', { grid: grid.name, compound: compound?.name ?? '' })}
      </Typography.Text>
    </Card>
  );
}
