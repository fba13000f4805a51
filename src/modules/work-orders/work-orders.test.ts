import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { trackingNumbers } from './commands/file-demand.js';
import { demandTarget, fileOne, step } from './test-support.js';

describe('the work-order lifecycle', () => {
  let t: TestApp;
  let grid1: Client;
  let grid2: Client;
  let community: Client;
  let street: Client;
  let grid1Id: string;
  beforeAll(async () => {
    t = await createTestApp();
    [grid1, grid2, community, street] = await Promise.all([t.as('grid1'), t.as('grid2'), t.as('beijiang'), t.as('xinan')]);
    grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());
  const events = async (id: string) => (await community({ url: `/api/timeline/work_order/${id}` })).json().items.map((e: { action: string }) => e.action);

  it('runs file → accept → dispatch → take → resolve → follow up → rate, every step on the timeline', async () => {
    const order = await fileOne(grid1, t);
    expect(order).toMatchObject({ state: 'received', channel: 'grid_patrol', reporterPhoneMasked: '138****8000', light: 'green' });
    expect(order.trackingNo).toMatch(/^\d{8}-[0-9A-F]{8}$/);
    expect(new Date(order.acceptDue) > new Date(order.receivedAt)).toBe(true);
    expect(JSON.stringify(order)).not.toContain('13800138000');
    expect((await step(community, order.id, 'accept')).json().state).toBe('accepted');
    const dispatched = await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    expect(dispatched.json()).toMatchObject({ state: 'dispatched', assignee: { kind: 'user', id: grid1Id } });
    const inbox = (await grid1({ url: '/api/work-orders?mine=true' })).json();
    expect(inbox.items.map((o: { id: string }) => o.id)).toContain(order.id);
    expect((await grid1({ url: '/api/notifications' })).json().items[0]).toMatchObject({ kind: 'dispatched', entityId: order.id });
    expect((await step(grid2, order.id, 'take')).statusCode).toBe(404);
    expect((await step(community, order.id, 'take')).statusCode).toBe(403);
    expect((await step(grid1, order.id, 'take')).json().state).toBe('taken');
    expect((await step(grid1, order.id, 'resolve', { result: '已更换灯泡' })).json()).toMatchObject({ state: 'resolved', result: '已更换灯泡' });
    expect((await step(community, order.id, 'follow-up', { note: '电话回访,居民确认已亮' })).json().state).toBe('followed_up');
    expect((await step(community, order.id, 'rate', { rating: 'satisfied' })).json()).toMatchObject({ state: 'closed', rating: 'satisfied' });
    expect(await events(order.id)).toEqual(['file', 'accept', 'dispatch', 'take', 'resolve', 'follow_up', 'rate']);
  });

  it('draws another tracking number when the one drawn is taken, and files the demand once', async () => {
    const first = await fileOne(grid1, t);
    const draw = trackingNumbers.next;
    let draws = 0;
    trackingNumbers.next = (at) => (++draws === 1 ? first.trackingNo : draw(at));
    try {
      const second = await fileOne(grid1, t);
      expect(draws).toBe(2);
      expect(second.trackingNo).not.toBe(first.trackingNo);
      const rows = await t.ctx.handle.db.selectFrom('work_orders').select('id').where('tracking_no', 'in', [first.trackingNo, second.trackingNo]).execute();
      expect(rows.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
      expect(await events(second.id)).toEqual(['file']);
      // Always the taken one: after a few draws the error surfaces instead of looping.
      trackingNumbers.next = () => first.trackingNo;
      const { compound, category } = await demandTarget(t);
      const before = await t.ctx.handle.db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const res = await grid1({ method: 'POST', url: '/api/work-orders', payload: {
        channel: 'grid_patrol', demandType: 'help', categoryId: category.id, placeId: compound.id, title: '路灯不亮', description: '又坏了',
      } });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'tracking_no_taken', field: 'trackingNo' });
      const after = await t.ctx.handle.db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    } finally {
      trackingNumbers.next = draw;
    }
  });

  it('takes a received time at most the configured days back and never ahead of the clock; else 422 names the field and the bound', async () => {
    const db = t.ctx.handle.db;
    const count = async () => Number((await db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const { compound, category } = await demandTarget(t);
    const file = (receivedAt: string) => grid1({ method: 'POST', url: '/api/work-orders', payload: {
      channel: 'grid_patrol', demandType: 'help', categoryId: category.id, placeId: compound.id, title: '路灯不亮', description: '补录', receivedAt,
    } });
    const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
    const before = await count();
    for (const [receivedAt, code] of [
      ['2019-06-01T09:00:00+08:00', 'received_too_old'], [ago(31 * 86400_000 + 86400_000), 'received_too_old'],
      ['2099-01-01T09:00:00+08:00', 'received_in_future'], [ago(-10 * 60_000), 'received_in_future'],
    ] as const) {
      const res = await file(receivedAt);
      expect(res.statusCode, receivedAt).toBe(422);
      expect(res.json()).toMatchObject({ code, field: 'receivedAt', message: { zh: expect.stringContaining('接收时间'), en: expect.stringContaining('receivedAt') } });
    }
    const old = (await file('2019-06-01T09:00:00+08:00')).json().message;
    expect(old.zh).toContain('30天前');
    expect(old.en).toContain('at most 30 days in the past');
    expect((await file('2099-01-01T09:00:00+08:00')).json().message.en).toContain('5 minutes');
    expect(await count()).toBe(before);

    const late = await file(ago(29 * 86400_000));
    expect(late.statusCode, late.body).toBe(201);
    expect(new Date(late.json().acceptDue) > new Date(late.json().receivedAt)).toBe(true);
    expect((await file(ago(-2 * 60_000))).statusCode).toBe(201);
    t.ctx.config.receivedMaxPastDays = 60;
    try {
      expect((await file(ago(45 * 86400_000))).statusCode).toBe(201);
      expect((await file(ago(62 * 86400_000))).json().message.zh).toContain('60天前');
    } finally {
      t.ctx.config.receivedMaxPastDays = 30;
    }
  });

  it('answers 409 to an illegal step and writes nothing; two takers at once: exactly one wins', async () => {
    const order = await fileOne(grid1, t);
    const illegal = await step(grid1, order.id, 'resolve', { result: 'x' });
    expect(illegal.statusCode).toBe(403);
    const early = await step(community, order.id, 'follow-up', { note: '提前回访' });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('illegal_transition');
    expect(await events(order.id)).toEqual(['file']);
    await step(community, order.id, 'accept');
    const v = (await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } })).json().version;
    const race = await Promise.all([1, 2].map(() => grid1({ method: 'POST', url: `/api/work-orders/${order.id}/take`, payload: { version: v } })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await events(order.id)).filter((a: string) => a === 'take')).toHaveLength(1);
  });

  it('reopens once on "not satisfied", and sends a second "not satisfied" to the street', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, order.id, 'take');
    await step(grid1, order.id, 'resolve', { result: '已处理' });
    const first = (await step(community, order.id, 'rate', { rating: 'not_satisfied', comment: '还是不亮' })).json();
    expect(first).toMatchObject({ state: 'dispatched', reopenCount: 1, assignee: { id: grid1Id } });
    await step(grid1, order.id, 'take');
    await step(grid1, order.id, 'resolve', { result: '更换线路' });
    const second = (await step(community, order.id, 'rate', { rating: 'not_satisfied', comment: '仍未解决' })).json();
    expect(second).toMatchObject({ state: 'accepted', reopenCount: 2, supervised: true, assignee: null });
    expect((await street({ url: '/api/notifications' })).json().items.map((n: { entityId: string }) => n.entityId)).toContain(order.id);
  });

  it('answers a consultation at acceptance and closes it; other types cannot be answered', async () => {
    const consult = await fileOne(grid1, t, { demandType: 'consultation', title: '咨询' });
    expect((await step(community, consult.id, 'answer', { result: '请携带身份证到社区服务站办理' })).json()).toMatchObject({ state: 'closed' });
    const help = await fileOne(grid1, t);
    expect((await step(community, help.id, 'answer', { result: 'x' })).json().code).toBe('not_consultation');
  });

  it('moves the deadline only when the dispatcher approves an extension', async () => {
    const order = await fileOne(grid1, t);
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, order.id, 'take');
    expect((await community({ url: `/api/work-orders/${order.id}` })).json().actions).not.toContain('decide_extension');
    const asked = await step(grid1, order.id, 'request-extension', { days: 3, reason: '需要采购配件' });
    expect((await community({ url: `/api/work-orders/${order.id}` })).json().actions).toContain('decide_extension');
    expect(asked.json().resolveDue).toBe(order.resolveDue);
    const again = await step(grid1, order.id, 'request-extension', { days: 2, reason: '再延期' });
    expect(again.json().code).toBe('extension_pending');
    const requestId = (await community({ url: `/api/work-orders/${order.id}` })).json().extensions[0].id;
    const approved = (await step(community, order.id, 'decide-extension', { requestId, approve: true })).json();
    expect(new Date(approved.resolveDue).getTime()).toBeGreaterThanOrEqual(new Date(order.resolveDue).getTime() + 3 * 86400_000);
    const tooLong = await step(grid1, order.id, 'request-extension', { days: 13, reason: '太久' });
    expect(tooLong.json().code).toBe('extension_too_long');
  });

  it('calls departments in: the lead unit resolves only after every called unit has reported in', async () => {
    const order = await fileOne(grid1, t);
    const db = t.ctx.handle.db;
    const cg = await db.selectFrom('units').select('id').where('name', '=', '城管执法中队').executeTakeFirstOrThrow();
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, order.id, 'take');
    expect((await step(community, order.id, 'call-in', { unitIds: [cg.id], reason: '需城管协同' })).statusCode).toBe(403);
    expect((await step(street, order.id, 'call-in', { unitIds: [cg.id], reason: '需城管协同' })).statusCode).toBe(200);
    expect((await step(grid1, order.id, 'resolve', { result: '处理完毕' })).json().code).toBe('units_pending');
    const chengguan = await t.as('chengguan');
    expect((await chengguan({ url: `/api/work-orders/${order.id}` })).json().actions).toContain('report_in');
    expect((await step(chengguan, order.id, 'report-in', { note: '已清理占道' })).statusCode).toBe(200);
    expect((await step(grid1, order.id, 'resolve', { result: '处理完毕' })).json().state).toBe('resolved');
    expect(await events(order.id)).toEqual(['file', 'accept', 'dispatch', 'take', 'call_in', 'report_in', 'resolve']);
  });

  it('supervises, merges duplicates, and reveals the reporter’s phone only to those who call back', async () => {
    const a = await fileOne(grid1, t);
    const b = await fileOne(grid1, t);
    await step(community, a.id, 'accept');
    expect((await step(street, a.id, 'supervise', { reason: '群众反映强烈' })).json().supervised).toBe(true);
    const merged = await step(community, b.id, 'merge', { intoId: a.id, reason: '重复诉求' });
    expect(merged.json()).toMatchObject({ state: 'merged', mergedInto: a.id });
    expect((await step(community, b.id, 'accept')).statusCode).toBe(409);
    const head = await t.as('louzhang');
    expect((await head({ method: 'POST', url: `/api/work-orders/${a.id}/reveal`, payload: { field: 'phone', reason: '想联系' } })).statusCode).toBe(404);
    const revealed = await community({ method: 'POST', url: `/api/work-orders/${a.id}/reveal`, payload: { field: 'phone', reason: '回访居民' } });
    expect(revealed.json()).toEqual({ field: 'phone', value: '13800138000' });
  });
});
