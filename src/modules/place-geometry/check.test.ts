import { area, pointOnFeature } from '@turf/turf';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { compoundIn, eventCount, mappedChildrenOf, square, storedGeometry } from './test-support.js';

describe('the map editor’s dry run of a new geometry', () => {
  let t: TestApp;
  let worker: Client;
  let grid1: Client;
  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.as('beijiang');
    grid1 = await t.as('grid1');
  });
  afterAll(() => t.close());
  const check = (c: Client, id: string, payload: Record<string, unknown>) => c({ method: 'POST', url: `/api/places/${id}/geometry/check`, payload });
  const version = async (id: string) => (await t.ctx.handle.db.selectFrom('places').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  it('reports a boundary over a neighbour’s ground with the square metres, as the save would, and writes nothing', async () => {
    const community = await placeByName(t, '北江社区');
    const neighbour = await placeByName(t, '北江社区第1网格');
    const grid = (await worker({ method: 'POST', url: '/api/places', payload: { parentId: community.id, level: 'grid', name: '北江社区试划网格' } })).json();
    const [x, y] = pointOnFeature((await storedGeometry(t, neighbour.id))!.geometry as Polygon).geometry.coordinates as [number, number];
    const drawn = square(x - 0.0001, y - 0.0001, 0.0002);
    const before = await eventCount(t);
    const res = await check(worker, grid.id, { geometry: drawn });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({ ok: true, overlaps: [{ placeId: grid.id, siblingId: neighbour.id, siblingName: neighbour.name, squareMetres: expect.any(Number) }] });
    expect(Math.abs(body.overlaps[0].squareMetres - area(drawn)) / area(drawn)).toBeLessThan(0.01);
    expect(await eventCount(t)).toBe(before);
    expect(await storedGeometry(t, grid.id)).toBeUndefined();
    expect(await version(grid.id)).toBe(grid.version);
    // The save of the same shape answers the same overlaps.
    const saved = await worker({ method: 'PUT', url: `/api/places/${grid.id}/geometry`, payload: { version: grid.version, geometry: drawn } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().overlaps).toEqual(body.overlaps);
  });

  it('reports what the save would refuse, with its code, field and Chinese reason, and writes nothing', async () => {
    const grid = await placeByName(t, '北江社区第2网格');
    const compound = await compoundIn(t, grid.id);
    const compounds = await mappedChildrenOf(t, grid.id);
    const [x, y] = compound.at as [number, number];
    const stored = await storedGeometry(t, grid.id);
    const storedCompound = await storedGeometry(t, compound.id);
    const before = await eventCount(t);
    const cases: [string, string, Record<string, unknown>, string, string, string][] = [
      ['a grid outside its community', grid.id, { geometry: square(113.5, 23.5, 0.01) }, 'outside_parent', 'geometry', '不在上级地点“北江社区”的边界之内'],
      ['a grid without its compounds', grid.id, { geometry: square(x - 0.0001, y - 0.0001, 0.0002) }, 'children_outside', 'geometry', `“北江社区第2网格”的新边界之外有 ${compounds.length} 个下级地点`],
      ['an open ring', grid.id, { geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01]]] } }, 'ring_not_closed', 'geometry', '闭合'],
      ['a compound outside its grid', compound.id, { geometry: { type: 'Point', coordinates: [113.5, 23.5] }, carry: true }, 'outside_parent', 'geometry', `不在上级地点“${grid.name}”的边界之内`],
      ['a point outside its new outline', compound.id, { geometry: { type: 'Point', coordinates: [x, y] }, outline: square(x + 0.0001, y + 0.0001, 0.0002) }, 'outside_outline', 'geometry', '自身的轮廓之内'],
      ['carry for a boundary', grid.id, { geometry: stored!.geometry, carry: true }, 'invalid', 'carry', '一起移动'],
    ];
    for (const [what, id, payload, code, field, zh] of cases) {
      const res = await check(worker, id, payload);
      expect(res.statusCode, what).toBe(200);
      expect(res.json(), what).toMatchObject({ ok: false, problem: { code, field, message: { zh: expect.stringContaining(zh), en: expect.any(String) } } });
      // The save answers the same refusal.
      const saved = await worker({ method: 'PUT', url: `/api/places/${id}/geometry`, payload: { version: await version(id), ...payload } });
      expect(saved.statusCode, what).toBe(422);
      expect(saved.json().code, what).toBe(code);
    }
    expect(await eventCount(t)).toBe(before);
    expect(await storedGeometry(t, grid.id)).toEqual(stored);
    expect(await storedGeometry(t, compound.id)).toEqual(storedCompound);
  });

  it('answers 403 to a caller who may not edit the place, 404 outside their area, 400 to a body that is not geometry', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const stored = await storedGeometry(t, grid.id);
    expect((await check(grid1, grid.id, { geometry: stored!.geometry })).statusCode).toBe(403);
    const other = await compoundIn(t, (await placeByName(t, '北江社区第2网格')).id);
    const outside = await check(grid1, other.id, { geometry: { type: 'Point', coordinates: other.at } });
    expect(outside.statusCode).toBe(404);
    expect(outside.json().code).toBe('not_found');
    expect((await check(worker, grid.id, { geometry: 'square' })).statusCode).toBe(400);
    // His own compound's point, moved within its grid with what stands on it: fine.
    const own = await compoundIn(t, grid.id);
    expect((await check(grid1, own.id, { geometry: { type: 'Point', coordinates: own.at }, carry: true })).json()).toEqual({ ok: true, overlaps: [] });
  });
});
