import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fileOne, step } from './test-support.js';

describe('called-in units and merged duplicates', () => {
  let t: TestApp;
  let grid1: Client;
  let community: Client;
  let street: Client;
  let chengguan: Client;
  let gongjian: Client;
  let grid1Id: string;
  let cgId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [grid1, community, street, chengguan, gongjian] = await Promise.all([t.as('grid1'), t.as('beijiang'), t.as('xinan'), t.as('chengguan'), t.as('gongjian')]);
    const db = t.ctx.handle.db;
    grid1Id = (await db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    cgId = (await db.selectFrom('units').select('id').where('name', '=', '城管执法中队').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());
  const mine = async (c: Client) => (await c({ url: '/api/work-orders?mine=true&limit=200' })).json().items.map((o: { id: string }) => o.id);
  const events = async (id: string) => (await community({ url: `/api/timeline/work_order/${id}` })).json().items.map((e: { action: string }) => e.action);
  async function taken() {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, order.id, 'take');
    return order;
  }

  it('puts an order in the called-in unit’s “waiting on me” until the unit reports in', async () => {
    const order = await taken();
    expect(await mine(chengguan)).not.toContain(order.id);
    expect((await step(street, order.id, 'call-in', { unitIds: [cgId], reason: '需城管协同' })).statusCode).toBe(200);
    expect(await mine(chengguan)).toContain(order.id);
    expect(await mine(gongjian)).not.toContain(order.id);
    // Also in the unit's full list, reported in or not.
    expect((await chengguan({ url: '/api/work-orders?limit=200' })).json().items.map((o: { id: string }) => o.id)).toContain(order.id);
    expect((await step(chengguan, order.id, 'report-in', { note: '已清理占道' })).statusCode).toBe(200);
    expect(await mine(chengguan)).not.toContain(order.id);
  });

  it('leaves a closed order out of the unit’s “waiting on me” even when it never reported in', async () => {
    const [target, duplicate] = [await fileOne(grid1, t), await fileOne(grid1, t)];
    await step(community, duplicate.id, 'accept');
    expect((await step(street, duplicate.id, 'call-in', { unitIds: [cgId], reason: '需城管协同' })).statusCode).toBe(200);
    expect(await mine(chengguan)).toContain(duplicate.id);
    expect((await step(community, duplicate.id, 'merge', { intoId: target.id })).json().state).toBe('merged');
    expect(await mine(chengguan)).not.toContain(duplicate.id);
  });

  it('reports a unit in once: no second 报到 button, a second report answers 409 and writes nothing', async () => {
    const order = await taken();
    await step(street, order.id, 'call-in', { unitIds: [cgId], reason: '需城管协同' });
    expect((await chengguan({ url: `/api/work-orders/${order.id}` })).json().actions).toContain('report_in');
    expect((await step(chengguan, order.id, 'report-in', { note: '已清理占道' })).statusCode).toBe(200);
    const after = (await chengguan({ url: `/api/work-orders/${order.id}` })).json();
    expect(after.actions).not.toContain('report_in');
    const again = await step(chengguan, order.id, 'report-in', { note: '改写承办情况' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_reported', field: 'unitId', message: { zh: expect.any(String), en: expect.any(String) } });
    const now = (await chengguan({ url: `/api/work-orders/${order.id}` })).json();
    expect(now.order.version).toBe(after.order.version);
    expect(now.units).toEqual([expect.objectContaining({ id: cgId, part: '已清理占道', reportedAt: after.units[0].reportedAt })]);
    expect((await events(order.id)).filter((a: string) => a === 'report_in')).toHaveLength(1);
  });

  it('lists the duplicates merged into an order on its detail: number and title, nothing personal', async () => {
    const target = await fileOne(grid1, t, { title: '路灯不亮(主单)' });
    const dup1 = await fileOne(grid1, t, { title: '路灯坏了', reporterName: '王大明', reporterPhone: '13900139000' });
    const dup2 = await fileOne(grid1, t, { title: '门口没灯' });
    expect((await community({ url: `/api/work-orders/${target.id}` })).json().duplicates).toEqual([]);
    await step(community, dup1.id, 'merge', { intoId: target.id, reason: '重复诉求' });
    await step(community, dup2.id, 'accept');
    await step(community, dup2.id, 'merge', { intoId: target.id });
    const detail = (await community({ url: `/api/work-orders/${target.id}` })).json();
    // Ordered by receipt; two filed in the same millisecond may come either way.
    const byTitle = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title);
    expect([...detail.duplicates].sort(byTitle)).toEqual([
      { id: dup1.id, trackingNo: dup1.trackingNo, title: '路灯坏了' },
      { id: dup2.id, trackingNo: dup2.trackingNo, title: '门口没灯' },
    ].sort(byTitle));
    expect(JSON.stringify(detail.duplicates)).not.toMatch(/王大明|139/);
    expect((await community({ url: `/api/work-orders/${dup1.id}` })).json()).toMatchObject({ order: { mergedInto: target.id }, duplicates: [] });
  });
});
