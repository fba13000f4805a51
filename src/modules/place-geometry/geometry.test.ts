import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { area, booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Polygon } from 'geojson';
import { gcoord } from './crs.js';
import { areaOutside, OUTSIDE_PARENT_MAX_M2, OUTSIDE_PARENT_SHARE } from './shape.js';
import { compoundIn, eventCount, mappedChildrenOf, square, storedGeometry, withExtraVertex } from './test-support.js';

describe('a place’s geometry, set one at a time', () => {
  let t: TestApp;
  let admin: Client;
  let worker: Client;
  let grid1: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
    worker = await t.as('beijiang');
    grid1 = await t.as('grid1');
  });
  afterAll(() => t.close());
  const put = (c: Client, id: string, payload: Record<string, unknown>) => c({ method: 'PUT', url: `/api/places/${id}/geometry`, payload });

  it('shows a grid’s boundary and sets a new one with the place’s version: one event, 409 when stale', async () => {
    const grid = await placeByName(t, '北江社区第2网格');
    const shown = (await worker({ url: `/api/places/${grid.id}/geometry` })).json();
    expect(shown).toMatchObject({ placeId: grid.id, kind: 'boundary', version: grid.version, geometry: { type: expect.stringMatching(/Polygon/) } });
    // The same ground with one more vertex: its compounds stay inside it, and it inside the community.
    const boundary = withExtraVertex(shown.geometry);
    const res = await put(worker, grid.id, { version: grid.version, geometry: boundary, reason: '网格调整' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'boundary', version: grid.version + 1, bbox: shown.bbox, overlaps: [] });
    expect((await storedGeometry(t, grid.id))!.geometry).toEqual(boundary);
    const timeline = (await worker({ url: `/api/timeline/place/${grid.id}` })).json().items;
    expect(timeline.at(-1)).toMatchObject({ action: 'set_geometry', reason: '网格调整', to: { geometryType: 'Polygon' }, from: { geometryType: expect.stringMatching(/Polygon/) } });
    const before = await eventCount(t);
    const stale = await put(worker, grid.id, { version: grid.version, geometry: boundary });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const race = await Promise.all([put(worker, grid.id, { version: grid.version + 1, geometry: boundary }), put(admin, grid.id, { version: grid.version + 1, geometry: boundary })]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await eventCount(t)).toBe(before + 1);
  });

  it('refuses a bad geometry with 422 and its reason, writing nothing', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const household = await t.ctx.handle.db.selectFrom('places').selectAll().where('level', '=', 'household').where('path', 'like', `${grid.path}%`).executeTakeFirstOrThrow();
    const compound = await compoundIn(t, grid.id);
    const before = await eventCount(t);
    const stored = await storedGeometry(t, grid.id);
    const [x, y] = [112.88, 23.17];
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['open ring', grid.id, { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01]]] }, 'ring_not_closed'],
      ['bow tie', grid.id, { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y + 0.01], [x + 0.01, y], [x, y + 0.01], [x, y]]] }, 'self_intersection'],
      ['London', grid.id, square(-0.13, 51.5, 0.01), 'outside_china'],
      ['strings', grid.id, { type: 'Polygon', coordinates: [[['a', 'b'], [1, 2], [3, 4], ['a', 'b']]] }, 'bad_coordinates'],
      ['a point for a grid', grid.id, { type: 'Point', coordinates: [x, y] }, 'wrong_geometry_type'],
      ['a grid outside its community', grid.id, square(113.5, 23.5, 0.01), 'outside_parent'],
      ['a compound outside its grid', compound.id, { type: 'Point', coordinates: [113.5, 23.5] }, 'outside_parent'],
      ['a household', household.id, { type: 'Point', coordinates: compound.at }, 'no_geometry'],
    ];
    for (const [what, id, geometry, code] of cases) {
      const place = (await t.ctx.handle.db.selectFrom('places').select('version').where('id', '=', id).executeTakeFirstOrThrow());
      const res = await put(worker, id, { version: place.version, geometry });
      expect(res.statusCode, what).toBe(422);
      expect(res.json(), what).toMatchObject({ code, field: 'geometry', message: { zh: expect.stringMatching(/[\u4e00-\u9fa5]/), en: expect.any(String) } });
    }
    expect(await eventCount(t)).toBe(before);
    expect(await storedGeometry(t, grid.id)).toEqual(stored);
  });

  it('refuses a boundary partly outside its parent’s beyond the tolerance, and takes one with a sliver outside', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const community = await placeByName(t, '北江社区');
    const outline = (await storedGeometry(t, community.id))!.geometry;
    const { at } = await compoundIn(t, grid.id);
    // Thin strips east from a compound of the grid, longer and longer, until they cross the community's edge.
    const strip = (length: number): Polygon => ({ type: 'Polygon', coordinates: [[[at[0]!, at[1]!], [at[0]! + length, at[1]!], [at[0]! + length, at[1]! + 0.0002], [at[0]!, at[1]! + 0.0002], [at[0]!, at[1]!]]] });
    let sliver: Polygon | undefined;
    let beyond: Polygon | undefined;
    for (let length = 0.0005; length < 0.2 && !(sliver && beyond); length += 0.00005) {
      const s = strip(length);
      const share = areaOutside(s, outline) / area(s);
      if (!booleanPointInPolygon(pointOnFeature(s), outline)) continue;
      if (!sliver && share > 0 && share < OUTSIDE_PARENT_SHARE / 2 && areaOutside(s, outline) < OUTSIDE_PARENT_MAX_M2) sliver = s;
      if (!beyond && share > 0.05) beyond = s;
    }
    expect(sliver && beyond).toBeTruthy();
    const before = await eventCount(t);
    const refused = await put(worker, grid.id, { version: grid.version, geometry: beyond });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'outside_parent', field: 'geometry', message: { zh: expect.stringContaining('超出上级地点“北江社区”') } });
    expect(await eventCount(t)).toBe(before);
    // The sliver is within the tolerance: the preview takes it (and writes nothing).
    const street = await t.as('xinan');
    // The grid's compounds come along into the strip (as bare points), or the strip would leave them outside.
    const inStrip = (await mappedChildrenOf(t, grid.id)).map((c) => ({ type: 'Feature', properties: { id: c.id }, geometry: pointOnFeature(sliver!).geometry }));
    const preview = (await street({ method: 'POST', url: '/api/places/geometry/preview', payload: {
      type: 'FeatureCollection', features: [{ type: 'Feature', properties: { id: grid.id }, geometry: sliver }, ...inStrip],
    } })).json();
    expect(preview.invalid).toEqual([]);
    expect(preview.matched.map((m: { placeId: string }) => m.placeId)).toEqual([grid.id, ...inStrip.map((f) => f.properties.id)]);
  });

  it('draws a new grid’s boundary from nothing: saved over a neighbour’s ground, with the overlap as a warning', async () => {
    const community = await placeByName(t, '北江社区');
    const neighbour = await placeByName(t, '北江社区第1网格');
    const created = await worker({ method: 'POST', url: '/api/places', payload: { parentId: community.id, level: 'grid', name: '北江社区新划网格' } });
    expect(created.statusCode).toBe(201);
    const grid = created.json();
    expect((await worker({ url: `/api/places/${grid.id}/geometry` })).json()).toMatchObject({ kind: null, geometry: null, version: grid.version });
    // A small square in the middle of the neighbour's ground: inside the community, all of it over the neighbour.
    const [x, y] = pointOnFeature((await storedGeometry(t, neighbour.id))!.geometry as Polygon).geometry.coordinates as [number, number];
    const drawn = square(x - 0.0001, y - 0.0001, 0.0002);
    const res = await put(worker, grid.id, { version: grid.version, geometry: drawn, reason: '新划网格' });
    expect(res.statusCode).toBe(200);
    const overlaps = res.json().overlaps;
    expect(overlaps).toEqual([{ placeId: grid.id, siblingId: neighbour.id, siblingName: neighbour.name, squareMetres: expect.any(Number) }]);
    expect(Math.abs(overlaps[0].squareMetres - area(drawn)) / area(drawn)).toBeLessThan(0.01);
    expect((await storedGeometry(t, grid.id))!.geometry).toEqual(drawn);
    const timeline = (await worker({ url: `/api/timeline/place/${grid.id}` })).json().items;
    expect(timeline.at(-1)).toMatchObject({ action: 'set_geometry', reason: '新划网格', to: { geometryType: 'Polygon' } });
  });

  it('converts a point declared in GCJ-02 to WGS-84, and lets a grid worker move his compound but not draw his grid', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const compound = await compoundIn(t, grid.id);
    const version = (await t.ctx.handle.db.selectFrom('places').select('version').where('id', '=', compound.id).executeTakeFirstOrThrow()).version;
    const gcj = gcoord.transform(compound.at as [number, number], gcoord.WGS84, gcoord.GCJ02);
    expect(Math.abs(gcj[0] - compound.at[0]!)).toBeGreaterThan(0.001);
    const res = await put(grid1, compound.id, { version, geometry: { type: 'Point', coordinates: gcj }, crs: 'GCJ02' });
    expect(res.statusCode).toBe(200);
    const [lon, lat] = (await storedGeometry(t, compound.id))!.geometry.coordinates;
    expect(Math.abs(lon - compound.at[0]!)).toBeLessThan(1e-5);
    expect(Math.abs(lat - compound.at[1]!)).toBeLessThan(1e-5);
    const own = await put(grid1, grid.id, { version: grid.version, geometry: square(compound.at[0]! - 0.001, compound.at[1]! - 0.001, 0.002) });
    expect(own.statusCode).toBe(403);
  });
});

