import { Button, Segmented, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../app/i18n/I18nProvider';
import { placesApi } from '../places/api';
import { geometryApi, type PlaceGeometry } from '../places/geometry-api';

export type Pos = [number, number];
type Ring = Pos[];

/**
 * The ground a site is drawn over: the nearest place with a boundary or outline (the site's own place, or the first one
 * above it that has one, as the server checks), its children's geometry, and the site's place's own point if it has one.
 */
export interface SiteGround {
  placeName: string;
  region: Ring[];
  childRings: Ring[];
  childPoints: Pos[];
  placePoint: Pos | null;
}

const ringsOf = (g: PlaceGeometry['geometry'] | PlaceGeometry['outline']): Ring[] => {
  if (!g || g.type === 'Point') return [];
  if (g.type === 'Polygon') return [(g.coordinates as Ring[])[0]!];
  return (g.coordinates as Ring[][]).map((p) => p[0]!);
};
const regionOf = (g: PlaceGeometry): Ring[] => (g.kind === 'boundary' ? ringsOf(g.geometry) : ringsOf(g.outline));

/** A closed GeoJSON ring without its closing corner, and back. */
export const openRing = (r: number[][]): Ring => r.slice(0, -1).map(([x, y]) => [x!, y!]);
export const closeRing = (r: Ring): Ring => [...r, r[0]!];

async function loadGround(placeId: string): Promise<SiteGround | null> {
  const { place, ancestors } = await placesApi.detail(placeId);
  const chain = [place, ...[...ancestors].reverse()];
  // Places above the caller's own are not theirs to read (404): they count as having no ground.
  const geometries = await Promise.all(chain.map((p) => geometryApi.get(p.id).catch(() => null)));
  const at = geometries.findIndex((g) => g !== null && regionOf(g).length > 0);
  if (at < 0) return null;
  const map = await placesApi.map(chain[at]!.id).catch(() => null);
  const features = map?.map.features ?? [];
  const own = geometries.slice(0, at + 1).find((g) => g?.geometry?.type === 'Point');
  return {
    placeName: chain[at]!.name,
    region: regionOf(geometries[at]!),
    childRings: features.flatMap((f) => ringsOf(f.geometry)),
    childPoints: features.filter((f) => f.geometry.type === 'Point').map((f) => f.geometry.coordinates as Pos),
    placePoint: own ? (own.geometry!.coordinates as Pos) : null,
  };
}

/** The ground of a place: undefined while it loads (or with no place), null when neither it nor a place above it has any. */
export function useGround(placeId: string | undefined): SiteGround | null | undefined {
  const [loaded, setLoaded] = useState<{ id: string; ground: SiteGround | null } | null>(null);
  useEffect(() => {
    if (!placeId) return;
    let live = true;
    void loadGround(placeId).catch(() => null).then((ground) => live && setLoaded({ id: placeId, ground }));
    return () => { live = false; };
  }, [placeId]);
  return placeId && loaded?.id === placeId ? loaded.ground : undefined;
}

const W = 560;
const H = 320;
const PAD = 16;
const MIN_CORNERS = 3;
// About a centimetre: what a click can mean.
const round = ([x, y]: Pos): Pos => [Number(x.toFixed(7)), Number(y.toFixed(7))];

interface Editing {
  onPoint: (p: Pos | null) => void;
  onOutline: (o: Ring | null) => void;
}

/**
 * A small SVG map of a site over its ground, in the projection of the places' editor (longitude shrunk by the latitude's
 * cosine). Given `edit`, the worker places the point by a click (and drags it), or draws the outline by clicking its
 * corners in turn (each corner dragged to move it), and clears either; without it, the map only shows where the site is.
 */
export function SiteMap({ ground, point, outline, edit }: { ground: SiteGround; point: Pos | null; outline: Ring | null; edit?: Editing }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'point' | 'outline'>('point');
  const [dragging, setDragging] = useState<number | 'point' | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  // The view: the ground and what the site had when the ground came, padded; it stays put while the worker clicks.
  const view = useMemo(() => {
    const all = [...ground.region.flat(), ...ground.childRings.flat(), ...ground.childPoints, ...(point ? [point] : []), ...(outline ?? [])];
    const xs = all.map((p) => p[0]);
    const ys = all.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.cos(((y0 + y1) / 2) * (Math.PI / 180));
    const span = Math.max(((x1 - x0) * k) / (W - 2 * PAD), (y1 - y0) / (H - 2 * PAD), 1e-7);
    // Centred: the ground's shorter side leaves equal margins.
    const left = PAD + (W - 2 * PAD - ((x1 - x0) * k) / span) / 2;
    const bottom = H - PAD - (H - 2 * PAD - (y1 - y0) / span) / 2;
    return {
      to: ([lon, lat]: Pos): Pos => [left + ((lon - x0) * k) / span, bottom - (lat - y0) / span],
      from: ([x, y]: Pos): Pos => [x0 + ((x - left) * span) / k, y0 + (bottom - y) * span],
    };
  }, [ground]);

  const pathOf = (r: Ring, closed = true) => (r.length > 0 ? `M${r.map((p) => view.to(p).map((n) => n.toFixed(1)).join(',')).join('L')}${closed ? 'Z' : ''}` : '');
  const svgPoint = (e: React.PointerEvent): Pos | null => {
    const m = svg.current?.getScreenCTM();
    if (!m) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return round(view.from([p.x, p.y]));
  };
  const down = (e: React.PointerEvent) => {
    const at = edit && e.button === 0 ? svgPoint(e) : null;
    if (!edit || !at) return;
    e.preventDefault();
    if (mode === 'point') {
      edit.onPoint(at);
      setDragging('point');
    } else edit.onOutline([...(outline ?? []), at]);
  };
  const move = (e: React.PointerEvent) => {
    const at = edit && dragging !== null ? svgPoint(e) : null;
    if (!edit || !at) return;
    if (dragging === 'point') edit.onPoint(at);
    else if (typeof dragging === 'number' && outline) edit.onOutline(outline.map((p, i) => (i === dragging ? at : p)));
  };
  const grab = (what: number | 'point') => (e: React.PointerEvent) => {
    if (!edit || e.button !== 0) return;
    e.stopPropagation();
    e.preventDefault();
    setDragging(what);
  };

  const marker = (p: Pos, props: React.SVGProps<SVGCircleElement>, testId?: string) => {
    const [x, y] = view.to(p);
    return <circle cx={x} cy={y} {...props} data-testid={testId} />;
  };
  return (
    <div>
      {edit && (
        <Space wrap style={{ marginBottom: 8 }}>
          <Segmented<'point' | 'outline'> value={mode} onChange={setMode} data-testid="site-map-mode"
            options={[{ value: 'point', label: t('serviceSite.map.modePoint') }, { value: 'outline', label: t('serviceSite.map.modeOutline') }]} />
          <Button size="small" disabled={!outline?.length} onClick={() => edit.onOutline(null)} data-testid="site-map-clear-outline">{t('serviceSite.map.clearOutline')}</Button>
          <Button size="small" disabled={!point && !outline?.length} onClick={() => { edit.onPoint(null); edit.onOutline(null); }} data-testid="site-map-clear">
            {t('serviceSite.map.clear')}
          </Button>
        </Space>
      )}
      <svg ref={svg} width={W} height={H} viewBox={`0 0 ${W} ${H}`} data-testid="site-map" data-mode={edit ? mode : undefined}
        style={{ display: 'block', width: '100%', height: 'auto', background: '#fafafa', border: '1px solid #f0f0f0', touchAction: edit ? 'none' : undefined, cursor: edit ? 'crosshair' : undefined }}
        onPointerDown={down} onPointerMove={move} onPointerUp={() => setDragging(null)} onPointerLeave={() => setDragging(null)}>
        {ground.region.map((r, i) => <path key={`r${i}`} d={pathOf(r)} fill="#f0f0f0" stroke="#8c8c8c" strokeDasharray="4 3" />)}
        {ground.childRings.map((r, i) => <path key={`c${i}`} d={pathOf(r)} fill="rgba(140,140,140,0.12)" stroke="#bfbfbf" />)}
        {ground.childPoints.map((p, i) => <g key={`p${i}`}>{marker(p, { r: 3, fill: '#bfbfbf' })}</g>)}
        {ground.placePoint && marker(ground.placePoint, { r: 5, fill: 'none', stroke: '#595959', strokeWidth: 2, pointerEvents: 'none' }, 'site-map-place-point')}
        {outline && outline.length > 0 && (
          <path d={pathOf(outline, outline.length >= MIN_CORNERS)} fill="rgba(22,119,255,0.2)" stroke="#1677ff" strokeWidth={2} pointerEvents="none"
            data-testid="site-map-outline" data-corners={outline.length} />
        )}
        {edit && mode === 'outline' && outline?.map((p, i) => (
          <g key={`v${i}`}>{marker(p, { r: 5, fill: '#fff', stroke: '#1677ff', strokeWidth: 2, style: { cursor: 'move' }, onPointerDown: grab(i) }, `site-map-corner-${i}`)}</g>
        ))}
        {point && marker(point, { r: 7, fill: '#c8161d', stroke: '#fff', strokeWidth: 2, style: edit ? { cursor: 'move' } : undefined, onPointerDown: grab('point') }, 'site-map-point')}
      </svg>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {edit ? t(mode === 'point' ? 'serviceSite.map.hintPoint' : 'serviceSite.map.hintOutline') : ''}
        {t('serviceSite.map.ground', { place: ground.placeName })}
      </Typography.Text>
    </div>
  );
}
