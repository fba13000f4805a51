import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { area, bbox, booleanPointInPolygon, booleanValid, difference, feature, featureCollection, kinks, pointOnFeature } from '@turf/turf';
import type { ErrorCode } from '../../../contracts/error-codes.js';
import type { Message } from '../../core/errors.js';
import { msg } from '../../core/i18n.js';
import type { PlaceLevel } from '../places/index.js';
import { geometryMsg } from './messages.js';
import type { GeometryKind } from './tables.js';

/** A place's geometry as the module works with it (WGS-84), with its bounding box [minLon, minLat, maxLon, maxLat]. */
export interface PlaceShape {
  kind: GeometryKind;
  geometry: Polygon | MultiPolygon | Point;
  outline: Polygon | null;
  bbox: [number, number, number, number];
}

export interface ShapeProblem {
  code: ErrorCode;
  field: string;
  message: Message;
}

const KIND_OF_LEVEL: Partial<Record<PlaceLevel, GeometryKind>> = {
  district: 'boundary', street: 'boundary', community: 'boundary', grid: 'boundary', compound: 'point', building: 'point',
};
export const geometryKindOf = (level: PlaceLevel): GeometryKind | undefined => KIND_OF_LEVEL[level];

// China's extent, generously: Pamirs to the Wusuli, Zengmu Ansha to Mohe.
const CHINA = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 };
const LEVEL_NAMES: Record<PlaceLevel, Message> = {
  district: geometryMsg.levelDistrict, street: geometryMsg.levelStreet, community: geometryMsg.levelCommunity, grid: geometryMsg.levelGrid,
  compound: geometryMsg.levelCompound, building: geometryMsg.levelBuilding, household: geometryMsg.levelHousehold,
};

const problem = (code: ErrorCode, field: string, message: Message): ShapeProblem => ({ code, field, message });
const isPosition = (p: unknown): p is Position => Array.isArray(p) && p.length >= 2 && p.length <= 3 && p.every((n) => typeof n === 'number' && Number.isFinite(n));
const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Every position a valid [lon, lat] inside China; a ring closed with at least four positions. */
function checkRings(rings: unknown, field: string): ShapeProblem | null {
  if (!Array.isArray(rings) || rings.length === 0) return problem('ring_not_closed', field, geometryMsg.ringNotClosed);
  for (const ring of rings) {
    if (!Array.isArray(ring) || !ring.every(isPosition)) return problem('bad_coordinates', field, geometryMsg.badCoordinates);
    const outOfChina = checkPositions(ring, field);
    if (outOfChina) return outOfChina;
    if (ring.length < 4 || !samePosition(ring[0]!, ring[ring.length - 1]!)) return problem('ring_not_closed', field, geometryMsg.ringNotClosed);
  }
  return null;
}

function checkPositions(positions: Position[], field: string): ShapeProblem | null {
  const outside = positions.some(([lon, lat]) => lon! < CHINA.minLon || lon! > CHINA.maxLon || lat! < CHINA.minLat || lat! > CHINA.maxLat);
  return outside ? problem('outside_china', field, geometryMsg.outsideChina) : null;
}

/** A Polygon or MultiPolygon with closed rings, not crossing itself (Turf's kinks) and otherwise valid (holes inside). */
function readPolygonal(g: { type?: unknown; coordinates?: unknown }, field: string): Polygon | MultiPolygon | ShapeProblem {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : [null];
  if (polygons.length === 0) return problem('ring_not_closed', field, geometryMsg.ringNotClosed);
  for (const rings of polygons) {
    const bad = checkRings(rings, field);
    if (bad) return bad;
  }
  const shape = { type: g.type, coordinates: g.coordinates } as Polygon | MultiPolygon;
  if (kinks(shape).features.length > 0) return problem('self_intersection', field, geometryMsg.selfIntersection);
  if (!booleanValid(shape)) return problem('invalid_polygon', field, geometryMsg.invalidPolygon);
  return shape;
}

const isProblem = (x: object): x is ShapeProblem => 'code' in x;

/**
 * Reads what a caller sent for a place of `level`. A boundary level takes a Polygon or MultiPolygon; a compound or
 * building a Point, or a Polygon that is its outline (its point then a point inside it), or a Point with an `outline`.
 */
export function readShape(level: PlaceLevel, geometry: unknown, outline?: unknown): PlaceShape | ShapeProblem {
  const kind = geometryKindOf(level);
  if (!kind) return problem('no_geometry', 'geometry', msg(geometryMsg.noGeometry, { level: LEVEL_NAMES[level] }));
  const g = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  const wrongType = problem('wrong_geometry_type', 'geometry', msg(geometryMsg.wrongType, { level: LEVEL_NAMES[level], expected: geometryMsg[kind] }));
  if (kind === 'boundary') {
    if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return wrongType;
    const shape = readPolygonal(g, 'geometry');
    return isProblem(shape) ? shape : { kind, geometry: shape, outline: null, bbox: bbox(shape) as PlaceShape['bbox'] };
  }
  let outlineShape: Polygon | null = null;
  const o = (g.type === 'Polygon' ? g : outline) as { type?: unknown; coordinates?: unknown } | undefined | null;
  if (o) {
    if (o.type !== 'Polygon') return problem('wrong_geometry_type', 'outline', msg(geometryMsg.wrongType, { level: LEVEL_NAMES[level], expected: geometryMsg.point }));
    const read = readPolygonal(o, g.type === 'Polygon' ? 'geometry' : 'outline');
    if (isProblem(read)) return read;
    outlineShape = read as Polygon;
  }
  let point: Point;
  if (g.type === 'Point') {
    if (!isPosition(g.coordinates)) return problem('bad_coordinates', 'geometry', geometryMsg.badCoordinates);
    const bad = checkPositions([g.coordinates], 'geometry');
    if (bad) return bad;
    point = { type: 'Point', coordinates: g.coordinates };
  } else if (g.type === 'Polygon') point = pointOnFeature(outlineShape!).geometry;
  else return wrongType;
  if (outlineShape && !booleanPointInPolygon(point, outlineShape)) return problem('outside_outline', 'geometry', msg(geometryMsg.outsideOutline, { level: LEVEL_NAMES[level] }));
  return { kind, geometry: point, outline: outlineShape, bbox: bbox(outlineShape ?? point) as PlaceShape['bbox'] };
}

