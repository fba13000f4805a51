import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { demandTarget, fileOne, step } from './test-support.js';

/** Who sees which order: the read policy and the inbox derived from the state table, each checked from the API. */
describe('work-order visibility by role', () => {
  let t: TestApp;
  let grid1: Client;
  let community: Client;
  let head: Client;
  let chengguan: Client;
  let cgUnit = '';

  beforeAll(async () => {
    t = await createTestApp();
    [grid1, community, head, chengguan] = (await Promise.all(['grid1', 'beijiang', 'louzhang', 'chengguan'].map((u) => t.as(u)))) as [Client, Client, Client, Client];
    cgUnit = (await t.ctx.handle.db.selectFrom('users').select('unit_id').where('username', '=', 'chengguan').executeTakeFirstOrThrow()).unit_id!;
  });
  afterAll(() => t.close());

  const ids = async (c: Client, query = '') => ((await c({ url: `/api/work-orders?limit=200${query}` })).json().items as { id: string }[]).map((o) => o.id);

  it('shows a building head the demands he filed, not the others on his building', async () => {
    const db = t.ctx.handle.db;
    const binding = await db.selectFrom('role_bindings').innerJoin('users', 'users.id', 'role_bindings.user_id').select(['role_bindings.place_id', 'users.id as user_id'])
      .where('users.username', '=', 'louzhang').executeTakeFirstOrThrow();
    // The demo seed has him file a few mailbox demands already.
    const seeded = (await db.selectFrom('work_orders').select('id').where('filed_by', '=', binding.user_id).execute()).map((o) => o.id);
    const { category } = await demandTarget(t);
    const mine = await head({ method: 'POST', url: '/api/work-orders', payload: {
      channel: 'mailbox', demandType: 'help', categoryId: category.id, placeId: binding.place_id, title: '楼道灯坏了', description: '信箱收到:3楼楼道灯不亮' } });
    expect(mine.statusCode, mine.body).toBe(201);
    const others = await fileOne(grid1, t, { placeId: binding.place_id });
    expect((await ids(head)).sort()).toEqual([mine.json().id, ...seeded].sort());
    expect((await head({ url: `/api/work-orders/${mine.json().id}` })).statusCode).toBe(200);
    expect((await head({ url: `/api/work-orders/${others.id}` })).statusCode).toBe(404);
    // He follows its progress after the office accepts it.
    await step(community, mine.json().id, 'accept');
    expect((await head({ url: `/api/work-orders/${mine.json().id}` })).json().order.state).toBe('accepted');
  });

  it('shows a department contact only what is dispatched or called in to the unit', async () => {
    const street = await t.as('xinan');
    const [dispatched, calledIn, unrelated] = [await fileOne(grid1, t), await fileOne(grid1, t), await fileOne(grid1, t)];
    for (const o of [dispatched, calledIn, unrelated]) await step(community, o.id, 'accept');
    await step(community, dispatched.id, 'dispatch', { assignee: { kind: 'unit', id: cgUnit } });
    await step(street, calledIn.id, 'call-in', { unitIds: [cgUnit], reason: '需城管协同' });
    const seen = await ids(chengguan);
    expect(seen.sort()).toEqual([dispatched.id, calledIn.id].sort());
    const total = (await chengguan({ url: '/api/work-orders' })).json().total;
    expect(total).toBe(2);
    expect((await chengguan({ url: `/api/work-orders/${unrelated.id}` })).statusCode).toBe(404);
    expect((await chengguan({ method: 'POST', url: `/api/work-orders/${unrelated.id}/reveal`, payload: { field: 'phone', reason: '想看看' } })).statusCode).toBe(404);
  });

  it('puts a taken order with an extension request in the office’s inbox until it is decided', async () => {
    const order = await fileOne(grid1, t);
    const grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, order.id, 'take');
    expect(await ids(community, '&mine=true')).not.toContain(order.id);
    await step(grid1, order.id, 'request-extension', { days: 2, reason: '等配件到货' });
    expect(await ids(community, '&mine=true')).toContain(order.id);
    const requestId = (await community({ url: `/api/work-orders/${order.id}` })).json().extensions[0].id;
    await step(community, order.id, 'decide-extension', { requestId, approve: true });
    expect(await ids(community, '&mine=true')).not.toContain(order.id);
    expect(await ids(grid1, '&mine=true')).toContain(order.id);
  });
});