describe('the point lookup', () => {
  let t: TestApp;
  let admin: Client;
  let grid1: Client;
  let street: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
    grid1 = await t.as('grid1');
    street = await t.as('xinan');
  });
  afterAll(() => t.close());
  const locate = (c: Client, [lon, lat]: number[]) => c({ url: `/api/places/locate?lat=${lat}&long=${lon}` });

  it('finds the grid, community and street containing a point and the nearest compound, in the caller’s area only', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const compound = await compoundIn(t, grid.id);
    const found = await locate(street, compound.at);
    expect(found.statusCode).toBe(200);
    expect(found.json()).toMatchObject({
      street: { name: '西南街道' }, community: { name: '北江社区' }, grid: { id: grid.id }, compound: { id: compound.id, distanceMetres: 0 },
    });
    // A few metres off, the same compound, at its distance.
    const near = (await locate(grid1, [compound.at[0]! + 0.0003, compound.at[1]!])).json();
    expect(near).toMatchObject({ street: null, community: null, grid: { id: grid.id }, compound: { id: compound.id } });
    expect(near.compound.distanceMetres).toBeGreaterThan(25);
    expect(near.compound.distanceMetres).toBeLessThan(35);
    // grid1 at a point of grid2: nothing there for him.
    const other = await compoundIn(t, (await placeByName(t, '北江社区第2网格')).id);
    expect((await locate(grid1, other.at)).statusCode).toBe(404);
    // Beijing: outside every boundary.
    const beijing = await locate(admin, [116.39, 39.9]);
    expect(beijing.statusCode).toBe(404);
    expect(beijing.json().code).toBe('not_found');
    expect((await admin({ url: '/api/places/locate?lat=100&long=1' })).statusCode).toBe(400);
  });

  it('follows an edit at once: a compound moved away is no longer the nearest', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const compound = await compoundIn(t, grid.id);
    const gridShape = (await storedGeometry(t, grid.id))!;
    const version = (await t.ctx.handle.db.selectFrom('places').select('version').where('id', '=', compound.id).executeTakeFirstOrThrow()).version;
    // Anywhere else in the grid more than 300 m away: the grid's own anchor corner of its box is not inside, so search its vertices.
    const ring: number[][] = gridShape.geometry.type === 'Polygon' ? gridShape.geometry.coordinates[0] : gridShape.geometry.coordinates[0][0];
    const far = ring.map(([x, y]) => [x! + (compound.at[0]! - x!) * 0.02, y! + (compound.at[1]! - y!) * 0.02])
      .find(([x, y]) => Math.hypot((x! - compound.at[0]!) * 102_000, (y! - compound.at[1]!) * 111_000) > 600)!;
    const moved = await admin({ method: 'PUT', url: `/api/places/${compound.id}/geometry`, payload: { version, geometry: { type: 'Point', coordinates: far } } });
    expect(moved.statusCode).toBe(200);
    const found = (await locate(admin, compound.at)).json();
    expect(found.grid.id).toBe(grid.id);
    expect(found.compound?.id).not.toBe(compound.id);
    expect((await locate(admin, far)).json().compound).toMatchObject({ id: compound.id, distanceMetres: 0 });
  });

  it('follows a rename and a move at once: the index keeps paths and names, and a place’s change rebuilds it', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const compound = await compoundIn(t, grid.id);
    await locate(admin, compound.at);
    const row = () => t.ctx.handle.db.selectFrom('places').select('version').where('id', '=', compound.id).executeTakeFirstOrThrow();
    const renamed = await admin({ method: 'PATCH', url: `/api/places/${compound.id}`, payload: { version: (await row()).version, name: '改名小区' } });
    expect(renamed.statusCode).toBe(200);
    expect((await locate(grid1, compound.at)).json().compound).toMatchObject({ id: compound.id, name: '改名小区' });
    // Moved under grid 2 (its point stays in grid 1): no longer grid1's, and not the answer in grid 1 for anyone.
    const grid2 = await placeByName(t, '北江社区第2网格');
    const moved = await admin({ method: 'POST', url: `/api/places/${compound.id}/move`, payload: { version: (await row()).version, newParentId: grid2.id, reason: '划错网格' } });
    expect(moved.statusCode).toBe(200);
    expect((await locate(grid1, compound.at)).json().compound?.id).not.toBe(compound.id);
    expect((await locate(admin, compound.at)).json().compound?.id).not.toBe(compound.id);
  });
});
