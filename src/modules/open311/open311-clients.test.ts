import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { compoundIn, storedGeometry } from '../place-geometry/test-support.js';
import { appendEvents } from '../../core/events.js';
import { jpegWithMetadata, SECRETS } from '../attachments/test-support.js';
import { step } from '../work-orders/test-support.js';
import { countOrders as countOrdersOf, demoKey, form, items, parseXml, places, plain } from './test-support.js';

/** What a stock FixMyStreet install sends and reads (its Open311.pm and GetServiceRequestUpdates.pm), against the real app. */
describe('Open311 for FixMyStreet and other GeoReport clients', () => {
  let t: TestApp;
  let key: string;
  let community: Client;
  let where: Awaited<ReturnType<typeof places>>;
  const get = (url: string) => t.app.inject({ url: `/open311/v2/${url}` });
  const post = (url: string, fields: Record<string, string>) => t.app.inject({ method: 'POST', url: `/open311/v2/${url}`, ...form(fields) });
  const request = (extra: Record<string, string> = {}) => ({
    api_key: key, service_code: 'street-light', jurisdiction_id: '440607', lat: '23.1564', long: '112.8906',
    'attribute[community]': where.community.id, email: 'jane@example.org', first_name: 'Jane', last_name: 'Smith', description: '路灯不亮', ...extra,
  });
  const orderOf = (trackingNo: string) => t.ctx.handle.db.selectFrom('work_orders').selectAll().where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow();
  const filed = async (extra: Record<string, string> = {}) => {
    const res = await post('requests.json', request(extra));
    expect(res.statusCode, res.body).toBe(200);
    return orderOf(res.json()[0].service_request_id);
  };
  const countOrders = () => countOrdersOf(t);

  beforeAll(async () => {
    t = await createTestApp();
    key = await demoKey(t);
    where = await places(t);
    community = await t.as('beijiang');
  });
  afterAll(() => t.close());

  it('answers a missing api_key with 403, and every path under /open311/v2/ in GeoReport’s error format', async () => {
    const before = await countOrders();
    const noKey = await post('requests.xml', request({ api_key: '' }));
    expect(noKey.statusCode).toBe(403);
    expect(plain(parseXml(noKey.body))).toEqual({ error: { code: '403', description: 'api_key is required' } });
    for (const url of ['/open311/v2', '/open311/v2/', '/open311/v2/nothing/here', '/open311/v2/requests']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(parseXml(res.body).name, url).toBe('errors');
    }
    const json = await t.app.inject({ method: 'PUT', url: '/open311/v2/requests.json' });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual([{ code: 404, description: 'No resource PUT /open311/v2/requests.json' }]);
    expect(await countOrders()).toBe(before);
  });

  it('keeps a 4,000-character description whole, a phone number from abroad as given (masked), and reads 王芳 as a Chinese name', async () => {
    const long = `路灯不亮\n${'小区门口的路灯坏了。'.repeat(400)}`.slice(0, 4000);
    expect(long).toHaveLength(4000);
    const order = await filed({ description: long, phone: '+44 20 7946 0958', first_name: '芳', last_name: '王' });
    expect(order.description).toBe(long);
    expect(order.reporter_name).toBe('王芳');
    expect(order.reporter_phone_masked).toBe('+44****0958');
    expect(t.ctx.cipher.decrypt(order.reporter_phone_enc!)).toBe('+44 20 7946 0958');
    const shown = (await get(`requests/${order.tracking_no}.json`)).json()[0];
    expect(shown.description).toBe(long);
    expect(JSON.stringify(shown)).not.toContain('7946');
    // Longer text is cut at 4,000 characters rather than refused: a valid request is never turned away.
    const longer = await post('requests.json', request({ description: `${long}x` }));
    expect(longer.statusCode).toBe(200);
    expect((await orderOf(longer.json()[0].service_request_id)).description).toBe(long);
  });

  it('lists in the service definition only the communities the api_key may file in, when the client sends its key', async () => {
    const all = (await get('services/street-light.json')).json().attributes[0].values as { key: string }[];
    expect(all.map((v) => v.key)).toContain(where.outside.id);
    const mine = (await get(`services/street-light.json?api_key=${key}`)).json().attributes[0].values as { key: string; name: string }[];
    expect(mine.map((v) => v.key)).toContain(where.community.id);
    expect(mine.map((v) => v.key)).not.toContain(where.outside.id);
    expect(mine.every((v) => v.name.startsWith('西南街道 '))).toBe(true);
    expect((await get('services/street-light.json?api_key=not-a-key')).statusCode).toBe(403);
  });

  it('places a request with only lat and long by its pin: the nearest compound of the grid it falls in, else the grid', async () => {
    const grid = await placeByName(t, '北江社区第2网格');
    const compound = await compoundIn(t, grid.id);
    const pin = (at: number[]) => request({ 'attribute[community]': '', address_id: '#NOTPINPOINTED#', lat: String(at[1]), long: String(at[0]) });
    const near = await post('requests.json', pin([compound.at[0]! + 0.0002, compound.at[1]!]));
    expect(near.statusCode, near.body).toBe(200);
    expect(await orderOf(near.json()[0].service_request_id)).toMatchObject({ place_id: compound.id, office_id: where.community.id, state: 'received' });
    // A compound more than LOCATE_MAX_METRES (300 m) away is not named: the order is on the grid, for its community.
    const far = (await storedGeometry(t, grid.id))!.geometry;
    const ring: number[][] = far.type === 'Polygon' ? far.coordinates[0] : far.coordinates[0][0];
    const compounds = await t.ctx.handle.db.selectFrom('place_geometries').innerJoin('places', 'places.id', 'place_geometries.place_id')
      .select('place_geometries.geometry').where('places.parent_id', '=', grid.id).execute();
    const points = compounds.map((c) => JSON.parse(c.geometry).coordinates as number[]);
    // Just inside a corner of the grid, more than 400 m from each of its compounds.
    const corner = ring.map(([x, y]) => [x! + (compound.at[0]! - x!) * 0.02, y! + (compound.at[1]! - y!) * 0.02])
      .find(([x, y]) => points.every(([px, py]) => Math.hypot((x! - px!) * 102_000, (y! - py!) * 111_000) > 400))!;
    const onGrid = await post('requests.json', pin(corner));
    expect(await orderOf(onGrid.json()[0].service_request_id)).toMatchObject({ place_id: grid.id, office_id: where.community.id });
  });

  it('accepts a request whose pin lies outside every boundary of the key’s area on the key’s street, unplaced, until street staff place it', async () => {
    const before = await countOrders();
    // 芦苞镇, north of the demo street: inside the district, outside every boundary the key's street has.
    const res = await post('requests.xml', request({ 'attribute[community]': '', address_id: '#NOTPINPOINTED#', address_string: '健康路88号附近', lat: '23.3564', long: '112.8906' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(await countOrders()).toBe(before + 1);
    const order = await orderOf(items(res.body)[0]!.service_request_id as string);
    const street = await t.ctx.handle.db.selectFrom('places').selectAll().where('id', '=', order.place_id).executeTakeFirstOrThrow();
    expect(street).toMatchObject({ level: 'street', name: '西南街道' });
    expect(order).toMatchObject({ state: 'received', office_id: street.id, lat: 23.3564, lng: 112.8906 });

    const xinan = await t.as('xinan');
    const inbox = (await xinan({ url: '/api/work-orders?mine=true&limit=200' })).json().items as { id: string; actions?: string[] }[];
    expect(inbox.map((o) => o.id)).toContain(order.id);
    // The community worker does not see the street's unplaced demand; the street may not accept it before it is placed.
    expect((await community({ url: `/api/work-orders/${order.id}` })).statusCode).toBe(404);
    const early = await step(xinan, order.id, 'accept');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'unplaced', field: 'placeId' });
    expect((await step(xinan, order.id, 'place', { placeId: where.outside.id })).statusCode).toBe(404);
    expect((await step(xinan, order.id, 'place', { placeId: street.id })).json()).toMatchObject({ code: 'place_too_high' });

    const placed = await step(xinan, order.id, 'place', { placeId: where.compound.id });
    expect(placed.statusCode, placed.body).toBe(200);
    const now = await orderOf(order.tracking_no);
    expect(now).toMatchObject({ place_id: where.compound.id, office_id: where.community.id, state: 'received' });
    const event = await t.ctx.handle.db.selectFrom('events').selectAll().where('entity_id', '=', order.id).where('action', '=', 'place').executeTakeFirstOrThrow();
    expect(JSON.parse(event.to_state!)).toMatchObject({ placeId: where.compound.id, placeName: where.compound.name });
    expect(JSON.parse(event.from_state!)).toMatchObject({ placeId: street.id });
    expect((await step(xinan, order.id, 'place', { placeId: where.compound.id })).json()).toMatchObject({ code: 'already_placed' });
    // Now the community's: it sees it waiting to be accepted, and accepts it.
    expect((await community({ url: '/api/work-orders?mine=true&limit=200' })).json().items.map((o: { id: string }) => o.id)).toContain(order.id);
    expect((await step(community, order.id, 'accept')).statusCode).toBe(200);
  });

  it('treats address_id=#NOTPINPOINTED# as no address id', async () => {
    const order = await filed({ address_id: '#NOTPINPOINTED#' });
    expect(order.place_id).toBe(where.community.id);
  });

  it('stores a photo posted as multipart media without its metadata, and serves it as the request’s media_url', async () => {
    const boundary = '----fms';
    const fields = Object.entries(request()).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('');
    const photo = jpegWithMetadata();
    const payload = Buffer.concat([
      Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      photo, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.json', payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(res.statusCode, res.body).toBe(200);
    const trackingNo = res.json()[0].service_request_id as string;
    const mediaUrl = (await get(`requests/${trackingNo}.json`)).json()[0].media_url as string;
    expect(mediaUrl).toMatch(/^http:\/\/localhost:80\/open311\/v2\/media\/[0-9a-z]+\.jpg$/);
    const served = await t.app.inject({ url: new URL(mediaUrl).pathname });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/jpeg');
    const bytes = served.rawPayload;
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(await exifr.gps(bytes)).toBeUndefined();
    for (const secret of SECRETS) expect(bytes.includes(Buffer.from(secret))).toBe(false);

    // A resident's H5 photo is not public: the same route does not serve it.
    const order = await orderOf(trackingNo);
    const h5 = await t.ctx.handle.db.selectFrom('attachments').select('id').where('entity_id', '=', order.id).executeTakeFirstOrThrow();
    await t.ctx.handle.db.updateTable('work_orders').set({ channel: 'h5' }).where('id', '=', order.id).execute();
    expect((await t.app.inject({ url: `/open311/v2/media/${h5.id}.jpg` })).statusCode).toBe(404);
    await t.ctx.handle.db.updateTable('work_orders').set({ channel: 'open311' }).where('id', '=', order.id).execute();

    const before = await countOrders();
    const notPhoto = Buffer.concat([
      Buffer.from(`${fields}--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
      Buffer.from('not a photo'), Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const refused = await t.app.inject({ method: 'POST', url: '/open311/v2/requests.xml', payload: notPhoto, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(refused.statusCode).toBe(400);
    expect(parseXml(refused.body).name).toBe('errors');
    expect(await countOrders()).toBe(before);
  });

  it('reports the extended statuses FixMyStreet understands, with our state as external_status_code; a rejected demand is never fixed', async () => {
    const [rejected, merged, into] = [await filed(), await filed(), await filed()];
    const resolved = await filed({ 'attribute[compound]': where.compound.name });
    await step(community, rejected.id, 'reject', { reason: '不属于本街道受理范围' });
    await step(community, merged.id, 'merge', { intoId: into.id, reason: '重复诉求' });
    await step(community, resolved.id, 'accept');
    const grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
    await step(community, resolved.id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    const grid1 = await t.as('grid1');
    await step(grid1, resolved.id, 'take');
    await step(grid1, resolved.id, 'resolve', { result: '已修复' });

    const feed = (await get('servicerequestupdates.json')).json() as { service_request_id: string; status: string; external_status_code: string }[];
    const of = (trackingNo: string) => feed.filter((u) => u.service_request_id === trackingNo).map((u) => [u.status, u.external_status_code]);
    expect(of(rejected.tracking_no)).toEqual([['NOT_COUNCILS_RESPONSIBILITY', 'rejected']]);
    expect(of(merged.tracking_no)).toEqual([['DUPLICATE', 'merged']]);
    expect(of(resolved.tracking_no)).toEqual([['IN_PROGRESS', 'accepted'], ['IN_PROGRESS', 'dispatched'], ['IN_PROGRESS', 'taken'], ['FIXED', 'resolved']]);
    const xml = items((await get('servicerequestupdates.xml')).body).filter((u) => u.service_request_id === rejected.tracking_no);
    expect(xml).toEqual([expect.objectContaining({ status: 'NOT_COUNCILS_RESPONSIBILITY', external_status_code: 'rejected' })]);
  });

  it('answers the updates GET without dates with the newest, and pages a dated range so nothing in it is left out', async () => {
    const order = await filed();
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, i)).toISOString();
    // 1,500 comments in one hour of 1 November, each its own second, written as the log writes them.
    await appendEvents(t.ctx.handle.db, { userId: null, displayName: 'FixMyStreet' }, Array.from({ length: 1500 }, (_, i) => ({
      entityType: 'work_order', entityId: order.id, placeId: order.place_id, action: 'comment', at: at(i), to: { comment: `第${i + 1}条` },
    })));
    const range = 'start_date=2026-11-01T00:00:00Z&end_date=2026-11-01T01:00:00Z';
    const first = await get(`servicerequestupdates.json?${range}`);
    expect(first.json()).toHaveLength(1000);
    expect(first.json()[0].description).toBe('第1条');
    const next = String(first.headers.link);
    expect(next).toMatch(/^<\/open311\/v2\/servicerequestupdates\.json\?.*page=2.*>; rel="next"$/);
    const second = await t.app.inject({ url: next.slice(1, next.indexOf('>')) });
    expect(second.json()).toHaveLength(500);
    expect(second.json().at(-1).description).toBe('第1500条');
    expect(second.headers.link).toBeUndefined();
    expect(new Set([...first.json(), ...second.json()].map((u: { update_id: string }) => u.update_id)).size).toBe(1500);

    await step(community, order.id, 'accept');
    const newest = (await get('servicerequestupdates.json')).json() as { description: string }[];
    expect(newest).toHaveLength(1000);
    expect(newest.at(-1)!.description).toBe('已受理');
    expect((await get(`servicerequestupdates.json?${range}&page=0`)).statusCode).toBe(400);
  });
});
