import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type TestApp } from '../../test/harness.js';
import { compoundIn } from '../place-geometry/test-support.js';

describe('the H5 page proposes the compound at the phone’s location', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  const locate = (lon: number, lat: number) => t.app.inject({ url: `/api/h5/places/locate?lat=${lat}&long=${lon}` });

  it('answers the nearest compound of the grid the point lies in, by name only, and 404 where there is none', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const compound = await compoundIn(t, grid.id);
    const near = await locate(compound.at[0]! + 0.0002, compound.at[1]!);
    expect(near.statusCode).toBe(200);
    const body = near.json();
    expect(body).toMatchObject({ id: compound.id, name: compound.name, community: { name: '北江社区' }, street: { name: '西南街道' } });
    expect(body.distanceMetres).toBeGreaterThan(10);
    expect(body.distanceMetres).toBeLessThan(30);
    expect(Object.keys(body).sort()).toEqual(['community', 'distanceMetres', 'id', 'name', 'street']);
    // The same compound the search offers, for filing.
    const found = (await t.app.inject({ url: `/api/h5/places?q=${encodeURIComponent(compound.name)}` })).json();
    expect(found.items.map((c: { id: string }) => c.id)).toContain(compound.id);
    // Beijing: no boundary there.
    const beijing = await locate(116.39, 39.9);
    expect(beijing.statusCode).toBe(404);
    expect(beijing.json().code).toBe('not_found');
    expect((await t.app.inject({ url: '/api/h5/places/locate?lat=abc&long=1' })).statusCode).toBe(400);
  });

  it('answers only compounds under the deployment’s district', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const compound = await compoundIn(t, grid.id);
    // The district's path moved out from under the compound (as if it were another district's): no longer offered.
    const district = await t.ctx.handle.db.selectFrom('places').select(['id', 'code']).where('level', '=', 'district').executeTakeFirstOrThrow();
    const config = t.ctx.config as { districtCode: string };
    const saved = config.districtCode;
    try {
      await t.ctx.handle.db.insertInto('places').values({
        id: 'otherdistrict0001', parent_id: null, level: 'district', name: '别区', code: '999999', path: '/otherdistrict0001/', depth: 1, compound_type: null,
        three_no: 0, address_enc: null, address_masked: null, sort_order: 9, version: 1, created_at: '2026-12-03T00:00:00.000Z', updated_at: '2026-12-03T00:00:00.000Z',
      }).execute();
      config.districtCode = '999999';
      expect((await locate(compound.at[0]!, compound.at[1]!)).statusCode).toBe(404);
    } finally {
      config.districtCode = saved;
    }
    expect(district.code).toBe(saved);
    expect((await locate(compound.at[0]!, compound.at[1]!)).json().id).toBe(compound.id);
  });
});
