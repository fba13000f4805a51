import type { Db } from '../../core/db.js';
import { nowIso } from '../../core/ids.js';
import { listChildren, type PlaceRow } from '../places/index.js';
import { unresolvedCountsByChild } from '../work-orders/index.js';
import type { PlaceShape } from './shape.js';
import { findShapes } from './store.js';

// A street has some twenty communities, a grid a few dozen compounds; 2,000 covers a street's compounds drawn at once.
const MAX_CHILDREN = 2000;

const featureOf = (p: PlaceRow, shape: PlaceShape, extra: Record<string, unknown> = {}) => ({
  type: 'Feature' as const, id: p.id, properties: { placeId: p.id, name: p.name, level: p.level, ...extra }, geometry: shape.geometry,
});

/**
 * A place's map: its own outline and its children's geometry as a GeoJSON FeatureCollection, each child with its
 * unresolved and overdue work orders (`open`, `overdue`), as the web draws it with ECharts' registerMap (no tile service).
 * Children without geometry yet are listed apart, with their counts.
 */
export async function placeMap(db: Db, place: PlaceRow) {
  const { items: children } = await listChildren(db, place.id, MAX_CHILDREN, 0);
  const [shapes, counts] = await Promise.all([
    findShapes(db, [place.id, ...children.map((c) => c.id)]),
    unresolvedCountsByChild(db, place.path, children.map((c) => c.path), nowIso()),
  ]);
  const own = shapes.get(place.id);
  const withCounts = (c: PlaceRow) => counts.get(c.path) ?? { open: 0, overdue: 0 };
  return {
    place: { id: place.id, name: place.name, level: place.level },
    outline: own ? featureOf(place, own) : null,
    map: {
      type: 'FeatureCollection' as const,
      features: children.filter((c) => shapes.has(c.id)).map((c) => featureOf(c, shapes.get(c.id)!, withCounts(c))),
    },
    unmapped: children.filter((c) => !shapes.has(c.id)).map((c) => ({ placeId: c.id, name: c.name, level: c.level, ...withCounts(c) })),
  };
}
