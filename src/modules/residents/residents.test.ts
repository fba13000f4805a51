import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';

describe('residents and their personal data', () => {
  let t: TestApp;
  let worker: Client;
  let householdId: string;
  beforeAll(async () => {
    t = await createTestApp();
    worker = await t.as('grid1');
    const grid = await placeByName(t, '北江社区第1网格');
    householdId = (await t.ctx.handle.db.selectFrom('places').select('id').where('level', '=', 'household').where('path', 'like', `${grid.path}%`).executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('stores phone and ID number encrypted, shows them masked, and reveals one with a reason, audited', async () => {
    const created = await worker({ method: 'POST', url: '/api/residents', payload: { householdId, name: '陈杏珊', gender: 'female', relation: 'tenant', phone: '13912345678', idNumber: '11010519491231002x' } });
    expect(created.statusCode).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({ placeId: householdId, phoneMasked: '139****5678', idNumberMasked: '1101**********002X' });
    expect(JSON.stringify(r)).not.toContain('13912345678');
    const row = await t.ctx.handle.db.selectFrom('residents').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(row.phone_enc).not.toContain('13912345678');
    expect(row.id_number_enc).not.toContain('1101051949');
    const household = (await worker({ url: `/api/households/${householdId}` })).json();
    expect(household.residents.map((x: { id: string }) => x.id)).toContain(r.id);
    expect(JSON.stringify(household)).not.toMatch(/1[3-9]\d{9}/);
    const revealed = await worker({ method: 'POST', url: `/api/residents/${r.id}/reveal`, payload: { field: 'phone', reason: '回访居民' } });
    expect(revealed.json()).toEqual({ field: 'phone', value: '13912345678' });
    const events = await t.ctx.handle.db.selectFrom('events').selectAll().where('entity_id', '=', r.id).where('action', '=', 'reveal').execute();
    expect(events).toEqual([expect.objectContaining({ reason: '回访居民', to_state: '{"field":"phone"}', actor_name: '北江社区第1网格员' })]);
  });

  it('lets a building head read masked residents but not reveal them', async () => {
    const head = await t.as('louzhang');
    const list = (await head({ url: '/api/residents' })).json();
    expect(list.total).toBeGreaterThan(0);
    const res = await head({ method: 'POST', url: `/api/residents/${list.items[0].id}/reveal`, payload: { field: 'phone', reason: '想看看' } });
    expect(res.statusCode).toBe(403);
  });

  it('rejects an invalid phone and ID number with the field', async () => {
    const phone = await worker({ method: 'POST', url: '/api/residents', payload: { householdId, name: '王五', relation: 'other', phone: '12345' } });
    expect(phone.statusCode).toBe(400);
    expect(phone.json()).toMatchObject({ field: 'phone', message: { zh: '手机号或电话号码格式不正确', en: 'Not a valid phone number' } });
    const id = await worker({ method: 'POST', url: '/api/residents', payload: { householdId, name: '王五', relation: 'other', idNumber: '110105194912310021' } });
    expect(id.json().field).toBe('idNumber');
    const notHousehold = await worker({ method: 'POST', url: '/api/residents', payload: { householdId: (await placeByName(t, '北江社区第1网格')).id, name: '王五', relation: 'other' } });
    expect(notHousehold.statusCode).toBe(422);
  });

  it('updates a resident with a version and records from → to on the timeline', async () => {
    const list = (await worker({ url: `/api/residents?placeId=${householdId}` })).json();
    const r = list.items[0];
    const res = await worker({ method: 'PATCH', url: `/api/residents/${r.id}`, payload: { version: r.version, phone: '13700001234', reason: '换号' } });
    expect(res.json()).toMatchObject({ phoneMasked: '137****1234', version: r.version + 1 });
    const stale = await worker({ method: 'PATCH', url: `/api/residents/${r.id}`, payload: { version: r.version, name: 'x' } });
    expect(stale.statusCode).toBe(409);
    const timeline = (await worker({ url: `/api/timeline/resident/${r.id}` })).json().items;
    expect(timeline.at(-1)).toMatchObject({ action: 'update', reason: '换号', from: { phone_masked: r.phoneMasked }, to: { phone_masked: '137****1234' } });
  });
});
