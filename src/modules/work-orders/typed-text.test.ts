import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { fileOne, step } from './test-support.js';

const PHONE = '13812341234';
const ID = '440106199001011234';
const TYPED = `楼道灯坏了,请打我电话${PHONE},身份证${ID}`;
const MASKED = '楼道灯坏了,请打我电话138****1234,身份证4401**********1234';

/** Phone and ID numbers typed into an order's texts: masked for staff on every page, revealed one at a time and audited. */
describe('phone and ID numbers typed into a work order', () => {
  let t: TestApp;
  let grid1: Client;
  let grid2: Client;
  let community: Client;
  let grid1Id = '';
  beforeAll(async () => {
    t = await createTestApp();
    [grid1, grid2, community] = await Promise.all([t.as('grid1'), t.as('grid2'), t.as('beijiang')]);
    grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const reveal = (c: Client, id: string, payload: Record<string, unknown>) => c({ method: 'POST', url: `/api/work-orders/${id}/reveal`, payload });
  const reveals = async (id: string) => Number((await t.ctx.handle.db.selectFrom('events').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity_id', '=', id).where('action', '=', 'reveal').executeTakeFirstOrThrow()).n);

  it('masks them in the list, the detail, the timeline and the audit log, and reveals them with an audit event', async () => {
    const order = await fileOne(grid1, t, { description: TYPED });
    expect(order.description).toBe(MASKED);
    const listed = (await community({ url: `/api/work-orders?q=${encodeURIComponent(order.trackingNo)}` })).json().items[0];
    expect(listed).toMatchObject({ id: order.id, description: MASKED, maskedTexts: ['description'] });
    const detail = (await community({ url: `/api/work-orders/${order.id}` })).json();
    expect(detail.order).toMatchObject({ description: MASKED, maskedTexts: ['description'] });

    // A comment typed with the numbers: the rating's comment, which the timeline shows as the event's text.
    for (const [s, body] of [['accept', {}], ['dispatch', { assignee: { kind: 'user', id: grid1Id } }]] as const) await step(community, order.id, s, body);
    await step(grid1, order.id, 'take');
    await step(grid1, order.id, 'resolve', { result: '已修好' });
    const rated = await step(community, order.id, 'rate', { rating: 'basically_satisfied', comment: `居民说有事再打${PHONE}` });
    expect(rated.json()).toMatchObject({ ratingComment: '居民说有事再打138****1234', maskedTexts: ['description', 'ratingComment'] });
    const timeline = (await community({ url: `/api/timeline/work_order/${order.id}` })).json().items as { id: number; action: string; reason: string | null; masked: boolean }[];
    const rate = timeline.find((e) => e.action === 'rate')!;
    expect(rate).toMatchObject({ reason: '居民说有事再打138****1234', masked: true });
    expect(timeline.find((e) => e.action === 'take')!.masked).toBe(false);
    const audit = (await community({ url: `/api/audit?entityId=${order.id}&limit=200` })).json().items;
    for (const page of [JSON.stringify(listed), JSON.stringify(detail), JSON.stringify(timeline), JSON.stringify(audit), rated.body]) {
      expect(page).not.toContain(PHONE);
      expect(page).not.toContain(ID);
    }

    const before = await reveals(order.id);
    const shown = await reveal(community, order.id, { field: 'description', reason: '回电居民' });
    expect(shown.json()).toEqual({ field: 'description', value: TYPED });
    expect(shown.headers['cache-control']).toContain('no-store');
    const comment = await reveal(community, order.id, { field: 'ratingComment', reason: '回电居民' });
    expect(comment.json().value).toBe(`居民说有事再打${PHONE}`);
    const entry = await reveal(community, order.id, { field: 'eventText', eventId: rate.id, reason: '核对评价' });
    expect(entry.json()).toMatchObject({ field: 'eventText', eventId: rate.id, value: { reason: `居民说有事再打${PHONE}` } });
    expect(await reveals(order.id)).toBe(before + 3);
    const logged = (await community({ url: `/api/audit?entityId=${order.id}&action=reveal&order=asc` })).json().items.slice(-3);
    expect(logged.map((e: { to: unknown; reason: string }) => [e.to, e.reason])).toEqual([
      [{ field: 'description' }, '回电居民'], [{ field: 'ratingComment' }, '回电居民'],
      [{ field: 'eventText', eventId: rate.id, eventAt: expect.any(String) }, '核对评价'],
    ]);
  });

  it('reveals nothing outside the caller’s scope, nor an entry of another order, and writes nothing', async () => {
    const order = await fileOne(grid1, t, { description: TYPED });
    const other = await fileOne(grid1, t);
    const head = await t.as('louzhang');
    const otherEvent = (await community({ url: `/api/timeline/work_order/${other.id}` })).json().items[0].id as number;
    const before = await reveals(order.id);
    expect((await reveal(grid2, order.id, { field: 'description', reason: '想看看' })).statusCode).toBe(404);
    expect((await reveal(head, order.id, { field: 'description', reason: '想看看' })).statusCode).toBe(404);
    expect((await reveal(community, order.id, { field: 'eventText', eventId: otherEvent, reason: '想看看' })).statusCode).toBe(404);
    const noEntry = await reveal(community, order.id, { field: 'eventText', reason: '想看看' });
    expect(noEntry.statusCode).toBe(400);
    expect(noEntry.json()).toMatchObject({ field: 'eventId', message: { zh: expect.any(String), en: expect.any(String) } });
    expect(await reveals(order.id)).toBe(before);
  });

  it('keeps what a confidential caller typed from the units and workers it goes to, as their phone', async () => {
    const order = await fileOne(grid1, t, { description: TYPED, confidential: true });
    await step(community, order.id, 'accept');
    await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    expect((await grid1({ url: `/api/work-orders/${order.id}` })).json().order.description).toBe(MASKED);
    expect((await reveal(grid1, order.id, { field: 'description', reason: '联系居民' })).statusCode).toBe(403);
    expect((await reveal(community, order.id, { field: 'description', reason: '联系居民' })).json().value).toBe(TYPED);
  });
});
