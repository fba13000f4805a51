import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentDay, currentMonth } from '../../../contracts/months.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { fileOne, step } from '../work-orders/test-support.js';

/** The workbench's figures are the work-order list's own: each card equals the list it opens, for the same caller. */
describe('the staff workbench', () => {
  let t: TestApp;
  const c: Record<string, Client> = {};
  const userId = async (username: string) => (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  let grid2Compound = '';

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'grid2', 'jumin', 'dangyuan', 'louzhang']) c[u] = await t.as(u);
    const grid2 = await placeByName(t, '北江社区第2网格');
    grid2Compound = (await t.ctx.handle.db.selectFrom('places').select('id').where('parent_id', '=', grid2.id).orderBy('sort_order').executeTakeFirstOrThrow()).id;
    // Orders in several states: received, accepted, dispatched to grid1 and to grid2, taken, resolved, and one due soon.
    const [grid1Id, grid2Id] = [await userId('grid1'), await userId('grid2')];
    const orders = [];
    for (let i = 0; i < 7; i++) orders.push(await fileOne(c.grid1!, t));
    const inGrid2 = await fileOne(c.beijiang!, t, { placeId: grid2Compound, channel: 'wechat_group' });
    for (const o of [...orders.slice(1), inGrid2]) expect((await step(c.beijiang!, o.id, 'accept')).statusCode).toBe(200);
    for (const o of orders.slice(2, 5)) expect((await step(c.beijiang!, o.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } })).statusCode).toBe(200);
    expect((await step(c.beijiang!, inGrid2.id, 'dispatch', { assignee: { kind: 'user', id: grid2Id } })).statusCode).toBe(200);
    expect((await step(c.grid1!, orders[3]!.id, 'take')).statusCode).toBe(200);
    expect((await step(c.grid1!, orders[4]!.id, 'take')).statusCode).toBe(200);
    expect((await step(c.grid1!, orders[4]!.id, 'resolve', { result: '已更换灯泡' })).statusCode, 'resolve').toBe(200);
    // One still in time but due within hours, one past its deadline.
    const db = t.ctx.handle.db;
    await db.updateTable('work_orders').set({ resolve_due: new Date(Date.now() + 3 * 3600_000).toISOString() }).where('id', '=', orders[5]!.id).execute();
    await db.updateTable('work_orders').set({ resolve_due: new Date(Date.now() - 3600_000).toISOString() }).where('id', '=', orders[6]!.id).execute();
  });
  afterAll(() => t.close());

  const list = async (client: Client, query: string) => {
    const res = await client({ url: `/api/work-orders?limit=1&${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { total: number; counts?: Record<string, number> };
  };
  const bench = async (client: Client, query = '') => {
    const res = await client({ url: `/api/workbench${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it.each(['admin', 'xinan', 'beijiang', 'grid1', 'grid2'])('gives %s the counts of their own inbox, overdue and due-soon lists and today’s intake', async (who) => {
    const client = c[who]!;
    const w = await bench(client);
    const inbox = await list(client, 'mine=true');
    expect(w.waiting).toEqual({ total: inbox.total, counts: inbox.counts });
    // Each card opens the inbox narrowed to its step, which lists as many.
    for (const [action, n] of Object.entries(w.waiting.counts)) expect((await list(client, `mine=true&awaits=${action}`)).total, action).toBe(n);
    expect(w.overdue).toBe((await list(client, 'overdue=true')).total);
    expect(w.dueSoon).toBe((await list(client, 'dueSoon=true')).total);
    const day = currentDay();
    expect(w.today.day).toBe(day);
    expect(w.today.total).toBe((await list(client, `receivedFrom=${day}&receivedTo=${day}`)).total);
    for (const { channel, count } of w.today.channels) expect(count).toBe((await list(client, `receivedFrom=${day}&receivedTo=${day}&channel=${channel}`)).total);
  });

  it('counts what waits on each kind of caller, and the overdue and due-soon orders', async () => {
    const beijiang = await bench(c.beijiang!);
    expect(beijiang.waiting.counts.accept).toBeGreaterThanOrEqual(1);
    expect(beijiang.waiting.counts.dispatch).toBeGreaterThanOrEqual(1);
    expect(beijiang.overdue).toBeGreaterThanOrEqual(1);
    expect(beijiang.dueSoon).toBeGreaterThanOrEqual(1);
    expect(beijiang.today.channels).toContainEqual({ channel: 'grid_patrol', count: expect.any(Number) });
    expect(beijiang.today.channels).toContainEqual({ channel: 'wechat_group', count: expect.any(Number) });
    const grid1 = await bench(c.grid1!);
    expect(grid1.waiting.counts.take).toBeGreaterThanOrEqual(1);
    expect(grid1.waiting.counts.resolve).toBeGreaterThanOrEqual(1);
  });

  it('is scoped: another grid’s worker counts only their own grid and what is dispatched to them', async () => {
    const [grid1, grid2] = [await bench(c.grid1!), await bench(c.grid2!)];
    expect(grid2.place.name).toBe('北江社区第2网格');
    // Today grid2 received only the one order filed in grid2 (plus what the demo seeded today in grid2).
    const grid2Today = (await list(c.beijiang!, `placeId=${(await placeByName(t, '北江社区第2网格')).id}&receivedFrom=${currentDay()}&receivedTo=${currentDay()}`)).total;
    expect(grid2.today.total).toBe(grid2Today);
    expect(grid1.today.total).toBeGreaterThan(grid2.today.total);
    expect(grid2.today.channels.find((ch: { channel: string }) => ch.channel === 'grid_patrol')?.count ?? 0)
      .toBeLessThan(grid1.today.channels.find((ch: { channel: string }) => ch.channel === 'grid_patrol').count);
    expect(grid2.waiting.counts.take).toBe((await list(c.grid2!, 'mine=true')).counts!.take);
    expect((await c.grid1!({ url: `/api/workbench?placeId=${(await placeByName(t, '北江社区第2网格')).id}` })).statusCode).toBe(404);
    const other = await placeByName(t, '沙头社区');
    expect((await c.beijiang!({ url: `/api/workbench?placeId=${other.id}` })).statusCode).toBe(404);
  });

  it('narrows to a place of the caller’s subtree, as the inbox does', async () => {
    const grid2 = await placeByName(t, '北江社区第2网格');
    const w = await bench(c.beijiang!, `?placeId=${grid2.id}`);
    expect(w.place).toMatchObject({ id: grid2.id, level: 'grid' });
    const inbox = await list(c.beijiang!, `mine=true&placeId=${grid2.id}`);
    expect(w.waiting).toEqual({ total: inbox.total, counts: inbox.counts });
  });

  it('shows this month’s three rates with rank, marked in progress', async () => {
    const beijiang = await bench(c.beijiang!);
    expect(beijiang.rates).toMatchObject({ month: currentMonth(), inProgress: true, level: 'community' });
    const ranked = (await c.beijiang!({ url: `/api/rates?month=${currentMonth()}&level=community` })).json().items;
    expect(beijiang.rates.items).toHaveLength(1);
    expect(beijiang.rates.items[0]).toMatchObject({ name: '北江社区', rank: ranked[0].rank, score: ranked[0].score, resolutionRate: ranked[0].resolutionRate });
    // A grid worker sees the community's row (its figures are public); a street its own street's.
    expect((await bench(c.grid1!)).rates.items.map((r: { name: string }) => r.name)).toEqual(['北江社区']);
    expect((await bench(c.xinan!)).rates).toMatchObject({ level: 'street', items: [{ name: '西南街道' }] });
  });

  it('counts the buildings lacking a party-member building head as the party-posts page lists them', async () => {
    for (const who of ['beijiang', 'grid1', 'xinan']) {
      const w = await bench(c[who]!);
      const listed = (await c[who]!({ url: `/api/party-posts/lacking-heads?placeId=${w.place.id}&limit=1` })).json();
      expect(w.party.buildingsLackingHead, who).toBe(listed.total);
    }
    // The community's figure covers all its grids: the sum of theirs, as the community worker opens each grid's workbench.
    const grids = await t.ctx.handle.db.selectFrom('places').select('id').where('parent_id', '=', (await placeByName(t, '北江社区')).id)
      .where('level', '=', 'grid').execute();
    let sum = 0;
    for (const g of grids) sum += (await c.beijiang!({ url: `/api/workbench?placeId=${g.id}` })).json().party.buildingsLackingHead;
    expect(grids.length).toBeGreaterThan(1);
    expect((await bench(c.beijiang!)).party.buildingsLackingHead).toBe(sum);
    expect(sum).toBeGreaterThan(0);
  });

  it('is for staff: a resident, a party member and a building head get 403', async () => {
    for (const who of ['jumin', 'dangyuan', 'louzhang']) expect((await c[who]!({ url: '/api/workbench' })).statusCode, who).toBe(403);
  });
});
