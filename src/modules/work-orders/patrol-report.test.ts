import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { multipartForm, tinyPng } from '../attachments/test-support.js';
import { demandTarget, step } from './test-support.js';

/** The grid worker's patrol report from his phone: with photos, and handled on the spot (现场处置) in one go. */
describe('a grid worker’s patrol report', () => {
  let t: TestApp;
  let grid1: Client;
  let community: Client;
  let fields: Record<string, string>;
  beforeAll(async () => {
    t = await createTestApp();
    [grid1, community] = await Promise.all([t.as('grid1'), t.as('beijiang')]);
    const { compound, category } = await demandTarget(t);
    fields = { demandType: 'help', categoryId: category.id, placeId: compound.id, title: '井盖松动', description: '3栋旁井盖松动,有安全隐患' };
  });
  afterAll(() => t.close());

  const photo = (rgb: [number, number, number]) => ({ filename: 'p.png', type: 'image/png', data: tinyPng(rgb) });
  const file = (c: Client, extra: Record<string, string> = {}, photos = [photo([1, 2, 3]), photo([4, 5, 6])]) =>
    c({ method: 'POST', url: '/api/work-orders/patrol', ...multipartForm({ ...fields, ...extra }, photos) });
  const events = async (id: string) => (await community({ url: `/api/timeline/work_order/${id}` })).json().items as { action: string; label: { zh: string } | null; actorName: string }[];
  const count = async (table: 'work_orders' | 'attachments' | 'events') =>
    Number((await t.ctx.handle.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('files it with its photos, waiting for the office', async () => {
    const res = await file(grid1);
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect(order).toMatchObject({ state: 'received', channel: 'grid_patrol' });
    const detail = (await community({ url: `/api/work-orders/${order.id}` })).json();
    expect(detail.photos.map((p: { stage: string }) => p.stage)).toEqual(['report', 'report']);
    expect((await events(order.id)).map((e) => e.action)).toEqual(['file', 'add_photos']);
    // A resident he files for may ask to stay unnamed (是否保密).
    const kept = (await file(grid1, { reporterName: '李杏珊', reporterPhone: '13800138000', confidential: 'true' }, [])).json();
    expect(kept).toMatchObject({ confidential: true, reporterName: null, reporterPhoneMasked: null });
  });

  it('handled on the spot: filed, taken and resolved at once, three steps on the timeline, then the office follows up', async () => {
    const res = await file(grid1, { handledOnSpot: 'true', result: '已现场紧固井盖' }, [photo([9, 9, 9])]);
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    const gridId = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    expect(order).toMatchObject({ state: 'resolved', result: '已现场紧固井盖', assignee: { kind: 'user', id: gridId }, dispatcherId: gridId });
    expect(order.acceptedAt).toBeTruthy();
    expect(order.deadlines.accept.light).toBe('green');
    const timeline = await events(order.id);
    expect(timeline.map((e) => e.action)).toEqual(['file', 'add_photos', 'take_on_spot', 'resolve']);
    expect(timeline.map((e) => e.label?.zh)).toEqual(['登记', '上传照片', '现场处置', '办结']);
    // The office sees it waiting for its follow-up, as any resolved order.
    const inbox = (await community({ url: '/api/work-orders?mine=true&awaits=follow_up&limit=200' })).json();
    expect(inbox.items.map((o: { id: string }) => o.id)).toContain(order.id);
    expect((await step(community, order.id, 'follow-up', { note: '居民确认已修好' })).json().state).toBe('followed_up');
  });

  it('refuses a report handled on the spot without its result, and one on another grid, writing nothing', async () => {
    const before = await Promise.all([count('work_orders'), count('attachments'), count('events')]);
    const noResult = await file(grid1, { handledOnSpot: 'true' });
    expect(noResult.statusCode).toBe(400);
    expect(noResult.json()).toMatchObject({ field: 'result', message: { zh: '现场处置请填写处置结果' } });
    const grid2 = await placeByName(t, '北江社区第2网格');
    const compound2 = await t.ctx.handle.db.selectFrom('places').select('id').where('parent_id', '=', grid2.id).executeTakeFirstOrThrow();
    expect((await file(grid1, { placeId: compound2.id, handledOnSpot: 'true', result: '已处理' })).statusCode).toBe(404);
    // The office files no patrol reports: that channel is the grid worker's.
    expect((await file(community, { handledOnSpot: 'true', result: '已处理' })).statusCode).toBe(403);
    expect(await Promise.all([count('work_orders'), count('attachments'), count('events')])).toEqual(before);
  });

  it('lets only the grid worker who filed it handle it on the spot later, from its page', async () => {
    const order = (await file(grid1)).json();
    const grid2 = await t.as('grid2');
    expect((await step(grid2, order.id, 'take-on-spot')).statusCode).toBe(404);
    expect((await step(community, order.id, 'take-on-spot')).statusCode).toBe(403);
    expect((await grid1({ url: `/api/work-orders/${order.id}` })).json().actions).toContain('take_on_spot');
    expect((await step(grid1, order.id, 'take-on-spot')).json().state).toBe('taken');
    expect((await step(grid1, order.id, 'resolve', { result: '已处理' })).json().state).toBe('resolved');
  });
});
