import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { DbOrTrx } from '../../core/db.js';
import { findPlace, type PlaceRow } from '../places/index.js';
import { checkInParent, isProblem, readShape, regionOf, type PlaceShape, type ShapeProblem } from './shape.js';
import { findShapes } from './store.js';

/** The ground a place covers: its boundary, or a compound's or building's outline. */
export interface PlaceRegion {
  placeId: string;
  name: string;
  region: Polygon | MultiPolygon;
}

/**
 * The region of the place or, when it has none (no geometry yet, or a bare point), of the nearest place above it that
 * has one; null when none has. For another module's records that hang on a place and carry a point (a service site).
 */
export async function nearestRegion(db: DbOrTrx, place: Pick<PlaceRow, 'path'>): Promise<PlaceRegion | null> {
  const chain = place.path.split('/').filter(Boolean).reverse();
  const shapes = await findShapes(db, chain);
  for (const id of chain) {
    const shape = shapes.get(id);
    const region = shape && regionOf(shape);
    if (!region) continue;
    const found = await findPlace(db, id);
    return found ? { placeId: id, name: found.name, region } : null;
  }
  return null;
}

/** A polygon drawn for another module's record, checked as a boundary is: rings closed, inside China, not crossing itself, valid. */
export function polygonProblem(polygon: Polygon, field: string): ShapeProblem | null {
  const read = readShape('grid', polygon);
  return isProblem(read) ? { ...read, field } : null;
}

const asShape = (geometry: PlaceShape['geometry'], outline: Polygon | null): PlaceShape =>
  ({ kind: outline || geometry.type === 'Point' ? 'point' : 'boundary', geometry, outline, bbox: [0, 0, 0, 0] });

/**
 * Whether a point, with the outline drawn around it, lies inside a region as a child place must lie inside its parent's:
 * the point inside, and of the outline no more outside than the same tolerance (slivers along a shared edge).
 */
export const liesInside = (point: Position, outline: Polygon | null, within: PlaceRegion): boolean =>
  checkInParent(asShape({ type: 'Point', coordinates: point }, outline), { name: within.name, shape: asShape(within.region, null) }) === null;
