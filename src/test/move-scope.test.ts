import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../platform.js';
import { subtreeUpperBound } from '../core/db.js';
import { pathCopies } from '../core/registry.js';
import { demandTarget, fileOne } from '../modules/work-orders/test-support.js';
import { createTestApp, placeByName, type Client, type TestApp } from './harness.js';

const PASSWORD = 'OneGrid!2026';

/**
 * Moving a compound to another grid re-paths the compound's subtree and every declared copy of its paths in one
 * transaction: nothing stays behind under the old path, and scope follows the place (the new grid sees its records,
 * the old grid no longer does).
 */
describe('moving a compound: every copied path moves, and scope follows', () => {
  let t: TestApp;
  let beijiang: Client;
  let order: { id: string };
  let oldPath: string;
  let newPath: string;
  let building: { id: string };
  const before: Record<string, number> = {};
  const seenBefore: Record<string, number> = {};

  /** Rows of each declared copy (and places itself) lying under `path`. */
  const countUnder = async (path: string) => {
    const out: Record<string, number> = {};
    for (const { table, column = 'place_path' } of [...pathCopies(), { table: 'places', column: 'path' }]) {
      const row = await t.ctx.handle.db.selectFrom(table as 'places').select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where(column as 'path', '>=', path).where(column as 'path', '<', subtreeUpperBound(path)).executeTakeFirstOrThrow();
      out[`${table}.${column}`] = Number(row.n);
    }
    return out;
  };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.handle.db;
    beijiang = await t.as('beijiang');
    const { compound } = await demandTarget(t);
    const grid2 = await placeByName(t, '北江社区第2网格');
    oldPath = compound.path;
    newPath = `${grid2.path}${compound.id}/`;
    // Filed on patrol by the grid's worker, who loses sight of it once the compound leaves the grid.
    order = await fileOne(await t.as('grid1'), t, { placeId: compound.id });
    building = await db.selectFrom('places').select('id').where('parent_id', '=', compound.id).orderBy('sort_order', 'desc').executeTakeFirstOrThrow();
    const account = await beijiang({ method: 'POST', url: '/api/users', payload: {
      username: 'louzhang2', displayName: '新楼长', password: PASSWORD, roles: [{ role: 'building_head', placeId: building.id }],
    } });
    expect(account.statusCode, account.body).toBe(201);
    // Units have no create route yet (the catalogue is seeded): a partner unit hung on the compound, straight into its table.
    const now = new Date().toISOString();
    await db.insertInto('units').values({ id: 'compoundunit0001', kind: 'partner_unit', name: '小区物业服务中心', place_id: compound.id,
      place_path: compound.path, version: 1, created_at: now, updated_at: now }).execute();
    for (const who of ['grid1', 'grid2']) seenBefore[who] = (await (await t.as(who))({ url: `/api/work-orders/${order.id}` })).statusCode;
    Object.assign(before, await countUnder(oldPath));
    const moved = await beijiang({ method: 'POST', url: `/api/places/${compound.id}/move`, payload: {
      version: compound.version, newParentId: grid2.id, reason: '网格调整',
    } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().path).toBe(newPath);
  });
  afterAll(() => t.close());

  it('the compound had rows in every table it can hang in', () => {
    for (const copy of ['places.path', 'users.place_path', 'residents.place_path', 'work_orders.place_path', 'units.place_path']) {
      expect(before[copy], `${copy} under the compound before the move`).toBeGreaterThan(0);
    }
  });

  it('no row of any declared copy is left under the old path; all of them lie under the new one', async () => {
    const left = await countUnder(oldPath);
    const arrived = await countUnder(newPath);
    expect(Object.entries(left).filter(([, n]) => n > 0), 'rows left under the old path').toEqual([]);
    expect(arrived).toEqual(before);
  });

  it("the new grid's worker sees the compound's work order; the old grid's worker no longer does", async () => {
    expect(seenBefore).toEqual({ grid1: 200, grid2: 404 });
    expect((await (await t.as('grid2'))({ url: `/api/work-orders/${order.id}` })).statusCode).toBe(200);
    expect((await (await t.as('grid1'))({ url: `/api/work-orders/${order.id}` })).statusCode).toBe(404);
  });

  it('the building head bound under the compound still reaches the building, at its new path', async () => {
    const head = await t.as('louzhang2', PASSWORD);
    const res = await head({ url: `/api/places/${building.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().place.path).toBe(`${newPath}${building.id}/`);
    const me = (await head({ url: '/api/me' })).json();
    expect(me.roles.map((r: { placePath: string }) => r.placePath)).toEqual([`${newPath}${building.id}/`]);
  });
});
