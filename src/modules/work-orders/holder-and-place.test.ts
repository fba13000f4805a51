import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fileOne, step } from './test-support.js';

type Order = { id: string; state: string; light: string | null; assignee: { kind: string; id: string; name: string | null; role: string | null } | null;
  dispatcherName: string | null; places: { name: string; level: string; linked: boolean }[];
  deadlines: Record<'accept' | 'contact' | 'resolve', { due: string | null; doneAt: string | null; light: string | null }> };

describe('an order says where the demand is, who holds it and who dispatched it', () => {
  let t: TestApp;
  let grid1: Client;
  let grid2: Client;
  let community: Client;
  let unitContact: Client;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    [grid1, grid2, community, unitContact] = await Promise.all([t.as('grid1'), t.as('grid2'), t.as('beijiang'), t.as('chengguan')]);
    for (const u of await t.ctx.handle.db.selectFrom('users').select(['id', 'username', 'unit_id']).execute()) {
      ids[u.username] = u.id;
      if (u.username === 'chengguan') ids.unit = u.unit_id!;
    }
  });
  afterAll(() => t.close());
  const detail = async (client: Client, id: string) => (await client({ url: `/api/work-orders/${id}` })).json().order as Order;
  const listed = async (client: Client, id: string) => ((await client({ url: '/api/work-orders?limit=200' })).json().items as Order[]).find((o) => o.id === id)!;
  const events = async (id: string) => ((await community({ url: `/api/timeline/work_order/${id}` })).json().items as { action: string; from: unknown; to: unknown; reason: string | null }[]);

  it('shows community › grid › compound on the list and the detail, each place linked when the caller may open it', async () => {
    const order = await fileOne(grid1, t);
    for (const o of [await detail(community, order.id), await listed(community, order.id)]) {
      expect(o.places.map((p) => p.level)).toEqual(['street', 'community', 'grid', 'compound']);
      expect(o.places.slice(1, 3).map((p) => p.name)).toEqual(['北江社区', '北江社区第1网格']);
      // The community worker opens the community and below; the street above is shown but not linked.
      expect(o.places.map((p) => p.linked)).toEqual([false, true, true, true]);
    }
    expect((await detail(grid1, order.id)).places.map((p) => p.linked)).toEqual([false, false, true, true]);
  });

  it('names the holder (person with role, or unit) and the dispatcher, and lists every deadline with its light', async () => {
    const order = await fileOne(grid1, t);
    let o = await detail(community, order.id);
    expect(o.assignee).toBeNull();
    expect(o.deadlines.accept).toMatchObject({ due: expect.any(String), doneAt: null, light: 'green' });
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: ids.grid1 } });
    o = await listed(community, order.id);
    expect(o.assignee).toMatchObject({ kind: 'user', id: ids.grid1, name: expect.any(String), role: 'grid_worker' });
    expect(o.dispatcherName).toEqual(expect.any(String));
    expect(o.deadlines.accept.doneAt).not.toBeNull();
    expect(o.deadlines.contact).toMatchObject({ due: expect.any(String), light: 'green' });
    expect(o.deadlines.resolve.light).toBe('green');
    const unitName = (await t.ctx.handle.db.selectFrom('units').select('name').where('id', '=', ids.unit!).executeTakeFirstOrThrow()).name;
    await step(community, order.id, 'redispatch', { assignee: { kind: 'unit', id: ids.unit }, note: '属城管职责' });
    expect((await detail(community, order.id)).assignee).toMatchObject({ kind: 'unit', name: unitName, role: null });
  });

  it('gives a closed order no light at all', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'reject', { reason: '不属于受理范围' });
    const o = await detail(community, order.id);
    expect(o.light).toBeNull();
    expect(Object.values(o.deadlines).map((d) => d.light)).toEqual([null, null, null]);
  });

  it('recalls an order nobody has taken: back to be dispatched, the old holder told, the event keeping who it went to', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: ids.grid1 } });
    const recalled = await step(community, order.id, 'recall', { reason: '派错网格' });
    expect(recalled.json()).toMatchObject({ state: 'accepted', assignee: null, actions: expect.arrayContaining(['dispatch']) });
    const last = (await events(order.id)).at(-1)!;
    expect(last).toMatchObject({ action: 'recall', reason: '派错网格', from: { state: 'dispatched', assignee: { kind: 'user', id: ids.grid1 } }, to: { state: 'accepted', assignee: null } });
    expect((await grid1({ url: '/api/notifications' })).json().items[0]).toMatchObject({ kind: 'recalled', entityId: order.id });
    // grid1 still sees the order in his grid, but it is no longer his to take.
    expect((await step(grid1, order.id, 'take')).statusCode).toBe(403);
  });

  it('re-dispatches to another holder; once taken, neither recall nor re-dispatch is offered (409)', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: ids.grid1 } });
    const moved = await step(community, order.id, 'redispatch', { assignee: { kind: 'unit', id: ids.unit }, note: '转城管' });
    expect(moved.json()).toMatchObject({ state: 'dispatched', assignee: { kind: 'unit', id: ids.unit } });
    expect((await events(order.id)).at(-1)).toMatchObject({ action: 'redispatch', reason: '转城管', from: { assignee: { kind: 'user', id: ids.grid1 } }, to: { assignee: { kind: 'unit', id: ids.unit } } });
    expect((await step(grid1, order.id, 'take')).statusCode).toBe(403);
    expect((await step(grid2, order.id, 'take')).statusCode).toBe(404);
    expect((await step(unitContact, order.id, 'take')).json().state).toBe('taken');
    const refused = await step(community, order.id, 'recall', { reason: '再想想' });
    expect(refused.statusCode).toBe(409);
    expect((await step(community, order.id, 'redispatch', { assignee: { kind: 'user', id: ids.grid1 } })).statusCode).toBe(409);
    expect((await events(order.id)).at(-1)!.action).toBe('take');
  });

  it('says on each inbox row what is expected of me, and counts the rows by kind', async () => {
    const [toAccept, toDispatch] = [await fileOne(grid1, t), await fileOne(grid1, t)];
    await step(community, toDispatch.id, 'accept');
    const inbox = (await community({ url: '/api/work-orders?mine=true&limit=200' })).json() as { items: (Order & { awaits: string[] })[]; total: number; counts: Record<string, number> };
    expect(inbox.items.find((o) => o.id === toAccept.id)!.awaits).toEqual(['accept']);
    expect(inbox.items.find((o) => o.id === toDispatch.id)!.awaits).toEqual(['dispatch']);
    const byKind = inbox.items.reduce<Record<string, number>>((n, o) => { for (const a of o.awaits) n[a] = (n[a] ?? 0) + 1; return n; }, {});
    expect(inbox.counts).toEqual(byKind);
    expect(inbox.total).toBe(inbox.items.length);
    await step(community, toDispatch.id, 'dispatch', { assignee: { kind: 'user', id: ids.grid1 } });
    const mine = (await grid1({ url: '/api/work-orders?mine=true&limit=200' })).json() as { items: (Order & { awaits: string[] })[]; counts: Record<string, number> };
    expect(mine.items.find((o) => o.id === toDispatch.id)!.awaits).toEqual(['take']);
    expect(mine.counts.take).toBeGreaterThanOrEqual(1);
    // The table (not the inbox) has neither.
    expect((await community({ url: '/api/work-orders?limit=5' })).json()).not.toHaveProperty('counts');
  });

  it('filters the table by the day received and by street and community, in the caller’s scope', async () => {
    const order = await fileOne(grid1, t);
    const db = t.ctx.handle.db;
    const [street, other] = await Promise.all([
      db.selectFrom('places').select('id').where('name', '=', '西南街道').executeTakeFirstOrThrow(),
      db.selectFrom('places').select('id').where('level', '=', 'community').where('name', '!=', '北江社区').executeTakeFirstOrThrow(),
    ]);
    const community1 = (await db.selectFrom('places').select('id').where('name', '=', '北江社区').executeTakeFirstOrThrow()).id;
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const ids = async (query: string) => ((await t.as('xinan').then((c) => c({ url: `/api/work-orders?limit=200&${query}` }))).json().items as Order[]).map((o) => o.id);
    expect(await ids(`receivedFrom=${today}&receivedTo=${today}`)).toContain(order.id);
    expect(await ids('receivedTo=2020-01-01')).not.toContain(order.id);
    expect(await ids(`streetId=${street.id}&communityId=${community1}`)).toContain(order.id);
    expect(await ids(`communityId=${other.id}`)).not.toContain(order.id);
    expect((await community({ url: `/api/work-orders?communityId=${other.id}` })).statusCode).toBe(404);
    expect((await community({ url: '/api/work-orders?receivedFrom=yesterday' })).statusCode).toBe(400);
  });
});
