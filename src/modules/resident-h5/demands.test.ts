import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { multipartForm, tinyPng, whilePhotoRowsRefused } from '../attachments/test-support.js';
import { demandTarget, step } from '../work-orders/test-support.js';
import { asResident, fileAsResident } from './test-support.js';

describe('a resident files and follows a demand on the H5 page', () => {
  let t: TestApp;
  let resident: Client;
  let other: Client;
  let community: Client;
  let grid1: Client;
  let grid1Id: string;
  beforeAll(async () => {
    t = await createTestApp();
    [resident, other, community, grid1] = await Promise.all([asResident(t, '13712345678'), asResident(t, '13787654321'), t.as('beijiang'), t.as('grid1')]);
    grid1Id = (await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());
  const uploads = () => path.join(t.dataDir, 'uploads');
  const filesUnder = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : []);
  const counts = async () => ({
    orders: Number((await t.ctx.handle.db.selectFrom('work_orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    photos: Number((await t.ctx.handle.db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    files: filesUnder(uploads()).length,
  });

  it('offers the compound by QR link and by name, and the active categories, without signing in', async () => {
    const { compound } = await demandTarget(t);
    const page = (await t.app.inject({ url: `/api/h5/places/${compound.id}` })).json();
    expect(page).toMatchObject({ id: compound.id, level: 'compound', name: compound.name, community: { name: '北江社区' }, street: { name: '西南街道' } });
    expect(page.children.length).toBeGreaterThan(0);
    expect(page.children.every((c: { level: string }) => c.level === 'building')).toBe(true);
    expect(JSON.stringify(page)).not.toMatch(/address|phone/i);
    const found = (await t.app.inject({ url: `/api/h5/places?q=${encodeURIComponent(compound.name)}` })).json();
    expect(found.items[0]).toMatchObject({ id: compound.id, community: { name: '北江社区' } });
    const grid = await placeByName(t, '北江社区第1网格');
    expect((await t.app.inject({ url: `/api/h5/places/${grid.id}` })).statusCode).toBe(404);
    const categories = (await t.app.inject({ url: '/api/h5/categories' })).json().items;
    expect(categories.map((c: { code: string }) => c.code)).toContain('street-light');
  });

  it('files a demand with two photos: a tracking number, the photos on disk and in the list', async () => {
    const res = await fileAsResident(resident, t);
    expect(res.statusCode).toBe(201);
    const { id, trackingNo } = res.json();
    expect(trackingNo).toMatch(/^\d{8}-[0-9A-F]{8}$/);
    const order = await t.ctx.handle.db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(order).toMatchObject({ channel: 'h5', demand_type: 'help', state: 'received', reporter_phone_masked: '137****5678' });
    expect(order.reporter_phone_index).toBe(t.ctx.cipher.blindIndex('13712345678'));
    const photos = await t.ctx.handle.db.selectFrom('attachments').selectAll().where('entity_type', '=', 'work_order').where('entity_id', '=', id).orderBy('mime').execute();
    expect(photos.map((p) => [p.stage, p.mime])).toEqual([['report', 'image/jpeg'], ['report', 'image/png']]);
    expect(filesUnder(path.join(uploads(), 'work-orders', id)).sort()).toEqual(photos.map((p) => path.basename(p.file)).sort());

    const mine = (await resident({ url: '/api/h5/demands' })).json();
    expect(mine.items.map((d: { trackingNo: string }) => d.trackingNo)).toContain(trackingNo);
    const detail = (await resident({ url: `/api/h5/demands/${id}` })).json();
    expect(detail).toMatchObject({ trackingNo, state: 'received', canRate: false, category: { name: '路灯损坏' } });
    expect(detail.timeline.map((e: { step: string }) => e.step)).toEqual(['filed']);
    const png = detail.photos.find((p: { id: string }) => p.id === photos.find((r) => r.mime === 'image/png')!.id);
    const image = await resident({ url: png.url });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.equals(tinyPng())).toBe(true);
  });

  it('rejects a file that is not an image, a photo over 5 MB and a seventh photo, and writes nothing', async () => {
    const before = await counts();
    const fake = await fileAsResident(resident, t, [{ filename: 'a.png', type: 'image/png', data: tinyPng() }, { filename: 'x.png', type: 'image/png', data: Buffer.from('<svg onload=alert(1)>') }]);
    expect(fake.statusCode).toBe(422);
    expect(fake.json()).toMatchObject({ code: 'bad_photo_type', field: 'photos.1' });
    const pdf = await fileAsResident(resident, t, [{ filename: 'a.pdf', type: 'application/pdf', data: tinyPng() }]);
    expect(pdf.json().code).toBe('bad_photo_type');
    const big = Buffer.concat([tinyPng(), Buffer.alloc(5 * 1024 * 1024)]);
    expect((await fileAsResident(resident, t, [{ filename: 'big.png', type: 'image/png', data: big }])).json().code).toBe('photo_too_large');
    const seven = Array.from({ length: 7 }, (_, i) => ({ filename: `${i}.png`, type: 'image/png', data: tinyPng() }));
    expect((await fileAsResident(resident, t, seven)).json().code).toBe('too_many_photos');
    expect((await fileAsResident(resident, t, [], { title: '' })).statusCode).toBe(400);
    const grid = await placeByName(t, '北江社区第1网格');
    expect((await fileAsResident(resident, t, [], { placeId: grid.id })).json()).toMatchObject({ code: 'place_level', field: 'placeId' });
    expect(await counts()).toEqual(before);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/h5/demands', ...multipartForm({ title: 'x' }) });
    expect(anonymous.statusCode).toBe(401);
  });

  it('files the order and its photos in one transaction: a refused photo row leaves no order and no files', async () => {
    const before = await counts();
    expect((await whilePhotoRowsRefused(t, () => fileAsResident(resident, t))).statusCode).toBe(500);
    expect(await counts()).toEqual(before);
  });

  it('follows the demand through the offices; "not satisfied" reopens it; another phone sees nothing', async () => {
    const { id } = (await fileAsResident(resident, t)).json();
    expect((await resident({ method: 'POST', url: `/api/h5/demands/${id}/rate`, payload: { version: 1, rating: 'satisfied' } })).statusCode).toBe(409);
    await step(community, id, 'accept');
    await step(community, id, 'dispatch', { assignee: { kind: 'user', id: grid1Id } });
    await step(grid1, id, 'take');
    await step(grid1, id, 'resolve', { result: '已更换灯泡,路灯恢复照明' });

    const detail = (await resident({ url: `/api/h5/demands/${id}` })).json();
    expect(detail).toMatchObject({ state: 'resolved', canRate: true, result: '已更换灯泡,路灯恢复照明' });
    expect(detail.timeline.map((e: { step: string }) => e.step)).toEqual(['filed', 'accepted', 'dispatched', 'taken', 'resolved']);
    expect(detail.timeline[4]).toMatchObject({ state: 'resolved', result: '已更换灯泡,路灯恢复照明' });
    const text = JSON.stringify(detail);
    for (const secret of [grid1Id, '网格员', '社工', '13712345678', 'assignee']) expect(text).not.toContain(secret);

    const rate = { version: detail.version, rating: 'not_satisfied', comment: '晚上还是不亮' };
    const photoUrl = detail.photos[0].url;
    expect((await other({ url: `/api/h5/demands/${id}` })).statusCode).toBe(404);
    expect((await other({ method: 'POST', url: `/api/h5/demands/${id}/rate`, payload: rate })).statusCode).toBe(404);
    expect((await other({ url: photoUrl })).statusCode).toBe(404);
    expect((await other({ url: '/api/h5/demands' })).json().items).toEqual([]);
    expect((await t.ctx.handle.db.selectFrom('work_orders').select('state').where('id', '=', id).executeTakeFirstOrThrow()).state).toBe('resolved');

    const rated = await resident({ method: 'POST', url: `/api/h5/demands/${id}/rate`, payload: rate });
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ state: 'dispatched', reopenCount: 1, rating: 'not_satisfied', ratingComment: '晚上还是不亮', canRate: false });
    expect(rated.json().timeline.at(-1)).toMatchObject({ step: 'rated', rating: 'not_satisfied', comment: '晚上还是不亮', reopened: true, state: 'dispatched' });
    expect((await resident({ method: 'POST', url: `/api/h5/demands/${id}/rate`, payload: rate })).statusCode).toBe(409);
    const event = await t.ctx.handle.db.selectFrom('events').selectAll().where('entity_id', '=', id).where('action', '=', 'rate').executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: null, actor_name: 'resident' });
    expect((await grid1({ url: '/api/notifications' })).json().items[0]).toMatchObject({ kind: 'reopened', entityId: id });

    await step(grid1, id, 'take');
    await step(grid1, id, 'resolve', { result: '更换线路' });
    const version = (await resident({ url: `/api/h5/demands/${id}` })).json().version;
    const second = (await resident({ method: 'POST', url: `/api/h5/demands/${id}/rate`, payload: { version, rating: 'not_satisfied' } })).json();
    expect(second).toMatchObject({ state: 'accepted', reopenCount: 2 });
    expect(second.timeline.at(-1)).toMatchObject({ step: 'rated', toStreet: true });
  });
});
