import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';

describe('the place tree', () => {
  let t: TestApp;
  let admin: Client;
  let worker: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
    worker = await t.as('beijiang');
  });
  afterAll(() => t.close());
  const eventCount = async () => Number((await t.ctx.handle.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('imports the district, its streets and communities from the official codes', async () => {
    const district = (await admin({ url: '/api/places/440607' })).json();
    expect(district.place).toMatchObject({ name: '三水区', level: 'district', code: '440607', placeId: '440607' });
    const streets = (await admin({ url: '/api/places/440607/children' })).json();
    expect(streets.items.map((s: { name: string }) => s.name)).toEqual(['西南街道', '云东海街道', '大塘镇', '乐平镇', '白坭镇', '芦苞镇', '南山镇']);
    const communities = (await admin({ url: '/api/places/440607001/children' })).json();
    expect(communities.items.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['北江社区', '沙头社区', '文锋东社区', '文锋西社区']));
    expect(communities.items.find((c: { name: string }) => c.name === '北江社区').code).toBe('440607001022');
  });

  it('counts every level and the residents below a place, matching the rows', async () => {
    const detail = (await admin({ url: '/api/places/440607001' })).json();
    const db = t.ctx.handle.db;
    const households = await db.selectFrom('places').select((eb) => eb.fn.countAll().as('n')).where('level', '=', 'household').where('path', 'like', '/440607/440607001/%').executeTakeFirstOrThrow();
    const residents = await db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n')).where('place_path', 'like', '/440607/440607001/%').executeTakeFirstOrThrow();
    expect(detail.counts.community).toBe(20);
    expect(detail.counts.grid).toBe(40);
    expect(detail.counts.household).toBe(Number(households.n));
    expect(detail.counts.residents).toBe(Number(residents.n));
    expect(detail.counts.residents).toBeGreaterThan(0);
    expect(detail.ancestors).toEqual([{ id: '440607', name: '三水区', level: 'district' }]);
  });

  it('searches places by name inside the caller’s subtree only', async () => {
    const found = (await worker({ url: '/api/places/search?q=网格' })).json();
    expect(found.items.length).toBeGreaterThan(0);
    expect(found.items.every((p: { path: string }) => p.path.startsWith('/440607/440607001/440607001022/'))).toBe(true);
    expect(found.items[0].trail).toContain('北江社区');
  });

  it('creates a compound with its type and 三无 flag, writing one event', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const res = await worker({ method: 'POST', url: '/api/places', payload: { parentId: grid.id, level: 'compound', name: '新建小区', compoundType: 'no_property_management', threeNo: true, address: '北江路8号' } });
    expect(res.statusCode).toBe(201);
    const compound = res.json();
    expect(compound).toMatchObject({ name: '新建小区', level: 'compound', compoundType: 'no_property_management', threeNo: true, addressMasked: '北江路****', parentId: grid.id, version: 1 });
    expect(compound.path).toBe(`${grid.path}${compound.id}/`);
    const timeline = (await worker({ url: `/api/timeline/place/${compound.id}` })).json();
    expect(timeline.items).toEqual([expect.objectContaining({ action: 'create', actorName: '北江社区社工', to: expect.objectContaining({ name: '新建小区', threeNo: true }) })]);
  });

  it('rejects bad input with the field and both languages, writing nothing', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const community = await placeByName(t, '北江社区');
    const before = await eventCount();
    const noName = await worker({ method: 'POST', url: '/api/places', payload: { parentId: grid.id, level: 'compound', name: '' } });
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({ code: 'invalid_input', field: 'name', message: { zh: '请填写名称', en: 'Name is required' } });
    const badType = await worker({ method: 'POST', url: '/api/places', payload: { parentId: grid.id, level: 'compound', name: 'x', compoundType: 'castle' } });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().field).toBe('compoundType');
    expect(badType.json().message.zh).toMatch(/[\u4e00-\u9fa5]/);
    const wrongParent = await worker({ method: 'POST', url: '/api/places', payload: { parentId: community.id, level: 'building', name: '1栋' } });
    expect(wrongParent.statusCode).toBe(422);
    expect(wrongParent.json()).toMatchObject({ code: 'wrong_parent_level', field: 'parentId' });
    const noType = await worker({ method: 'POST', url: '/api/places', payload: { parentId: grid.id, level: 'compound', name: 'x' } });
    expect(noType.json()).toMatchObject({ code: 'required', field: 'compoundType' });
    const division = await worker({ method: 'PATCH', url: `/api/places/${community.id}`, payload: { version: 1, name: '改名社区' } });
    expect(division.statusCode).toBe(403);
    const malformed = await worker({ method: 'POST', url: '/api/places', payload: '{"parentId":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  it('edits with a version: a stale write gets 409, and of two racing writers exactly one wins', async () => {
    const grid = await placeByName(t, '北江社区第2网格');
    const ok = await worker({ method: 'PATCH', url: `/api/places/${grid.id}`, payload: { version: grid.version, name: '北江社区第2网格(东)' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(grid.version + 1);
    const stale = await worker({ method: 'PATCH', url: `/api/places/${grid.id}`, payload: { version: grid.version, name: '旧版本' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    const v = ok.json().version;
    const race = await Promise.all([
      worker({ method: 'PATCH', url: `/api/places/${grid.id}`, payload: { version: v, name: '甲' } }),
      admin({ method: 'PATCH', url: `/api/places/${grid.id}`, payload: { version: v, name: '乙' } }),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = race.find((r) => r.statusCode === 200)!.json().name;
    expect((await admin({ url: `/api/places/${grid.id}` })).json().place.name).toBe(winner);
    const events = await t.ctx.handle.db.selectFrom('events').selectAll().where('entity_id', '=', grid.id).where('action', '=', 'update').execute();
    expect(events).toHaveLength(2);
  });

  it('moves a compound to another grid and re-paths its buildings, households and residents in one go', async () => {
    const from = await placeByName(t, '沙头社区第1网格');
    const to = await placeByName(t, '沙头社区第2网格');
    const compound = await t.ctx.handle.db.selectFrom('places').selectAll().where('parent_id', '=', from.id).executeTakeFirstOrThrow();
    const db = t.ctx.handle.db;
    const below = await db.selectFrom('places').select(['id']).where('path', 'like', `${compound.path}%`).execute();
    const residents = await db.selectFrom('residents').select(['id']).where('place_path', 'like', `${compound.path}%`).execute();
    const missingReason = await admin({ method: 'POST', url: `/api/places/${compound.id}/move`, payload: { version: compound.version, newParentId: to.id } });
    expect(missingReason.statusCode).toBe(400);
    expect(missingReason.json().field).toBe('reason');
    const res = await admin({ method: 'POST', url: `/api/places/${compound.id}/move`, payload: { version: compound.version, newParentId: to.id, reason: '网格调整' } });
    expect(res.statusCode).toBe(200);
    const newPath = `${to.path}${compound.id}/`;
    expect(res.json()).toMatchObject({ parentId: to.id, path: newPath });
    const movedPlaces = await db.selectFrom('places').select(['id', 'depth']).where('path', 'like', `${newPath}%`).execute();
    expect(movedPlaces.map((p) => p.id).sort()).toEqual(below.map((p) => p.id).sort());
    const movedResidents = await db.selectFrom('residents').select(['id']).where('place_path', 'like', `${newPath}%`).execute();
    expect(movedResidents.length).toBe(residents.length);
    expect(await db.selectFrom('places').select('id').where('path', 'like', `${compound.path}%`).execute()).toEqual([]);
    const fromCounts = (await admin({ url: `/api/places/${to.id}/counts` })).json().counts;
    expect(fromCounts.compound).toBeGreaterThanOrEqual(2);
    const timeline = (await admin({ url: `/api/timeline/place/${compound.id}` })).json().items;
    expect(timeline.at(-1)).toMatchObject({ action: 'move', reason: '网格调整', from: { parentId: from.id }, to: { parentId: to.id } });
  });

  it('reveals an address only with a reason, and audits the reveal', async () => {
    const compound = await t.ctx.handle.db.selectFrom('places').selectAll().where('level', '=', 'compound').where('address_enc', 'is not', null).executeTakeFirstOrThrow();
    const noReason = await admin({ method: 'POST', url: `/api/places/${compound.id}/reveal`, payload: { field: 'address' } });
    expect(noReason.statusCode).toBe(400);
    const res = await admin({ method: 'POST', url: `/api/places/${compound.id}/reveal`, payload: { field: 'address', reason: '上门走访' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().value).toMatch(/号$/);
    expect(res.json().value.startsWith(compound.address_masked!.replace('****', ''))).toBe(true);
    const audit = (await admin({ url: `/api/audit?action=reveal&entityId=${compound.id}` })).json();
    expect(audit.items[0]).toMatchObject({ actorName: '区社工部管理员', reason: '上门走访', to: { field: 'address' } });
  });
});
