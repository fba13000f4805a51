import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { demandTarget, fileOne } from '../work-orders/test-support.js';

describe('a place’s map', () => {
  let t: TestApp;
  let community: Client;
  let grid1: Client;
  beforeAll(async () => {
    t = await createTestApp();
    community = await t.as('beijiang');
    grid1 = await t.as('grid1');
  });
  afterAll(() => t.close());

  it('draws a community’s grids with their unresolved and overdue orders, the community’s outline around them', async () => {
    const beijiang = await placeByName(t, '北江社区');
    const { compound } = await demandTarget(t);
    const grid = compound.path.split('/').filter(Boolean)[3]!;
    const countsOf = async () => (await community({ url: `/api/places/${beijiang.id}/map` })).json().map.features
      .find((f: { id: string }) => f.id === grid).properties as { open: number; overdue: number };
    const before = await countsOf();
    const [late, fresh] = [await fileOne(grid1, t), await fileOne(grid1, t)];
    // One of them is past its deadline, as the overdue scan would find it.
    await t.ctx.handle.db.updateTable('work_orders').set({ resolve_due: '2026-01-01T00:00:00.000Z' }).where('id', '=', late.id).execute();
    expect(fresh.id).not.toBe(late.id);
    const res = await community({ url: `/api/places/${beijiang.id}/map` });
    expect(res.statusCode).toBe(200);
    const map = res.json();
    expect(map.place).toMatchObject({ id: beijiang.id, level: 'community' });
    expect(map.outline).toMatchObject({ type: 'Feature', properties: { name: '北江社区' }, geometry: { type: expect.stringMatching(/Polygon/) } });
    expect(map.map.type).toBe('FeatureCollection');
    const grids = await t.ctx.handle.db.selectFrom('places').select(['id', 'name']).where('parent_id', '=', beijiang.id).execute();
    expect(map.map.features.map((f: { id: string }) => f.id).sort()).toEqual(grids.map((g) => g.id).sort());
    const withOrders = map.map.features.find((f: { id: string }) => f.id === grid);
    expect(withOrders.properties).toMatchObject({ level: 'grid', name: '北江社区第1网格', open: before.open + 2, overdue: before.overdue + 1 });
    // Each order is counted under the one grid it lies in: the grids' counts add up to the community's unresolved orders.
    const total = map.map.features.reduce((n: number, f: { properties: { open: number } }) => n + f.properties.open, 0);
    const unresolved = await t.ctx.handle.db.selectFrom('work_orders').select((eb) => eb.fn.countAll().as('n'))
      .where('place_path', 'like', `${beijiang.path}_%`).where('state', 'in', ['received', 'accepted', 'dispatched', 'taken']).executeTakeFirstOrThrow();
    expect(total).toBe(Number(unresolved.n));
    expect(map.unmapped).toEqual([]);
  });

  it('lists children without geometry apart, and a grid worker sees only his own grid’s map', async () => {
    const other = await t.ctx.handle.db.selectFrom('places').selectAll().where('level', '=', 'street').where('code', '!=', '440607001').orderBy('id').executeTakeFirstOrThrow();
    const admin = await t.as('admin');
    const map = (await admin({ url: `/api/places/${other.id}/map` })).json();
    expect(map.outline).toBeNull();
    expect(map.map.features).toEqual([]);
    expect(map.unmapped.length).toBeGreaterThan(0);
    expect(map.unmapped[0]).toMatchObject({ level: 'community', open: 0, overdue: 0 });
    const grid2 = await placeByName(t, '北江社区第2网格');
    expect((await grid1({ url: `/api/places/${grid2.id}/map` })).statusCode).toBe(404);
    const { compound } = await demandTarget(t);
    const own = (await grid1({ url: `/api/places/${compound.path.split('/').filter(Boolean)[3]}/map` })).json();
    expect(own.map.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'Point')).toBe(true);
  });
});
