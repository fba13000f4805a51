import { Card, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { placesApi, type MapFeature } from './api';
import { echarts, ReactEChartsCore } from './map-echarts';

export const MAP_COLOURS = { overdue: '#c8161d', open: '#fa8c16', clear: '#52c41a' } as const;
type Status = keyof typeof MAP_COLOURS;
const statusOf = (f: MapFeature): Status => ((f.properties.overdue ?? 0) > 0 ? 'overdue' : (f.properties.open ?? 0) > 0 ? 'open' : 'clear');

/**
 * The place's children on a map, coloured by their unresolved and overdue work orders, over the place's own outline:
 * drawn from the GeoJSON the server stores (ECharts' registerMap), with no tile service.
 */
export function PlaceMapCard({ placeId, reloadKey }: { placeId: string; reloadKey?: unknown }) {
  const t = useT();
  const { data, loading } = useLoad(() => placesApi.map(placeId), [placeId, reloadKey]);
  // Once ECharts has drawn this place's map (setOption renders the SVG at once; onChartReady follows it): `data-drawn` on
  // the card, as the bench waits for.
  const [drawn, setDrawn] = useState<string | null>(null);
  if (!data || data.place.id !== placeId) return loading ? <Card size="small" title={t('placeMap.title')} loading /> : null;
  if (data.map.features.length === 0) return null;
  const regions = data.map.features.filter((f) => f.geometry.type !== 'Point');
  const points = data.map.features.filter((f) => f.geometry.type === 'Point');
  const mapName = `place-${placeId}`;
  echarts.registerMap(mapName, { type: 'FeatureCollection', features: [...(data.outline ? [data.outline] : []), ...regions] } as never);
  const names = new Map(data.map.features.map((f) => [f.id, f]));
  const label = (f: MapFeature | undefined) => f ? `${f.properties.name}<br/>${t('placeMap.open')} ${f.properties.open ?? 0} · ${t('placeMap.overdue')} ${f.properties.overdue ?? 0}` : '';
  const option = {
    tooltip: { trigger: 'item', formatter: (p: { name?: string; data?: { id?: string } }) => label(names.get(p.data?.id ?? p.name ?? '')) },
    geo: {
      map: mapName, nameProperty: 'placeId', roam: true, label: { show: false },
      itemStyle: { areaColor: '#f5f5f5', borderColor: '#8c8c8c' },
      regions: regions.map((f) => ({ name: f.id, itemStyle: { areaColor: MAP_COLOURS[statusOf(f)], opacity: 0.75 } })),
    },
    series: [{
      type: 'scatter', coordinateSystem: 'geo', symbolSize: 10,
      data: points.map((f) => ({ id: f.id, value: f.geometry.coordinates as number[], itemStyle: { color: MAP_COLOURS[statusOf(f)] } })),
    }],
  };
  return (
    <Card size="small" title={t('placeMap.title')} data-testid="place-map" data-drawn={drawn === mapName ? 'true' : undefined}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 360 }} opts={{ renderer: 'svg' }} onChartReady={() => setDrawn(mapName)} />
      <Space data-testid="place-map-legend">
        {(Object.keys(MAP_COLOURS) as Status[]).map((s) => <Tag key={s} color={MAP_COLOURS[s]}>{t(`placeMap.${s}Legend`)}</Tag>)}
      </Space>
      {data.unmapped.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="place-map-unmapped">
          {t('placeMap.unmapped', { names: data.unmapped.map((u) => u.name).join('、') })}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
