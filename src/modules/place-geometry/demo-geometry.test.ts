import { booleanPointInPolygon, featureCollection, intersect } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type TestApp } from '../../test/harness.js';
import { checkInParent } from './shape.js';
import { shapeOfRow } from './store.js';
import { storedGeometry } from './test-support.js';

type Region = Polygon | MultiPolygon;
const feature = (g: Region) => ({ type: 'Feature' as const, properties: {}, geometry: g });

/**
 * Plane area in square degrees (shoelace; holes subtract). Unlike Turf's spherical area it is exactly additive when a
 * clip splits an edge at a point on it, so the sums below can be held to rounding.
 */
const ringArea = (ring: Position[]) => Math.abs(ring.reduce((n, [x, y], i) => { const [x2, y2] = ring[(i + 1) % ring.length]!; return n + x! * y2! - x2! * y!; }, 0)) / 2;
const planeArea = (g: Region) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
  .reduce((n, rings) => n + ringArea(rings[0]!) - rings.slice(1).reduce((h, r) => h + ringArea(r), 0), 0);
// 1e-12 square degrees is about a hundredth of a square metre here.
const ROUNDING = 1e-12;

/** The parts tile the whole: their areas add up to it and no two overlap by more than rounding. */
function expectTiling(whole: Region, parts: Region[]) {
  const sum = parts.reduce((n, p) => n + planeArea(p), 0);
  expect(Math.abs(sum - planeArea(whole))).toBeLessThan(ROUNDING * parts.length);
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const overlap = intersect(featureCollection([feature(parts[i]!), feature(parts[j]!)]));
      expect(overlap ? planeArea(overlap.geometry) : 0).toBeLessThan(ROUNDING);
    }
  }
}

describe('the demo street’s generated geometry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const db = () => t.ctx.handle.db;
  const childrenWithGeometry = async (parentId: string) => {
    const kids = await db().selectFrom('places').select(['id', 'level']).where('parent_id', '=', parentId).execute();
    return Promise.all(kids.map(async (k) => ({ ...k, g: (await storedGeometry(t, k.id))! })));
  };

  it('tiles the street with its communities and each community with its grids, without gaps or overlaps', async () => {
    const street = await placeByName(t, '西南街道');
    const streetShape = (await storedGeometry(t, street.id))!;
    expect(streetShape.kind).toBe('boundary');
    const communities = await childrenWithGeometry(street.id);
    expect(communities.length).toBe(20);
    expect(communities.every((c) => c.g?.kind === 'boundary')).toBe(true);
    expectTiling(streetShape.geometry, communities.map((c) => c.g.geometry));
    for (const c of communities) {
      const grids = await childrenWithGeometry(c.id);
      expect(grids.length).toBeGreaterThan(0);
      expectTiling(c.g.geometry, grids.map((g) => g.g.geometry));
    }
  });

  it('puts every compound’s point inside its grid and every building inside its compound’s outline', async () => {
    const grids = await db().selectFrom('places').select('id').where('level', '=', 'grid').where('path', 'like', '/440607/440607001/%').execute();
    let buildings = 0;
    for (const grid of grids) {
      const gridShape = (await storedGeometry(t, grid.id))!;
      for (const compound of await childrenWithGeometry(grid.id)) {
        expect(compound.g.kind).toBe('point');
        expect(booleanPointInPolygon(compound.g.geometry, gridShape.geometry)).toBe(true);
        for (const building of await childrenWithGeometry(compound.id)) {
          expect(booleanPointInPolygon(building.g.geometry, compound.g.outline)).toBe(true);
          buildings++;
        }
      }
    }
    expect(buildings).toBeGreaterThan(0);
  });

  it('passes the checks an edit or import runs: every shape lies within its parent’s, within the tolerance', async () => {
    const rows = await db().selectFrom('place_geometries').innerJoin('places', 'places.id', 'place_geometries.place_id')
      .selectAll('place_geometries').select(['places.parent_id', 'places.name']).execute();
    const byId = new Map(rows.map((r) => [r.place_id, r]));
    let checked = 0;
    for (const r of rows) {
      const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
      if (!parent) continue;
      expect(checkInParent(shapeOfRow(r), { name: parent.name, shape: shapeOfRow(parent) }), r.name).toBeNull();
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('gives no other street geometry, and is the same on every run (seeded)', async () => {
    const other = await db().selectFrom('place_geometries').innerJoin('places', 'places.id', 'place_geometries.place_id')
      .select('places.id').where('places.path', 'not like', '/440607/440607001/%').execute();
    expect(other).toEqual([]);
    const again = await createTestApp();
    try {
      const street = await placeByName(t, '西南街道');
      const a = (await storedGeometry(t, street.id))!.geometry;
      const b = (await again.ctx.handle.db.selectFrom('place_geometries').select('geometry').where('place_id', '=', street.id).executeTakeFirstOrThrow()).geometry;
      expect(JSON.parse(b)).toEqual(a);
    } finally {
      await again.close();
    }
  });
});
