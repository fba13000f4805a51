import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { scanOverdue, SUPERVISE_AFTER_MS } from './commands/scan-overdue.js';
import { fileOne, step } from './test-support.js';

describe('overdue orders', () => {
  let t: TestApp;
  let grid1: Client;
  let community: Client;
  beforeAll(async () => {
    t = await createTestApp();
    [grid1, community] = await Promise.all([t.as('grid1'), t.as('beijiang')]);
  });
  afterAll(() => t.close());

  it('flags an order red past its deadline, notifies, then supervises by rule: each step once, even with two scanners', async () => {
    const order = await fileOne(grid1, t);
    const grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    expect((await community({ url: '/api/work-orders?overdue=true' })).json().total).toBe(0);

    const later = new Date(new Date(order.resolveDue).getTime() + 60_000);
    const [a, b] = await Promise.all([scanOverdue(t.ctx, later), scanOverdue(t.ctx, later)]);
    expect(a.notified + b.notified).toBe(1);
    const again = await scanOverdue(t.ctx, later);
    expect(again).toEqual({ notified: 0, supervised: 0 });
    expect((await grid1({ url: '/api/notifications' })).json().items.some((n: { kind: string; entityId: string }) => n.kind === 'overdue' && n.entityId === order.id)).toBe(true);

    const muchLater = new Date(later.getTime() + SUPERVISE_AFTER_MS);
    const [c, d] = await Promise.all([scanOverdue(t.ctx, muchLater), scanOverdue(t.ctx, muchLater)]);
    expect(c.supervised + d.supervised).toBe(1);
    const detail = (await community({ url: `/api/work-orders/${order.id}` })).json().order;
    expect(detail).toMatchObject({ supervised: true });
    const timeline = (await community({ url: `/api/timeline/work_order/${order.id}` })).json().items.map((e: { action: string }) => e.action);
    expect(timeline.filter((x: string) => x === 'overdue')).toHaveLength(1);
    expect(timeline.filter((x: string) => x === 'supervise')).toHaveLength(1);
  });

  it('lists overdue orders with a red light, and a resolved order is not overdue', async () => {
    const order = await fileOne(grid1, t, { receivedAt: new Date(Date.now() - 30 * 86400_000).toISOString() });
    await step(community, order.id, 'accept');
    const list = (await community({ url: '/api/work-orders?overdue=true' })).json();
    expect(list.items.find((o: { id: string }) => o.id === order.id)).toMatchObject({ light: 'red' });
  });
});
