import { Alert, Button, Input, Modal, Skeleton, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../../app/api/client';
import type { Place } from '../../app/api/types';
import { useI18n } from '../../app/i18n/I18nProvider';
import { placesApi } from './api';
import { geometryApi, type PlaceGeometry, type SiblingOverlap } from './geometry-api';

type Pos = [number, number];
type Ring = Pos[];
/** `fresh`: the place had no geometry; a boundary is drawn by clicking its corners, a point placed by a click. */
interface Editing { version: number; kind: 'boundary' | 'point'; ring: Ring | null; point: Pos | null; outline: Ring | null; fresh: boolean }

const W = 640;
const H = 420;
const PAD = 24;

const ringsOf = (g: PlaceGeometry['geometry'] | PlaceGeometry['outline']): Ring[] => {
  if (!g || g.type === 'Point') return [];
  if (g.type === 'Polygon') return [(g.coordinates as Ring[])[0]!];
  return (g.coordinates as Ring[][]).map((p) => p[0]!);
};
const open = (r: Ring) => r.slice(0, -1);
const close = (r: Ring): Ring => [...r, r[0]!];

const MIN_VERTICES = 3;
const POINT_LEVELS: readonly Place['level'][] = ['compound', 'building'];

/**
 * 编辑边界 / 编辑位置: a small SVG editor over the parent's boundary. A grid's (or community's, street's) boundary is
 * edited by dragging its vertices, clicking an edge to add one there and right-clicking one (or selecting it and pressing
 * the button) to remove it, down to three; a compound's or building's point by dragging it: the server moves its outline
 * and its buildings by the same offset (`carry`), as the editor shows the outline moving. Saved with the version it was
 * loaded at (`PUT /api/places/{id}/geometry`): someone's change in between is a 409, shown.
 * A place without geometry yet gets it here too: its boundary drawn by clicking the corners in turn over the parent's
 * (and the neighbours', in grey), its point placed by a click. A saved boundary that overlaps a neighbour's is kept, as an
 * import's is, and the dialog stays open to say where.
 */
export function GeometryEditorModal({ place, onClose, onDone }: { place: Place; onClose: () => void; onDone: () => void }) {
  const { t, pick } = useI18n();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [context, setContext] = useState<Ring[]>([]);
  const [neighbours, setNeighbours] = useState<Ring[]>([]);
  const [overlaps, setOverlaps] = useState<SiblingOverlap[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [reason, setReason] = useState('');
  const [dragging, setDragging] = useState<number | 'point' | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  useEffect(() => {
    let live = true;
    const parentId = place.parentId;
    void Promise.all([
      geometryApi.get(place.id),
      parentId ? geometryApi.get(parentId).catch(() => null) : null,
      parentId ? placesApi.map(parentId).catch(() => null) : null,
    ]).then(([own, parent, siblings]) => {
      if (!live) return;
      setContext(parent ? [...ringsOf(parent.geometry), ...ringsOf(parent.outline)] : []);
      setNeighbours((siblings?.map.features ?? []).filter((f) => f.properties.placeId !== place.id).flatMap((f) => ringsOf(f.geometry)));
      const base = { version: own.version, ring: null, point: null, outline: null, fresh: false };
      if (own.kind === 'point' && own.geometry?.type === 'Point') {
        setEditing({ ...base, kind: 'point', point: own.geometry.coordinates as Pos, outline: ringsOf(own.outline)[0] ?? null });
      } else if (own.kind === 'boundary' && own.geometry?.type === 'Polygon') {
        setEditing({ ...base, kind: 'boundary', ring: open(ringsOf(own.geometry)[0]!) });
      } else if (own.kind) {
        setProblem(t('geometryEdit.multi'));
      } else if (!parent?.geometry) {
        setProblem(t('geometryEdit.noParent'));
      } else {
        setEditing({ ...base, fresh: true, ...(POINT_LEVELS.includes(place.level) ? { kind: 'point' } : { kind: 'boundary', ring: [] }) });
      }
    }, (err) => live && setProblem(err instanceof ApiError && err.messages ? pick(err.messages) : t('common.notFound')));
    return () => { live = false; };
  }, [place.id]);

  // The view: the parent's and the place's own positions, padded, longitude shrunk by the latitude's cosine.
  const view = useMemo(() => {
    const all = [...context.flat(), ...neighbours.flat(), ...(editing?.ring ?? []), ...(editing?.point ? [editing.point] : []), ...(editing?.outline ?? [])];
    if (all.length === 0) return null;
    const xs = all.map((p) => p[0]);
    const ys = all.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.cos(((y0 + y1) / 2) * (Math.PI / 180));
    const span = Math.max(((x1 - x0) * k) / (W - 2 * PAD), (y1 - y0) / (H - 2 * PAD), 1e-7);
    return {
      to: ([lon, lat]: Pos): Pos => [PAD + ((lon - x0) * k) / span, H - PAD - (lat - y0) / span],
      from: ([x, y]: Pos): Pos => [x0 + ((x - PAD) * span) / k, y0 + (H - PAD - y) * span],
    };
  }, [context, neighbours, editing === null]);

  const pathOf = (r: Ring, closed = true) => (view && r.length > 0 ? `M${r.map((p) => view.to(p).map((n) => n.toFixed(1)).join(',')).join('L')}${closed ? 'Z' : ''}` : '');
  const svgPoint = (e: React.PointerEvent): Pos | null => {
    const m = svg.current?.getScreenCTM();
    if (!m || !view) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return view.from([p.x, p.y]);
  };
  const move = (e: React.PointerEvent) => {
    if (dragging === null || !editing) return;
    const at = svgPoint(e);
    if (!at) return;
    if (dragging === 'point' && editing.point) {
      // The whole compound moves: its outline with the point (and, on the server, its buildings).
      const [dx, dy] = [at[0] - editing.point[0], at[1] - editing.point[1]];
      setEditing({ ...editing, point: at, outline: editing.outline?.map(([x, y]) => [x + dx, y + dy] as Pos) ?? null });
    } else if (typeof dragging === 'number' && editing.ring) {
      setEditing({ ...editing, ring: editing.ring.map((p, i) => (i === dragging ? at : p)) });
    }
  };

  // A vertex added where an edge was clicked, after that edge's first vertex, and dragged from there at once.
  const addVertex = (edge: number, e: React.PointerEvent) => {
    const at = svgPoint(e);
    if (!at || !editing?.ring || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    setEditing({ ...editing, ring: [...editing.ring.slice(0, edge + 1), at, ...editing.ring.slice(edge + 1)] });
    setSelected(edge + 1);
    setDragging(edge + 1);
  };
  // Drawing from nothing: a click beside the shape adds the next corner; a new point goes where the click is.
  const place_ = (e: React.PointerEvent) => {
    const at = svgPoint(e);
    if (!at || !editing?.fresh || e.button !== 0) return;
    if (editing.kind === 'point') setEditing({ ...editing, point: at });
    else setEditing({ ...editing, ring: [...(editing.ring ?? []), at] });
  };
  const removeVertex = (i: number) => {
    if (!editing?.ring) return;
    if (editing.ring.length <= MIN_VERTICES && !editing.fresh) return setProblem(t('geometryEdit.minVertices'));
    setEditing({ ...editing, ring: editing.ring.filter((_, j) => j !== i) });
    setSelected(null);
  };

  const save = async () => {
    if (!editing) return;
    setSaving(true);
    setProblem(null);
    try {
      const shape = editing.kind === 'point'
        ? { geometry: { type: 'Point', coordinates: editing.point }, ...(editing.fresh ? {} : { carry: true }) }
        : { geometry: { type: 'Polygon', coordinates: [close(editing.ring!)] } };
      const saved = await api.put<{ overlaps: SiblingOverlap[] }>(`/api/places/${encodeURIComponent(place.id)}/geometry`, { version: editing.version, ...shape, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onDone();
      if (saved.overlaps.length > 0) setOverlaps(saved.overlaps);
      else onClose();
    } catch (err) {
      setProblem(err instanceof ApiError && err.status === 409 ? t('geometryEdit.stale') : err instanceof ApiError && err.messages ? pick(err.messages) : String(err));
    } finally {
      setSaving(false);
    }
  };

  const ready = editing?.kind === 'point' ? editing.point !== null : (editing?.ring?.length ?? 0) >= MIN_VERTICES;
  if (overlaps) {
    return (
      <Modal open title={`${t('geometryEdit.titleBoundary')} · ${place.name}`} onCancel={onClose} destroyOnHidden
        footer={<Button onClick={onClose}>{t('common.close')}</Button>}>
        <Alert type="warning" showIcon data-testid="geometry-edit-overlaps" title={t('geometryEdit.savedWithOverlaps')}
          description={overlaps.map((o) => (
            <div key={o.siblingId}>{t('geometryImport.overlap', { name: place.name, sibling: o.siblingName, area: Math.round(o.squareMetres).toLocaleString() })}</div>
          ))} />
      </Modal>
    );
  }

  return (
    <Modal open title={`${t(editing?.kind === 'boundary' ? 'geometryEdit.titleBoundary' : 'geometryEdit.titlePoint')} · ${place.name}`} onCancel={onClose} destroyOnHidden width={W + 48}
      footer={(
        <Space>
          <Button onClick={onClose}>{t('common.close')}</Button>
          {editing?.kind === 'boundary' && (
            <Button danger disabled={selected === null || (!editing.fresh && (editing.ring?.length ?? 0) <= MIN_VERTICES)} onClick={() => selected !== null && removeVertex(selected)}
              data-testid="geometry-edit-remove-vertex">{t('geometryEdit.removeVertex')}</Button>
          )}
          <Button type="primary" disabled={!ready} loading={saving} onClick={() => void save()} data-testid="geometry-edit-save">{t('geometryEdit.save')}</Button>
        </Space>
      )}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} data-testid="geometry-edit-problem" />}
      {!editing && !problem && <Skeleton active />}
      {editing && view && (
        <>
          <Typography.Paragraph type="secondary">
            {t(editing.kind === 'boundary' ? (editing.fresh ? 'geometryEdit.hintDraw' : 'geometryEdit.hintBoundary') : (editing.fresh ? 'geometryEdit.hintPlace' : 'geometryEdit.hintPoint'))}
          </Typography.Paragraph>
          <svg ref={svg} width={W} height={H} viewBox={`0 0 ${W} ${H}`} data-testid="geometry-editor" data-vertices={editing.ring?.length} data-fresh={editing.fresh || undefined} style={{ background: '#fafafa', border: '1px solid #f0f0f0', touchAction: 'none', maxWidth: '100%' }}
            onPointerDown={place_} onPointerMove={move} onPointerUp={() => setDragging(null)} onPointerLeave={() => setDragging(null)}>
            {context.map((r, i) => <path key={i} d={pathOf(r)} fill="#f0f0f0" stroke="#8c8c8c" strokeDasharray="4 3" />)}
            {neighbours.map((r, i) => <path key={`n${i}`} d={pathOf(r)} fill="rgba(140,140,140,0.12)" stroke="#bfbfbf" data-testid="geometry-edit-neighbour" />)}
            {editing.outline && <path d={pathOf(editing.outline)} fill="rgba(22,119,255,0.15)" stroke="#1677ff" />}
            {editing.ring && editing.ring.length > 0 && <path d={pathOf(editing.ring, editing.ring.length >= MIN_VERTICES)} fill="rgba(22,119,255,0.2)" stroke="#1677ff" strokeWidth={2} data-testid="geometry-edit-ring" />}
            {editing.ring?.map((p, i) => {
              if (editing.ring!.length < MIN_VERTICES) return null;
              const [[x1, y1], [x2, y2]] = [view.to(p), view.to(editing.ring![(i + 1) % editing.ring!.length]!)];
              return <line key={`e${i}`} x1={x1} y1={y1} x2={x2} y2={y2} stroke="transparent" strokeWidth={12} style={{ cursor: 'copy' }}
                data-testid={`geometry-edit-edge-${i}`} onPointerDown={(e) => addVertex(i, e)} />;
            })}
            {editing.ring?.map((p, i) => {
              const [x, y] = view.to(p);
              return <circle key={i} cx={x} cy={y} r={6} fill={selected === i ? '#1677ff' : '#fff'} stroke="#1677ff" strokeWidth={2} style={{ cursor: 'move' }}
                data-testid={`geometry-edit-vertex-${i}`}
                onPointerDown={(e) => { e.stopPropagation(); if (e.button !== 0) return; e.preventDefault(); setSelected(i); setDragging(i); }}
                onContextMenu={(e) => { e.preventDefault(); removeVertex(i); }} />;
            })}
            {editing.point && (() => {
              const [x, y] = view.to(editing.point);
              return <circle cx={x} cy={y} r={8} fill="#c8161d" stroke="#fff" strokeWidth={2} style={{ cursor: 'move' }} data-testid="geometry-edit-point"
                onPointerDown={(e) => { e.stopPropagation(); e.preventDefault(); setDragging('point'); }} />;
            })()}
          </svg>
          <Input style={{ marginTop: 8 }} placeholder={t('place.changeReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </>
      )}
    </Modal>
  );
}
