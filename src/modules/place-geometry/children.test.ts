import { booleanWithin, pointOnFeature } from '@turf/turf';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { eventCount, mappedChildrenOf, square, storedGeometry } from './test-support.js';

const feature = (id: string, geometry: unknown) => ({ type: 'Feature', properties: { id }, geometry });
const shift = <T>(g: T, dx: number, dy: number): T => JSON.parse(JSON.stringify(g), (_k, v) =>
  Array.isArray(v) && typeof v[0] === 'number' ? [v[0] + dx, v[1] + dy] : v);

describe('a place’s new shape must hold its children', () => {
  let t: TestApp;
  let street: Client;
  let worker: Client;
  beforeAll(async () => {
    t = await createTestApp();
    street = await t.as('xinan');
    worker = await t.as('beijiang');
  });
  afterAll(() => t.close());
  const version = async (id: string) => (await t.ctx.handle.db.selectFrom('places').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const put = (c: Client, id: string, payload: Record<string, unknown>) => c({ method: 'PUT', url: `/api/places/${id}/geometry`, payload });

  it('refuses a grid redrawn without its compounds, naming them, and writes nothing', async () => {
    const grid = await placeByName(t, '北江社区第2网格');
    const compounds = await mappedChildrenOf(t, grid.id);
    expect(compounds.length).toBeGreaterThan(0);
    // Twenty metres around the first compound's point: its own round outline of 60 m does not fit in it, nor do the others.
    const [x, y] = compounds[0]!.geometry.coordinates;
    const tiny = square(x - 0.0001, y - 0.0001, 0.0002);
    const before = await eventCount(t);
    const stored = await storedGeometry(t, grid.id);
    const res = await put(worker, grid.id, { version: grid.version, geometry: tiny });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({ code: 'children_outside', field: 'geometry' });
    expect(body.message.zh).toContain(`“北江社区第2网格”的新边界之外有 ${compounds.length} 个下级地点`);
    for (const c of compounds) {
      expect(body.message.zh).toContain(`“${c.name}”`);
      expect(body.message.en).toContain(`“${c.name}”`);
    }
    expect(await eventCount(t)).toBe(before);
    expect(await storedGeometry(t, grid.id)).toEqual(stored);
    expect(await version(grid.id)).toBe(grid.version);
  });

  it('refuses the same in an import, and takes it when the file brings the compounds inside', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const compounds = await mappedChildrenOf(t, grid.id);
    const [x, y] = compounds[0]!.geometry.coordinates;
    const small = square(x - 0.0002, y - 0.0002, 0.0004);
    const before = await eventCount(t);
    const post = (what: string, features: unknown[]) => street({ method: 'POST', url: `/api/places/geometry/${what}`, payload: { type: 'FeatureCollection', features } });
    const refused = await post('import', [feature(grid.id, small)]);
    expect(refused.statusCode).toBe(422);
    const [invalid] = refused.json().report.invalid;
    expect(invalid).toMatchObject({ index: 0, placeId: grid.id, code: 'children_outside' });
    for (const c of compounds) expect(invalid.message.zh).toContain(`“${c.name}”`);
    expect(await eventCount(t)).toBe(before);
    // The compounds' new points in the same file count: moved into the square (as bare points), the grid may shrink.
    const inside = pointOnFeature(small).geometry;
    const res = await post('import', [feature(grid.id, small), ...compounds.map((c) => feature(c.id, inside))]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ changed: 1 + compounds.length });
    expect((await storedGeometry(t, grid.id))!.geometry).toEqual(small);
  });

  it('moves a compound with its outline and buildings when the point is carried; refuses a bare point outside its outline', async () => {
    // A compound of the demo whose outline, moved 30 m towards the middle of its grid, still lies inside the grid.
    const db = t.ctx.handle.db;
    const grids = await db.selectFrom('places').select(['id', 'name']).where('level', '=', 'grid').where('path', 'like', '/440607/440607001/%').orderBy('path').execute();
    let picked: { compound: Awaited<ReturnType<typeof mappedChildrenOf>>[number]; dx: number; dy: number; grid: string } | undefined;
    for (const g of grids) {
      const gridShape = (await storedGeometry(t, g.id))!.geometry;
      const middle = pointOnFeature(gridShape).geometry.coordinates;
      for (const c of await mappedChildrenOf(t, g.id)) {
        const [cx, cy] = c.geometry.coordinates;
        const d = Math.hypot(middle[0]! - cx, middle[1]! - cy);
        if (!c.outline || d < 0.001) continue;
        const [dx, dy] = [((middle[0]! - cx) / d) * 0.0003, ((middle[1]! - cy) / d) * 0.0003];
        if ((await mappedChildrenOf(t, c.id)).length > 0 && booleanWithin(shift(c.outline as Polygon, dx, dy), gridShape)) picked = { compound: c, dx, dy, grid: g.name };
        if (picked) break;
      }
      if (picked) break;
    }
    expect(picked).toBeDefined();
    const { compound, dx, dy } = picked!;
    const buildings = await mappedChildrenOf(t, compound.id);
    const [cx, cy] = compound.geometry.coordinates;
    const to = [cx + dx, cy + dy];
    // Without carry, the point alone outside its own outline: refused with its reason.
    const alone = await put(street, compound.id, { version: compound.version, geometry: { type: 'Point', coordinates: [cx + 0.001, cy] }, outline: compound.outline });
    expect(alone.statusCode).toBe(422);
    expect(alone.json()).toMatchObject({ code: 'outside_outline', message: { zh: '位置须在小区自身的轮廓之内' } });
    // An outline shrunk to ten metres around the point leaves the buildings outside it.
    const shrunk = await put(street, compound.id, { version: compound.version, geometry: compound.geometry, outline: square(cx - 0.00005, cy - 0.00005, 0.0001) });
    expect(shrunk.statusCode).toBe(422);
    expect(shrunk.json().code).toBe('children_outside');
    for (const b of buildings) expect(shrunk.json().message.zh).toContain(`“${b.name}”`);
    // A boundary is not carried, and a carried point takes no outline of its own.
    const grid = await placeByName(t, picked!.grid);
    expect((await put(street, grid.id, { version: grid.version, geometry: (await storedGeometry(t, grid.id))!.geometry, carry: true })).json()).toMatchObject({ code: 'invalid', field: 'carry' });
    expect((await put(street, compound.id, { version: compound.version, geometry: { type: 'Point', coordinates: to }, outline: compound.outline, carry: true })).statusCode).toBe(400);

    const before = await eventCount(t);
    const res = await put(street, compound.id, { version: compound.version, geometry: { type: 'Point', coordinates: to }, carry: true, reason: '位置标错' });
    expect(res.statusCode).toBe(200);
    const after = await storedGeometry(t, compound.id);
    expect(after!.geometry.coordinates).toEqual(to);
    const close = (a: unknown, b: unknown) => expect(JSON.stringify(a, (_k, v) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)))
      .toBe(JSON.stringify(b, (_k, v) => (typeof v === 'number' ? Number(v.toFixed(9)) : v)));
    close(after!.outline, shift(compound.outline, dx, dy));
    for (const b of buildings) {
      close((await storedGeometry(t, b.id))!.geometry, shift(b.geometry, dx, dy));
      expect(await version(b.id)).toBe(b.version + 1);
      const timeline = (await street({ url: `/api/timeline/place/${b.id}` })).json().items;
      expect(timeline.at(-1)).toMatchObject({ action: 'set_geometry', reason: '位置标错' });
    }
    expect(await eventCount(t)).toBe(before + 1 + buildings.length);
  });
});
