import { area, featureCollection, intersect } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { DbOrTrx } from '../../core/db.js';
import type { PlaceRow } from '../places/index.js';
import type { PlaceShape } from './shape.js';
import { findShapes } from './store.js';

export interface SiblingOverlap {
  placeId: string;
  siblingId: string;
  siblingName: string;
  squareMetres: number;
}

// Shared edges computed apart leave slivers of rounding; a square metre is far above those and far below a real overlap.
const TOLERANCE_M2 = 1;
const boxesMeet = (a: PlaceShape['bbox'], b: PlaceShape['bbox']) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
const feature = (g: Polygon | MultiPolygon) => ({ type: 'Feature' as const, properties: {}, geometry: g });

/**
 * Boundaries that overlap a sibling's (two grids of one community claiming the same ground): reported with the import's
 * preview as warnings, not refused, since redrawing two neighbours is often done one file at a time. The sibling's new
 * boundary from the same file counts, else its stored one.
 */
export async function siblingOverlaps(db: DbOrTrx, planned: ReadonlyMap<string, { place: PlaceRow; shape: PlaceShape }>): Promise<SiblingOverlap[]> {
  const boundaries = [...planned.values()].filter((p) => p.shape.kind === 'boundary' && p.place.parent_id);
  if (boundaries.length === 0) return [];
  const parentIds = [...new Set(boundaries.map((p) => p.place.parent_id!))];
  const siblings: Pick<PlaceRow, 'id' | 'name' | 'parent_id'>[] = [];
  for (let i = 0; i < parentIds.length; i += 400) {
    siblings.push(...await db.selectFrom('places').select(['id', 'name', 'parent_id']).where('parent_id', 'in', parentIds.slice(i, i + 400)).execute());
  }
  const stored = await findShapes(db, siblings.filter((s) => !planned.has(s.id)).map((s) => s.id));
  const shapeOf = (id: string) => planned.get(id)?.shape ?? stored.get(id);
  const out: SiblingOverlap[] = [];
  for (const p of boundaries) {
    for (const s of siblings) {
      const other = s.parent_id === p.place.parent_id && s.id !== p.place.id ? shapeOf(s.id) : undefined;
      if (!other || other.kind !== 'boundary' || !boxesMeet(p.shape.bbox, other.bbox)) continue;
      const overlap = intersect(featureCollection([feature(p.shape.geometry as Polygon), feature(other.geometry as Polygon)]));
      const squareMetres = overlap ? area(overlap) : 0;
      if (squareMetres > TOLERANCE_M2) out.push({ placeId: p.place.id, siblingId: s.id, siblingName: s.name, squareMetres: Math.round(squareMetres) });
    }
  }
  return out;
}
