import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from './harness.js';
import { asResident, fileAsResident } from '../modules/resident-h5/test-support.js';
import { step } from '../modules/work-orders/test-support.js';
import { demoKey, form } from '../modules/open311/test-support.js';

/**
 * Numbers and addresses a resident or an operator types into free text, each spelled as people spell them, and what
 * anyone who may not see personal data reads instead: the public (Open311), the resident's own pages, the bell of the
 * unit or worker the order goes to.
 */
const TYPED: [string, string][] = [
  ['１３８１２３４５６７８', '138****5678'],
  ['139.8765.4321', '139****4321'],
  ['137 123 45678', '137****5678'],
  ['+86 136 1111 2222', '136****2222'],
  ['135-5555-6666', '135****6666'],
  ['(+86)15012345678', '150****5678'],
  ['02088886666', '020****6666'],
  ['020-8888 6666', '020****6666'],
  ['(0757)87654321', '075****4321'],
  ['0757 8765 1234', '075****1234'],
  ['440607 19900101 1234', '4406**********1234'],
  ['11010519491231002x', '1101**********002X'],
  ['４４０６０７１９８８０２０２５６７８', '4406**********5678'],
  ['zhang.san@example.com', 'z***@example.com'],
  ['li_si@qq.com', 'l***@qq.com'],
  ['18912345678', '189****5678'],
];
const KEPT = ['2026-12-01', '20261202-256DE888', '3栋2单元501', '金额1200元'];

describe('numbers typed into free text are masked wherever someone who may not see them reads the text', () => {
  let t: TestApp;
  let resident: Client;
  let community: Client;
  let grid1: Client;
  let grid1Id: string;
  let orderId: string;
  let trackingNo: string;
  const typedText = TYPED.map(([typed], i) => `第${i + 1}个:${typed}`).join(';') + `。${KEPT.join(',')}`;
  const unmasked = (body: string) => TYPED.filter(([typed]) => body.includes(typed)).map(([typed]) => typed);
  const maskedIn = (body: string) => TYPED.filter(([, masked]) => body.includes(masked)).length;

  beforeAll(async () => {
    t = await createTestApp();
    [resident, community, grid1] = await Promise.all([asResident(t, '13622223333'), t.as('beijiang'), t.as('grid1')]);
    grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    const filed = await fileAsResident(resident, t, [], { title: '路灯不亮,联系13800138000', description: `小区门口路灯坏了。${typedText}` });
    expect(filed.statusCode, filed.body).toBe(201);
    ({ id: orderId, trackingNo } = filed.json());
    await step(community, orderId, 'accept');
    await step(community, orderId, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, orderId, 'take');
    await step(grid1, orderId, 'resolve', { result: `已修复,回访请联系物业王经理 ${TYPED[1]![0]} 或 ${TYPED[13]![0]}` });
  });
  afterAll(() => t.close());

  it('on Open311’s public GETs: the description, the status notes and every update', async () => {
    const key = await demoKey(t);
    const comment = await t.app.inject({ method: 'POST', url: '/open311/v2/servicerequestupdates.json',
      ...form({ api_key: key, service_request_id: trackingNo, description: `还是不亮,打我电话${TYPED[0]![0]}` }) });
    expect(comment.statusCode, comment.body).toBe(200);
    expect(comment.json()[0].description).toBe('还是不亮,打我电话138****5678');
    for (const url of [`requests/${trackingNo}.json`, `requests/${trackingNo}.xml`, 'requests.json', 'servicerequestupdates.json?start_date=2020-01-01T00:00:00Z', 'servicerequestupdates.xml']) {
      const body = (await t.app.inject({ url: `/open311/v2/${url}` })).body;
      expect(unmasked(body), url).toEqual([]);
      expect(body).not.toContain('13800138000');
    }
    const [request] = (await t.app.inject({ url: `/open311/v2/requests/${trackingNo}.json` })).json();
    expect(maskedIn(request.description)).toBe(TYPED.length);
    for (const kept of KEPT) expect(request.description).toContain(kept);
    expect(request.status_notes).toBe('已修复,回访请联系物业王经理 139****4321 或 z***@example.com');
  });

  it('on the resident’s own pages: title, description, result, rating comment and timeline', async () => {
    const rated = await resident({ method: 'POST', url: `/api/h5/demands/${orderId}/rate`, payload: {
      version: (await community({ url: `/api/work-orders/${orderId}` })).json().order.version, rating: 'satisfied', comment: `谢谢,有事找我 ${TYPED[2]![0]}` } });
    expect(rated.statusCode, rated.body).toBe(200);
    const detail = await resident({ url: `/api/h5/demands/${orderId}` });
    const list = await resident({ url: '/api/h5/demands' });
    for (const body of [detail.body, list.body]) {
      expect(unmasked(body)).toEqual([]);
      expect(body).not.toContain('13800138000');
    }
    const d = detail.json();
    expect(d.title).toBe('路灯不亮,联系138****8000');
    expect(maskedIn(d.description)).toBe(TYPED.length);
    expect(d.result).toContain('139****4321');
    expect(d.ratingComment).toBe('谢谢,有事找我 137****5678');
    expect(d.timeline.find((e: { step: string }) => e.step === 'resolved').result).toContain('z***@example.com');
    expect(d.timeline.find((e: { step: string }) => e.step === 'rated').comment).toBe('谢谢,有事找我 137****5678');
  });

  it('in the bell of whoever the order goes to', async () => {
    const items = (await grid1({ url: '/api/notifications' })).json().items as { kind: string; entityId: string; text: { zh: string; en: string } }[];
    const dispatched = items.find((n) => n.kind === 'dispatched' && n.entityId === orderId)!;
    expect(dispatched.text).toEqual({ zh: '新工单:路灯不亮,联系138****8000', en: 'New work order: 路灯不亮,联系138****8000' });
    const stored = await t.ctx.handle.db.selectFrom('notifications').select(['text_zh', 'text_en']).where('entity_id', '=', orderId).execute();
    expect(JSON.stringify(stored)).not.toContain('13800138000');
  });

  it('for the staff too, who reveal what was typed one text at a time, audited', async () => {
    const detail = await community({ url: `/api/work-orders/${orderId}` });
    const timeline = await community({ url: `/api/timeline/work_order/${orderId}` });
    for (const body of [detail.body, timeline.body, (await community({ url: '/api/work-orders?limit=200' })).body]) {
      expect(unmasked(body)).toEqual([]);
      expect(body).not.toContain('13800138000');
    }
    const order = detail.json().order;
    expect(maskedIn(order.description)).toBe(TYPED.length);
    expect(order.maskedTexts).toEqual(['title', 'description', 'result', 'ratingComment']);
    const revealed = await community({ method: 'POST', url: `/api/work-orders/${orderId}/reveal`, payload: { field: 'description', reason: '联系居民' } });
    expect(revealed.json().value).toBe(`小区门口路灯坏了。${typedText}`);
  });
});
