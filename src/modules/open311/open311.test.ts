import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../test/harness.js';
import { step } from '../work-orders/test-support.js';
import { countOrders as countOrdersOf, demoKey, form, items, parseXml, places, plain } from './test-support.js';

describe('Open311 GeoReport v2 at /open311/v2', () => {
  let t: TestApp;
  let key: string;
  let community: Client;
  let where: Awaited<ReturnType<typeof places>>;
  let grid1Id: string;
  const get = (url: string) => t.app.inject({ url: `/open311/v2/${url}` });
  const post = (url: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url: `/open311/v2/${url}`, ...form(fields) });
  const request = (extra: Record<string, string> = {}) => ({
    api_key: key, service_code: 'street-light', jurisdiction_id: '440607', lat: '23.1564', long: '112.8906',
    'attribute[community]': where.community.id, 'attribute[compound]': where.compound.name, 'attribute[demand_type]': 'help',
    email: 'wang.fang@example.com', first_name: '芳', last_name: '王', phone: '13912345678', address_string: '西南街道健康路88号3栋',
    description: '路灯不亮\n\n小区门口两盏路灯坏了一周', media_url: 'https://example.org/photo/1.jpg', ...extra,
  });
  const countOrders = () => countOrdersOf(t);

  beforeAll(async () => {
    t = await createTestApp();
    key = await demoKey(t);
    where = await places(t);
    community = await t.as('beijiang');
    grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('serves discovery in JSON and XML, naming this endpoint and both formats', async () => {
    const json = await get('discovery.json');
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.json().endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:80/open311/v2', formats: ['text/xml', 'application/json'] });
    const xml = await get('discovery.xml?jurisdiction_id=440607');
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(plain(parseXml(xml.body))).toMatchObject({ endpoints: { endpoint: { type: 'production', formats: { format: ['text/xml', 'application/json'] } } } });
  });

  it('lists the categories as services, and defines each with its attributes', async () => {
    const json = (await get('services.json')).json();
    expect(json).toContainEqual({ service_code: 'street-light', service_name: '路灯损坏', description: '', metadata: true, type: 'realtime', keywords: '市政设施,路灯损坏', group: '市政设施' });
    const xml = items((await get('services.xml')).body);
    expect(xml.length).toBe(json.length);
    expect(xml).toContainEqual({ service_code: 'street-light', service_name: '路灯损坏', description: '', metadata: 'true', type: 'realtime', keywords: '市政设施,路灯损坏', group: '市政设施' });
    const def = (await get('services/street-light.json')).json();
    expect(def.service_code).toBe('street-light');
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(['community', 'compound', 'demand_type']);
    expect(def.attributes[0]).toMatchObject({ variable: true, required: true, datatype: 'singlevaluelist', order: 1 });
    expect(def.attributes[0].values).toContainEqual({ key: where.community.id, name: '西南街道 北江社区' });
    const defXml = plain(parseXml((await get('services/street-light.xml')).body)) as { attributes: { attribute: { code: string; values?: unknown }[] } };
    expect(defXml.attributes.attribute.map((a) => a.code)).toEqual(['community', 'compound', 'demand_type']);
    expect((defXml.attributes.attribute[2]!.values as { value: unknown[] }).value).toContainEqual({ key: 'complaint', name: '投诉' });
  });

  it('answers errors as the specification lists them, in XML and JSON', async () => {
    const unknownService = await get('services/no-such-service.xml');
    expect(unknownService.statusCode).toBe(404);
    expect(plain(parseXml(unknownService.body))).toEqual({ error: { code: '404', description: 'service_code no-such-service not found' } });
    const before = await countOrders();
    const badKey = await post('requests.xml', request({ api_key: 'not-a-key' }));
    expect(badKey.statusCode).toBe(403);
    expect(parseXml(badKey.body).name).toBe('errors');
    expect(plain(parseXml(badKey.body))).toEqual({ error: { code: '403', description: 'Invalid or revoked api_key' } });
    const noKey = await post('requests.json', request({ api_key: '' }));
    expect(noKey.statusCode).toBe(403);
    expect(noKey.json()).toEqual([{ code: 403, description: 'api_key is required' }]);
    expect((await post('requests.json', request({ service_code: 'nope' }))).statusCode).toBe(404);
    expect((await get('requests.json?jurisdiction_id=110105')).statusCode).toBe(404);
    expect((await get('requests.json?start_date=yesterday')).json()[0]).toMatchObject({ code: 400 });
    expect((await get('nothing-here.xml')).statusCode).toBe(404);
    expect(await countOrders()).toBe(before);
  });

  it('creates a request from a form post, then finds it by id, in a comma-separated list and by filters', async () => {
    const created = await post('requests.xml', request());
    expect(created.statusCode, created.body).toBe(200);
    const [answer] = items(created.body) as { service_request_id: string; service_notice: string }[];
    expect(answer!.service_request_id).toMatch(/^\d{8}-[0-9A-F]{8}$/);
    expect(answer!.service_notice).toContain(answer!.service_request_id);
    const id = answer!.service_request_id;
    const order = await t.ctx.handle.db.selectFrom('work_orders').selectAll().where('tracking_no', '=', id).executeTakeFirstOrThrow();
    expect(order).toMatchObject({ channel: 'open311', place_id: where.compound.id, title: '路灯不亮', demand_type: 'help', reporter_name: '王芳', lat: 23.1564 });

    const one = (await get(`requests/${id}.json`)).json();
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({
      service_request_id: id, status: 'open', service_code: 'street-light', service_name: '路灯损坏', agency_responsible: '北江社区',
      description: '路灯不亮\n\n小区门口两盏路灯坏了一周', media_url: 'https://example.org/photo/1.jpg', address_id: where.compound.id, lat: 23.1564, long: 112.8906,
    });
    expect(one[0].requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const other = items((await post('requests.xml', request({ 'attribute[compound]': '', address_string: where.compound.name, 'attribute[demand_type]': 'complaint' }))).body)[0]!.service_request_id as string;
    const both = (await get(`requests.json?service_request_id=${id},${other}`)).json();
    expect(both.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([id, other].sort());
    const xml = items((await get(`requests.xml?service_request_id=${id},${other}`)).body);
    expect(xml.map((r) => r.service_request_id).sort()).toEqual([id, other].sort());
    const listed = (await get('requests.json?service_code=street-light&status=open')).json().map((r: { service_request_id: string }) => r.service_request_id);
    expect(listed).toEqual(expect.arrayContaining([id, other]));
    expect((await get('requests.json?status=closed')).json().map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);
    expect((await get('requests.json?end_date=2020-01-01T00:00:00Z')).json()).toEqual([]);
    const token = (await get(`tokens/${order.id}.json`)).json();
    expect(token).toEqual([{ service_request_id: id, token: order.id }]);
  });

  it('takes the same fields as multipart/form-data, and escapes markup in XML', async () => {
    const boundary = '----open311test';
    const parts = Object.entries(request({ description: '电线 <裸露> & "危险"' })).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(200);
    const id = res.json()[0].service_request_id;
    expect((await get(`requests/${id}.json`)).json()[0]).toMatchObject({ service_code: 'street-light', address_id: where.compound.id });
    expect(items((await get(`requests/${id}.xml`)).body)[0]).toMatchObject({ description: '电线 <裸露> & "危险"', lat: '23.1564' });
  });

  it('refuses a NUL byte in the query, a form or a multipart field with GeoReport’s 400, and writes nothing', async () => {
    const before = await countOrders();
    for (const url of ['requests.json?service_request_id=%00', 'requests.json?service_code=a%00b', 'tokens/a%00b.json', 'services/a%00.json']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual([{ code: 400, description: expect.stringContaining('must not contain control characters') }]);
    }
    const xml = await get('requests/a%00b.xml');
    expect(xml.statusCode).toBe(400);
    expect(plain(parseXml(xml.body))).toEqual({ error: { code: '400', description: expect.stringContaining('file') } });
    expect((await post('requests.json', request({ description: '路灯\u0000不亮' }))).json()).toEqual([{ code: 400, description: expect.stringContaining('description') }]);
    expect((await post('servicerequestupdates.json', { api_key: key, service_request_id: '\u0000', description: '还没修' })).statusCode).toBe(400);
    const boundary = 'nul';
    const multipart = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Object.entries(request({ service_code: 'street\u0000light' })).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${boundary}--\r\n` });
    expect(multipart.statusCode).toBe(400);
    expect(multipart.json()[0].description).toContain('service_code');
    expect(await countOrders()).toBe(before);
  });

  it('answers a multipart post without a boundary, or cut short, with 400', async () => {
    const body = Object.entries(request()).map(([k, v]) => `--b\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
    for (const [type, payload] of [['multipart/form-data', `${body}--b--\r\n`], ['multipart/form-data; boundary=b', body.slice(0, -10)]] as const) {
      for (const format of ['json', 'xml']) {
        const res = await t.app.inject({ method: 'POST', url: `/open311/v2/requests.${format}`, headers: { 'content-type': type }, payload });
        expect(res.statusCode, `${type} ${format}`).toBe(400);
        if (format === 'json') expect(res.json()).toEqual([{ code: 400, description: 'The multipart form is malformed or incomplete (上传的表单不完整或格式不正确)' }]);
        else expect(plain(parseXml(res.body))).toMatchObject({ error: { code: '400' } });
      }
    }
  });

  it('places a request by address_id, a compound name or the community; a named place that is not there is 400 or 404', async () => {
    const onCommunity = await post('requests.json', request({ 'attribute[compound]': '', address_string: '健康路88号' }));
    const placed = await t.ctx.handle.db.selectFrom('work_orders').select('place_id').where('tracking_no', '=', onCommunity.json()[0].service_request_id).executeTakeFirstOrThrow();
    expect(placed.place_id).toBe(where.community.id);
    const byId = await post('requests.json', request({ 'attribute[community]': '', 'attribute[compound]': '', address_id: where.compound.id }));
    expect(byId.statusCode).toBe(200);
    // A compound name that matches nothing, with a pin outside every boundary of the key's street: on the street, unplaced.
    const unknownCompound = await post('requests.json', request({ 'attribute[community]': '', 'attribute[compound]': '没有这个小区', lat: '23.3564' }));
    expect(unknownCompound.statusCode).toBe(200);
    const unplaced = await t.ctx.handle.db.selectFrom('work_orders').select('place_path').where('tracking_no', '=', unknownCompound.json()[0].service_request_id).executeTakeFirstOrThrow();
    expect(unplaced.place_path.split('/').filter(Boolean)).toHaveLength(2);
    const outside = await post('requests.xml', request({ 'attribute[community]': where.outside.id, 'attribute[compound]': '' }));
    expect(outside.statusCode).toBe(404);
    expect(plain(parseXml(outside.body))).toMatchObject({ error: { code: '404' } });

  });

  it('publishes each step as an update after staff move the order, and takes a client’s update as a comment', async () => {
    const id = (await post('requests.json', request())).json()[0].service_request_id as string;
    const order = await t.ctx.handle.db.selectFrom('work_orders').selectAll().where('tracking_no', '=', id).executeTakeFirstOrThrow();
    expect((await step(community, order.id, 'accept')).statusCode).toBe(200);
    expect((await step(community, order.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id }, note: '请联系王芳 13912345678' })).statusCode).toBe(200);
    const updates = (await get('servicerequestupdates.json')).json().filter((u: { service_request_id: string }) => u.service_request_id === id);
    expect(updates.map((u: { description: string; status: string }) => [u.description, u.status])).toEqual([['已受理', 'IN_PROGRESS'], ['已派单,等待承办', 'IN_PROGRESS']]);
    expect(updates[0].update_id).toMatch(/^\d+$/);
    expect(JSON.stringify(updates)).not.toContain('13912345678');

    const grid1 = await t.as('grid1');
    await step(grid1, order.id, 'take');
    await step(grid1, order.id, 'resolve', { result: '已更换灯泡' });
    const closed = items((await get('servicerequestupdates.xml?start_date=2020-01-01T00:00:00Z')).body).filter((u) => u.service_request_id === id).at(-1)!;
    expect(closed).toMatchObject({ description: '已办结:已更换灯泡', status: 'FIXED', external_status_code: 'resolved', media_url: '' });
    expect((await get(`requests/${id}.json`)).json()[0]).toMatchObject({ status: 'closed', status_notes: '已更换灯泡' });
    expect((await get('servicerequestupdates.json?end_date=2020-01-01T00:00:00Z')).json()).toEqual([]);

    const comment = { api_key: key, service_request_id: id, update_id: 'fms-77', status: 'OPEN', updated_datetime: '2026-11-24T10:00:00+08:00',
      description: '灯亮了,谢谢', email: 'wang.fang@example.com', first_name: '芳', last_name: '王' };
    const posted = await post('servicerequestupdates.xml', comment);
    expect(posted.statusCode, posted.body).toBe(200);
    const update = items(posted.body)[0]!;
    expect(update).toMatchObject({ service_request_id: id, status: 'FIXED', description: '灯亮了,谢谢' });
    expect(items((await post('servicerequestupdates.xml', comment)).body)[0]!.update_id).toBe(update.update_id);
    const events = (await community({ url: `/api/timeline/work_order/${order.id}` })).json().items.filter((e: { action: string }) => e.action === 'comment');
    expect(events).toHaveLength(1);
    expect(events[0].to).toMatchObject({ comment: '灯亮了,谢谢', author: '王芳', clientUpdateId: 'fms-77', clientStatus: 'open' });
    expect((await grid1({ url: '/api/notifications' })).json().items[0]).toMatchObject({ kind: 'comment', entityId: order.id });
    const feed = (await get('servicerequestupdates.json')).json();
    expect(feed.at(-1)).toMatchObject({ update_id: update.update_id, description: '灯亮了,谢谢' });
    expect((await post('servicerequestupdates.json', { ...comment, service_request_id: 'nope' })).statusCode).toBe(404);
    expect((await post('servicerequestupdates.json', { ...comment, api_key: 'bad' })).statusCode).toBe(403);
  });

  it('shows no personal data in any GET', async () => {
    await post('requests.json', request());
    const bodies = await Promise.all(['requests.json', 'requests.xml', 'servicerequestupdates.json', 'servicerequestupdates.xml'].map(async (u) => (await get(u)).body));
    const all = bodies.join('\n');
    expect(all).toContain('路灯不亮');
    for (const secret of ['13912345678', '139****5678', 'wang.fang@example.com', '芳 王', '王芳', '健康路88号3栋', '3栋']) expect(all).not.toContain(secret);
    const one = (await get('requests.json')).json()[0];
    expect(Object.keys(one)).not.toEqual(expect.arrayContaining(['reporter_name']));
    // What the resident typed into the description is shown, but not the numbers in it.
    await post('requests.json', request({ description: '噪音扰民\n\n楼上装修,联系我13800138000' }));
    const typed = (await get('requests.json')).json().find((r: { description: string }) => r.description.startsWith('噪音扰民'));
    expect(typed.description).toContain('138****8000');
    expect((await get('requests.xml')).body).not.toContain('13800138000');
    expect(one.address).toMatch(/\*\*\*\*$/);
  });
});
