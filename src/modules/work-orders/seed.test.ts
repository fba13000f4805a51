import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildRatings } from '../rates/index.js';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { step } from './test-support.js';

/** The demo seed (each module's own, run in manifest order) as the building head and his community see it. */
describe('the demo seed of work orders', () => {
  let t: TestApp;
  let head: Client;
  let community: Client;
  beforeAll(async () => {
    t = await createTestApp();
    [head, community] = await Promise.all([t.as('louzhang'), t.as('beijiang')]);
  });
  afterAll(() => t.close());

  it('has the building head filed mailbox demands on his building, in different states, that he follows', async () => {
    const db = t.ctx.handle.db;
    const me = await db.selectFrom('users').innerJoin('role_bindings', 'role_bindings.user_id', 'users.id')
      .select(['users.id', 'role_bindings.place_id']).where('users.username', '=', 'louzhang').executeTakeFirstOrThrow();
    const list = (await head({ url: '/api/work-orders?limit=50' })).json();
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.total).toBeLessThanOrEqual(3);
    const rows = await db.selectFrom('work_orders').selectAll().where('filed_by', '=', me.id).execute();
    expect(list.items.map((o: { id: string }) => o.id).sort()).toEqual(rows.map((o) => o.id).sort());
    for (const o of rows) expect(o).toMatchObject({ channel: 'mailbox', place_id: me.place_id, filed_by: me.id });
    const states = new Set(rows.map((o) => o.state));
    expect(states.size).toBe(rows.length);
    expect([...states].some((s) => s === 'received')).toBe(true);
    expect([...states].some((s) => s !== 'received')).toBe(true);

    // Each one shows its progress: the steps of its timeline end in the state it is in, the first one filed by him.
    for (const o of rows) {
      const detail = await head({ url: `/api/work-orders/${o.id}` });
      expect(detail.statusCode, detail.body).toBe(200);
      expect(detail.json().order.state).toBe(o.state);
      const timeline = (await community({ url: `/api/timeline/work_order/${o.id}` })).json().items as { action: string; actorId: string; to: { state: string } }[];
      expect(timeline[0]).toMatchObject({ action: 'file', actorId: me.id });
      expect(timeline.at(-1)!.to.state).toBe(o.state);
    }
  });

  it('writes the seeded orders as the state table would: the next step goes through, and the ratings read model is the log’s', async () => {
    const db = t.ctx.handle.db;
    const waiting = await db.selectFrom('work_orders').innerJoin('users', 'users.id', 'work_orders.filed_by').select('work_orders.id')
      .where('users.username', '=', 'louzhang').where('work_orders.state', '=', 'received').executeTakeFirstOrThrow();
    expect((await community({ url: `/api/work-orders?mine=true&limit=200` })).json().items.map((o: { id: string }) => o.id)).toContain(waiting.id);
    const accepted = await step(community, waiting.id, 'accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    const before = await db.selectFrom('work_order_ratings').selectAll().orderBy('order_id').execute();
    await rebuildRatings(db);
    expect(await db.selectFrom('work_order_ratings').selectAll().orderBy('order_id').execute()).toEqual(before);
  });
});
