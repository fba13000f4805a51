import { Card, Space, Tag } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useLoad } from '../../app/hooks/useLoad';
import { useT } from '../../app/i18n/I18nProvider';
import { placesApi, type MapFeature } from './api';

// SVG: crisp boundaries at any zoom, and regions a browser test can read by their fill.
echarts.use([ScatterChart, GeoComponent, TooltipComponent, SVGRenderer]);

export const MAP_COLOURS = { overdue: '#c8161d', open: '#fa8c16', clear: '#52c41a' } as const;
type Status = keyof typeof MAP_COLOURS;
const statusOf = (f: MapFeature): Status => ((f.properties.overdue ?? 0) > 0 ? 'overdue' : (f.properties.open ?? 0) > 0 ? 'open' : 'clear');

/**
 * The place's children on a map, coloured by their unresolved and overdue work orders, over the place's own outline:
 * drawn from the GeoJSON the server stores (ECharts' registerMap), with no tile service.
 */
export function PlaceMapCard({ placeId }: { placeId: string }) {
  const t = useT();
  const { data, loading } = useLoad(() => placesApi.map(placeId), [placeId]);
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
    <Card size="small" title={t('placeMap.title')} data-testid="place-map">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 360 }} opts={{ renderer: 'svg' }} />
      <Space data-testid="place-map-legend">
        {(Object.keys(MAP_COLOURS) as Status[]).map((s) => <Tag key={s} color={MAP_COLOURS[s]}>{t(`placeMap.${s}Legend`)}</Tag>)}
      </Space>
    </Card>
  );
}
