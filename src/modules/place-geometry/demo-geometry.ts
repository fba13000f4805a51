import { bbox, booleanPointInPolygon, circle, featureCollection, intersect, point, polygon, voronoi } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { appendEvents, SYSTEM_ACTOR } from '../../core/events.js';
import { nowIso } from '../../core/ids.js';
import type { Seed } from '../../core/module.js';
import { createRandom, type Random } from '../../seed/random.js';
import type { PlaceRow } from '../places/index.js';
import type { PlaceShape } from './shape.js';
import { geometrySummary, rowOfShape, writeShapes } from './store.js';

type Region = Polygon | MultiPolygon;

// Around 西南街道's office in 三水 (WGS-84); the outline is generated, not the official one.
const CENTRE: Position = [112.88, 23.17];
const RADIUS = { lon: 0.045, lat: 0.04 };

/** An irregular closed outline around the centre: sixteen vertices at random radii. */
function streetOutline(random: Random): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < 16; i++) {
    const a = (i / 16) * 2 * Math.PI;
    const r = 0.75 + 0.35 * random.next();
    ring.push([CENTRE[0]! + Math.cos(a) * RADIUS.lon * r, CENTRE[1]! + Math.sin(a) * RADIUS.lat * r]);
  }
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
}

/** A random point inside the region (rejection sampling in its bounding box). */
export function pointInside(region: Region, random: Random): Position {
  const [x0, y0, x1, y1] = bbox(region);
  for (;;) {
    const p: Position = [x0 + (x1 - x0) * random.next(), y0 + (y1 - y0) * random.next()];
    if (booleanPointInPolygon(p, region)) return p;
  }
}

/**
 * `n` regions that tile `region` without gaps or overlaps: the Voronoi cells of n random points inside it, each clipped
 * by the region (every cell holds its own seed point, so none is empty).
 */
export function tile(region: Region, n: number, random: Random): Region[] {
  if (n === 1) return [region];
  const seeds = Array.from({ length: n }, () => point(pointInside(region, random)));
  const [x0, y0, x1, y1] = bbox(region);
  const cells = voronoi(featureCollection(seeds), { bbox: [x0 - 0.01, y0 - 0.01, x1 + 0.01, y1 + 0.01] });
  return cells.features.map((cell) => intersect(featureCollection<Polygon | MultiPolygon>([cell, { type: 'Feature', properties: {}, geometry: region }]))!.geometry);
}

/** A compound: a point in its grid with a round outline of about 60 m, clipped by the grid. */
function compoundShape(grid: Region, random: Random): PlaceShape {
  const at = pointInside(grid, random);
  const round = circle(at, 0.06, { steps: 12, units: 'kilometers' }) as Feature<Polygon>;
  const clipped = intersect(featureCollection<Polygon | MultiPolygon>([round, { type: 'Feature', properties: {}, geometry: grid }]))!.geometry;
  // A clip at a grid's corner may split in two: keep the part around the point.
  const outline: Polygon = clipped.type === 'Polygon' ? clipped
    : polygon(clipped.coordinates.find((c) => booleanPointInPolygon(at, polygon(c)))!).geometry;
  return { kind: 'point', geometry: { type: 'Point', coordinates: at }, outline, bbox: bbox(outline) as PlaceShape['bbox'] };
}

const boundaryShape = (region: Region): PlaceShape => ({ kind: 'boundary', geometry: region, outline: null, bbox: bbox(region) as PlaceShape['bbox'] });
const pointShape = (at: Position): PlaceShape => ({ kind: 'point', geometry: { type: 'Point', coordinates: at }, outline: null, bbox: [at[0]!, at[1]!, at[0]!, at[1]!] });

/** The demo street's geometry: its outline, communities and grids tiling it, compounds in their grids, buildings in their compounds. */
export function generateDemoGeometry(street: PlaceRow, below: readonly PlaceRow[], random: Random): Map<string, PlaceShape> {
  const shapes = new Map<string, PlaceShape>([[street.id, boundaryShape(streetOutline(random))]]);
  const children = new Map<string, PlaceRow[]>();
  for (const p of below) if (p.parent_id) (children.get(p.parent_id) ?? children.set(p.parent_id, []).get(p.parent_id)!).push(p);
  const walk = (parent: PlaceRow) => {
    const kids = children.get(parent.id) ?? [];
    const shape = shapes.get(parent.id)!;
    if (parent.level === 'street' || parent.level === 'community') {
      const regions = kids.length ? tile(shape.geometry as Region, kids.length, random) : [];
      kids.forEach((k, i) => shapes.set(k.id, boundaryShape(regions[i]!)));
    } else if (parent.level === 'grid') {
      for (const k of kids) shapes.set(k.id, compoundShape(shape.geometry as Region, random));
    } else if (parent.level === 'compound') {
      for (const k of kids) shapes.set(k.id, pointShape(pointInside(shape.outline!, random)));
    } else return;
    for (const k of kids) walk(k);
  };
  walk(street);
  return shapes;
}

/**
 * Its own seeded random numbers: the shared ones are drawn a varying number of times by the seeds before (dates), and
 * drawing from them here would change the seeds after.
 */
export const demoGeometrySeed: Seed = {
  async run(ctx, demo) {
    const { db } = ctx.handle;
    const street = await db.selectFrom('places').selectAll().where('id', '=', demo.places.street.id).executeTakeFirstOrThrow();
    const below = await db.selectFrom('places').selectAll().where('path', 'like', `${street.path}%`).where('level', '!=', 'household')
      .orderBy('depth').orderBy('sort_order').orderBy('name').orderBy('id').execute();
    const shapes = generateDemoGeometry(street, below, createRandom(20261202));
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      await writeShapes(trx, [...shapes].map(([id, s]) => rowOfShape(id, s, now)));
      await appendEvents(trx, SYSTEM_ACTOR, [...shapes].map(([id, s]) => ({
        entityType: 'place', entityId: id, placeId: id, action: 'set_geometry', to: geometrySummary(s), reason: 'demo data',
      })), now);
    });
  },
};