/** The region a child must lie in: a boundary, or a point's outline; none for a bare point. */
export const regionOf = (shape: PlaceShape): Polygon | MultiPolygon | null => (shape.kind === 'boundary' ? shape.geometry as Polygon | MultiPolygon : shape.outline);

/** A point the shape surely covers: a point itself, or a point inside a boundary (not the centroid, which may lie outside). */
export const anchorOf = (shape: PlaceShape): Point => (shape.kind === 'point' ? shape.geometry as Point : pointOnFeature(shape.geometry).geometry);

/**
 * How much of a child's boundary (or outline) may lie outside its parent's: boundaries drawn apart, or converted from
 * another coordinate system, disagree along shared edges by slivers. Outside is refused when it exceeds 1% of the child's
 * area or 10,000 m² (one hectare), whichever is less: a street's 5 km² may stray by a hectare, a grid's 0.2 km² by 2,000 m².
 */
export const OUTSIDE_PARENT_SHARE = 0.01;
export const OUTSIDE_PARENT_MAX_M2 = 10_000;

/** The area of `region` outside `parent`, in m² (0 when it lies wholly inside). */
export function areaOutside(region: Polygon | MultiPolygon, parent: Polygon | MultiPolygon): number {
  const outside = difference(featureCollection<Polygon | MultiPolygon>([feature(region), feature(parent)]));
  return outside ? area(outside) : 0;
}

/**
 * A child must lie inside its parent's region when the parent has one: its anchor (a point, or a point inside a
 * boundary) inside, and of its boundary or outline no more than the tolerance above outside. Refused (422
 * `outside_parent`), not warned, so the lookup that walks boundaries never finds a compound outside its own grid.
 */
export function checkInParent(shape: PlaceShape, parent: { name: string; shape: PlaceShape | undefined } | undefined): ShapeProblem | null {
  const region = parent?.shape && regionOf(parent.shape);
  if (!region) return null;
  if (!booleanPointInPolygon(anchorOf(shape), region)) return problem('outside_parent', 'geometry', msg(geometryMsg.outsideParent, { parent: parent!.name }));
  const own = regionOf(shape);
  if (!own) return null;
  const outside = areaOutside(own, region);
  const total = area(own);
  if (outside <= Math.min(total * OUTSIDE_PARENT_SHARE, OUTSIDE_PARENT_MAX_M2)) return null;
  return problem('outside_parent', 'geometry', msg(geometryMsg.partlyOutsideParent, {
    parent: parent!.name, area: Math.round(outside).toLocaleString('en-US'), share: ((outside / total) * 100).toFixed(1),
  }));
}

/**
 * The children a place's new shape would leave outside it, each checked as a child is against its parent (above):
 * refused (422 `children_outside`) naming them, so a redrawn grid never strands its compounds outside it.
 */
export function childrenOutside(parent: { name: string; shape: PlaceShape }, children: readonly { name: string; shape: PlaceShape }[]): ShapeProblem | null {
  if (!regionOf(parent.shape)) return null;
  const out = children.filter((c) => checkInParent(c.shape, parent) !== null).map((c) => c.name);
  if (out.length === 0) return null;
  const shown = out.slice(0, 10);
  const quoted = shown.map((name) => msg(geometryMsg.quoted, { name }));
  const list = (lang: 'zh' | 'en') => quoted.map((q) => q[lang]).join(geometryMsg.listSeparator[lang]) + (out.length > shown.length ? ` ${geometryMsg.more[lang]}` : '');
  return problem('children_outside', 'geometry', msg(geometryMsg.childrenOutside, { parent: parent.name, count: out.length, names: { zh: list('zh'), en: list('en') } }));
}

/** The shape moved by (dx, dy) degrees: every position of its geometry and outline, and its bounding box. */
export function translateShape(shape: PlaceShape, dx: number, dy: number): PlaceShape {
  const move = <T>(g: T): T => JSON.parse(JSON.stringify(g), (_k, v: unknown) =>
    Array.isArray(v) && typeof v[0] === 'number' ? [v[0] + dx, (v[1] as number) + dy, ...v.slice(2)] : v) as T;
  const [x0, y0, x1, y1] = shape.bbox;
  return { kind: shape.kind, geometry: move(shape.geometry), outline: move(shape.outline), bbox: [x0 + dx, y0 + dy, x1 + dx, y1 + dy] };
}

export { isProblem };
