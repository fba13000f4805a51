import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fileOne, scanOverdue, step } from '../work-orders/test-support.js';

type Event = { action: string; actorName: string | null; actorRole: string | null; system: boolean; recordName: string | null; to: Record<string, unknown> | null; from: Record<string, unknown> | null };

describe('events as people read them', () => {
  let t: TestApp;
  let community: Client;
  let grid1: Client;
  let admin: Client;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    [community, grid1, admin] = await Promise.all([t.as('beijiang'), t.as('grid1'), t.as('admin')]);
    for (const u of await t.ctx.handle.db.selectFrom('users').select(['id', 'username', 'unit_id', 'display_name']).execute()) {
      ids[u.username] = u.id;
      ids[`${u.username}:name`] = u.display_name;
      if (u.unit_id) ids[`${u.username}:unit`] = u.unit_id;
    }
  });
  afterAll(() => t.close());

  it('names the actor with role, the record by its tracking number, and what the fields point to', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: ids.grid1 }, note: '请尽快处理' });
    expect((await step(await t.as('xinan'), order.id, 'call-in', { unitIds: [ids['chengguan:unit']], reason: '需城管协同' })).statusCode).toBe(200);
    const timeline = (await community({ url: `/api/timeline/work_order/${order.id}` })).json() as { items: Event[]; refs: Record<string, { name: string; role: string | null }> };
    const dispatch = timeline.items.find((e) => e.action === 'dispatch')!;
    expect(dispatch).toMatchObject({ label: { zh: '派单', en: 'Dispatch' }, fromState: { zh: '已受理' }, toState: { zh: '已派单' } });
    expect(dispatch).toMatchObject({ actorName: ids['beijiang:name'], actorRole: 'community_worker', system: false, recordName: order.trackingNo });
    expect(timeline.refs[`user:${ids.grid1}`]).toEqual({ type: 'user', name: ids['grid1:name'], role: 'grid_worker' });
    expect(timeline.refs[`unit:${ids['chengguan:unit']}`]).toMatchObject({ type: 'unit', name: expect.any(String), role: null });
    const audit = (await admin({ url: `/api/audit?record=${order.trackingNo}&order=asc` })).json() as { items: Event[]; refs: Record<string, unknown> };
    expect(audit.items.map((e) => e.action)).toEqual(['file', 'accept', 'dispatch', 'call_in']);
    expect(audit.items.every((e) => e.recordName === order.trackingNo)).toBe(true);
    expect(audit.refs).toHaveProperty(`user:${ids.grid1}`);
    // By a person's display name, newest first by default.
    const byName = (await admin({ url: `/api/audit?username=${encodeURIComponent(ids['beijiang:name']!)}&record=${order.trackingNo}` })).json() as { items: Event[] };
    expect(byName.items.map((e) => e.action)).toEqual(['dispatch', 'accept']);
  });

  it('names the scheduler for scheduled steps, with a Chinese reason', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await t.ctx.handle.db.updateTable('work_orders').set({ resolve_due: new Date(Date.now() - 3600_000).toISOString() }).where('id', '=', order.id).execute();
    await scanOverdue(t.ctx);
    const items = (await community({ url: `/api/timeline/work_order/${order.id}` })).json().items as (Event & { reason: string })[];
    expect(items.at(-1)).toMatchObject({ label: { zh: expect.any(String), en: expect.any(String) }, toState: { zh: expect.any(String) }, system: true, actorName: '系统 · 超期督办', actorRole: null, reason: '已超过办结时限' });
  });
});
