import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, placeByName, type Client, type TestApp } from './harness.js';
import { WORK_ORDER_ACTIONS as ACTIONS } from '../../contracts/work-order-steps.js';
import { fileOne } from '../modules/work-orders/test-support.js';
import { DEMO_API_KEY } from '../seed/api-keys.js';
import fs from 'node:fs';
import path from 'node:path';
import { multipartForm, tinyPng } from '../modules/attachments/test-support.js';

/**
 * Every route that names a record answers 404 to a caller outside the record's subtree and writes nothing.
 * The table must cover every such route in the OpenAPI description: a new route without a case fails here.
 */
describe('scope: outside your subtree a record does not exist', () => {
  let t: TestApp;
  let gridWorker: Client;
  let communityWorker: Client;
  const ids: Record<string, string> = {};
  let rosterFile: Buffer;

  beforeAll(async () => {
    t = await createTestApp();
    gridWorker = await t.as('grid1');
    communityWorker = await t.as('beijiang');
    const db = t.ctx.handle.db;
    const grid2 = await placeByName(t, '北江社区第2网格');
    const compound = await db.selectFrom('places').selectAll().where('parent_id', '=', grid2.id).executeTakeFirstOrThrow();
    const building = await db.selectFrom('places').selectAll().where('parent_id', '=', compound.id).executeTakeFirstOrThrow();
    const household = await db.selectFrom('places').selectAll().where('parent_id', '=', building.id).executeTakeFirstOrThrow();
    const resident = await db.selectFrom('residents').selectAll().where('place_id', '=', household.id).executeTakeFirstOrThrow();
    const otherGrid = await placeByName(t, '沙头社区第1网格');
    const otherUser = await db.selectFrom('users').selectAll().where('username', '=', 'xinan').executeTakeFirstOrThrow();
    const grid2Worker = await t.as('grid2');
    const order = await fileOne(grid2Worker, t, { placeId: compound.id });
    // A notification of another user's: grid1 must not be able to mark it read.
    const grid2User = await db.selectFrom('users').select('id').where('username', '=', 'grid2').executeTakeFirstOrThrow();
    const notification = await db.insertInto('notifications').values({ id: 'othersnotice0001', user_id: grid2User.id, kind: 'x', entity_type: 'work_order', entity_id: order.id, text_zh: 'x', text_en: 'x', read_at: null, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    const category = await db.selectFrom('categories').select('id').executeTakeFirstOrThrow();
    // A real photo on grid2's order, on disk: grid1 must not get it.
    const photoFile = `work-orders/${order.id}/otherphoto000001.png`;
    fs.mkdirSync(path.join(t.dataDir, 'uploads', 'work-orders', order.id), { recursive: true });
    fs.writeFileSync(path.join(t.dataDir, 'uploads', photoFile), tinyPng());
    await db.insertInto('attachments').values({ id: 'otherphoto000001', entity_type: 'work_order', entity_id: order.id, stage: 'report', file: photoFile, mime: 'image/png', size: tinyPng().length, place_id: compound.id, place_path: compound.path, created_at: new Date().toISOString() }).execute();
    Object.assign(ids, { order: order.id, notification: notification.id, category: category.id, photo: 'otherphoto000001' });
    // The demo API key is bound to 西南街道: a community of another street lies outside it.
    const street = await placeByName(t, '西南街道');
    const otherStreetCommunity = await db.selectFrom('places').select('id').where('level', '=', 'community').where('path', 'not like', `${street.path}%`).orderBy('id').executeTakeFirstOrThrow();
    const apiKey = await db.selectFrom('api_keys').select('id').where('place_id', '=', street.id).executeTakeFirstOrThrow();
    Object.assign(ids, { otherStreetCommunity: otherStreetCommunity.id, apiKey: apiKey.id });
    // A partner unit of another community: a contact inside the subtree cannot be linked to it.
    const now = new Date().toISOString();
    await db.insertInto('units').values({ id: 'otherunit0000001', kind: 'partner_unit', name: '沙头小学', place_id: otherGrid.parent_id!, place_path: otherGrid.path.split('/').slice(0, -2).join('/') + '/', version: 1, created_at: now, updated_at: now }).execute();
    const ownContact = await db.selectFrom('users').select(['id', 'version']).where('username', '=', 'gongjian').executeTakeFirstOrThrow();
    Object.assign(ids, { grid2Community: grid2.parent_id!, otherUnit: 'otherunit0000001', ownContact: ownContact.id, ownContactVersion: String(ownContact.version) });
    Object.assign(ids, { grid2: grid2.id, compound: compound.id, building: building.id, household: household.id, resident: resident.id, otherGrid: otherGrid.id, otherCommunity: otherGrid.parent_id!, otherUser: otherUser.id });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['楼栋', '房号', '姓名', '性别', '与户主关系', '手机号', '身份证号']);
    ws.addRow(['9栋', '101', '张三', '男', '户主', '13800001111', '']);
    rosterFile = Buffer.from(await wb.xlsx.writeBuffer());
  });
  afterAll(() => t.close());


  type Case = { route: string; who: 'grid' | 'community'; req: () => Parameters<Client>[0] };
  const cases: Case[] = [
    { route: 'GET /api/places/{id}', who: 'grid', req: () => ({ url: `/api/places/${ids.grid2}` }) },
    { route: 'GET /api/places/{id}/children', who: 'grid', req: () => ({ url: `/api/places/${ids.compound}/children` }) },
    { route: 'GET /api/places/{id}/counts', who: 'grid', req: () => ({ url: `/api/places/${ids.grid2}/counts` }) },
    { route: 'POST /api/places', who: 'grid', req: () => ({ method: 'POST', url: '/api/places', payload: { parentId: ids.compound, level: 'building', name: '99栋' } }) },
    { route: 'PATCH /api/places/{id}', who: 'grid', req: () => ({ method: 'PATCH', url: `/api/places/${ids.building}`, payload: { version: 1, name: '改' } }) },
    { route: 'POST /api/places/{id}/move', who: 'community', req: () => ({ method: 'POST', url: `/api/places/${ids.compound}/move`, payload: { version: 1, newParentId: ids.otherGrid, reason: '越权移动' } }) },
    { route: 'POST /api/places/{id}/reveal', who: 'grid', req: () => ({ method: 'POST', url: `/api/places/${ids.compound}/reveal`, payload: { field: 'address', reason: '越权查看' } }) },
    { route: 'GET /api/places/{id}/roster.xlsx', who: 'grid', req: () => ({ url: `/api/places/${ids.compound}/roster.xlsx` }) },
    { route: 'POST /api/places/{id}/roster', who: 'grid', req: () => ({ method: 'POST', url: `/api/places/${ids.compound}/roster`, ...multipartFile(rosterFile) }) },
    { route: 'GET /api/households/{id}', who: 'grid', req: () => ({ url: `/api/households/${ids.household}` }) },
    { route: 'GET /api/residents', who: 'grid', req: () => ({ url: `/api/residents?placeId=${ids.household}` }) },
    { route: 'GET /api/residents/{id}', who: 'grid', req: () => ({ url: `/api/residents/${ids.resident}` }) },
    { route: 'POST /api/residents', who: 'grid', req: () => ({ method: 'POST', url: '/api/residents', payload: { householdId: ids.household, name: '李四', relation: 'tenant' } }) },
    { route: 'PATCH /api/residents/{id}', who: 'grid', req: () => ({ method: 'PATCH', url: `/api/residents/${ids.resident}`, payload: { version: 1, name: '改名' } }) },
    { route: 'POST /api/residents/{id}/reveal', who: 'grid', req: () => ({ method: 'POST', url: `/api/residents/${ids.resident}/reveal`, payload: { field: 'phone', reason: '越权查看' } }) },
    { route: 'GET /api/timeline/{entityType}/{entityId}', who: 'grid', req: () => ({ url: `/api/timeline/place/${ids.compound}` }) },
    { route: 'GET /api/users', who: 'community', req: () => ({ url: `/api/users?placeId=${ids.otherCommunity}` }) },
    { route: 'GET /api/users', who: 'community', req: () => ({ url: `/api/users?role=grid_worker&coversPlaceId=${ids.otherGrid}` }) },
    { route: 'GET /api/users/{id}', who: 'community', req: () => ({ url: `/api/users/${ids.otherUser}` }) },
    { route: 'PATCH /api/users/{id}', who: 'community', req: () => ({ method: 'PATCH', url: `/api/users/${ids.otherUser}`, payload: { version: 1, disabled: true } }) },
    { route: 'POST /api/users', who: 'community', req: () => ({ method: 'POST', url: '/api/users', payload: { username: 'intruder', displayName: 'x', password: 'Password!1', roles: [{ role: 'grid_worker', placeId: ids.otherGrid }] } }) },
    // A unit outside the subtree, on an account inside it.
    { route: 'POST /api/users', who: 'community', req: () => ({ method: 'POST', url: '/api/users', payload: { username: 'intruder2', displayName: 'x', password: 'Password!1', roles: [{ role: 'partner_contact', placeId: ids.grid2Community }], unitId: ids.otherUnit } }) },
    { route: 'PATCH /api/users/{id}', who: 'community', req: () => ({ method: 'PATCH', url: `/api/users/${ids.ownContact}`, payload: { version: Number(ids.ownContactVersion), unitId: ids.otherUnit } }) },
  ];
  const STEP_BODIES: Record<string, Record<string, unknown>> = {
    accept: {}, reject: { reason: '不属于受理范围' }, answer: { result: '答复' }, dispatch: { assignee: { kind: 'unit', id: 'someunit' } }, take: {},
    return: { reason: '派错了单' }, contact: { note: '已联系' }, resolve: { result: '已办结' }, follow_up: { note: '已回访' }, rate: { rating: 'satisfied' },
    supervise: { reason: '督办一下' }, call_in: { unitIds: ['someunit'], reason: '召集部门' }, report_in: { note: '已报到' },
    request_extension: { days: 2, reason: '需要延期' }, decide_extension: { requestId: 'somerequest', approve: true }, merge: { intoId: 'someorder' },
  };
  cases.push(
    { route: 'POST /api/work-orders', who: 'grid', req: () => ({ method: 'POST', url: '/api/work-orders', payload: { channel: 'grid_patrol', demandType: 'help', categoryId: ids.category, placeId: ids.compound, title: '越权', description: '越权上报' } }) },
    { route: 'GET /api/work-orders', who: 'grid', req: () => ({ url: `/api/work-orders?placeId=${ids.grid2}` }) },
    { route: 'GET /api/work-orders/{id}', who: 'grid', req: () => ({ url: `/api/work-orders/${ids.order}` }) },
    { route: 'POST /api/work-orders/{id}/reveal', who: 'grid', req: () => ({ method: 'POST', url: `/api/work-orders/${ids.order}/reveal`, payload: { field: 'phone', reason: '越权查看' } }) },
    ...ACTIONS.map((a): Case => ({ route: `POST /api/work-orders/{id}/${a.replace(/_/g, '-')}`, who: 'grid', req: () => ({ method: 'POST', url: `/api/work-orders/${ids.order}/${a.replace(/_/g, '-')}`, payload: { version: 1, ...STEP_BODIES[a] } }) })),
    { route: 'PATCH /api/categories/{id}', who: 'community', req: () => ({ method: 'PATCH', url: `/api/categories/${ids.category}`, payload: { version: 1, name: '改名' } }) },
    { route: 'PUT /api/holidays/{day}', who: 'community', req: () => ({ method: 'PUT', url: '/api/holidays/2026-12-25', payload: { name: '圣诞', workday: false } }) },
    { route: 'POST /api/categories', who: 'community', req: () => ({ method: 'POST', url: '/api/categories', payload: { code: 'intruder', name: 'x', groupName: 'x' } }) },
    { route: 'POST /api/notifications/{id}/read', who: 'grid', req: () => ({ method: 'POST', url: `/api/notifications/${ids.notification}/read` }) },
    { route: 'GET /api/rates', who: 'community', req: () => ({ url: `/api/rates?month=2026-10&parentId=${ids.otherCommunity}` }) },
    { route: 'GET /api/rates/trend', who: 'community', req: () => ({ url: `/api/rates/trend?level=community&officeId=${ids.otherCommunity}&until=2026-10` }) },
    { route: 'GET /api/work-orders/{id}/photos/{photoId}', who: 'grid', req: () => ({ url: `/api/work-orders/${ids.order}/photos/${ids.photo}` }) },
    { route: 'POST /api/work-orders/{id}/photos', who: 'grid', req: () => ({ method: 'POST', url: `/api/work-orders/${ids.order}/photos`, ...multipartForm({}, [{ filename: 'a.png', type: 'image/png', data: tinyPng() }]) }) },
    { route: 'GET /api/rates/orders', who: 'community', req: () => ({ url: `/api/rates/orders?month=2026-10&level=community&officeId=${ids.otherCommunity}&figure=received` }) },
  );
  cases.push(
    { route: 'POST /api/hotline/orders', who: 'community', req: () => ({ method: 'POST', url: '/api/hotline/orders', headers: { 'x-api-key': DEMO_API_KEY }, payload: {
      externalNo: 'SCOPE-0001', receivedAt: '2026-11-20 09:30', demandType: '投诉', category: 'noise', community: ids.otherStreetCommunity, title: '越权', description: '越权推送' } }) },
    { route: 'POST /api/hotline/import', who: 'community', req: () => ({ method: 'POST', url: `/api/hotline/import?placeId=${ids.otherCommunity}`, payload: [{ externalNo: 'SCOPE-0002' }] }) },
    { route: 'POST /api/api-keys', who: 'community', req: () => ({ method: 'POST', url: '/api/api-keys', payload: { name: '越权', placeId: ids.otherCommunity } }) },
    { route: 'GET /api/api-keys', who: 'community', req: () => ({ url: `/api/api-keys?placeId=${ids.otherCommunity}` }) },
    { route: 'POST /api/api-keys/{id}/revoke', who: 'community', req: () => ({ method: 'POST', url: `/api/api-keys/${ids.apiKey}/revoke`, payload: {} }) },
  );
  // Announcements: a published notice of 沙头社区 is outside 北江社区's subtree and not addressed to it.
  const ANNOUNCEMENT_STEP_BODIES: Record<string, Record<string, unknown>> = { edit: { title: '越权修改' }, publish: {}, withdraw: { reason: '越权撤回' } };
  cases.push(
    { route: 'POST /api/announcements', who: 'community', req: () => ({ method: 'POST', url: '/api/announcements', payload: { title: '越权通知', body: '越权', placeId: ids.otherCommunity } }) },
    { route: 'GET /api/announcements', who: 'community', req: () => ({ url: `/api/announcements?placeId=${ids.otherCommunity}` }) },
    { route: 'GET /api/announcements/{id}', who: 'community', req: () => ({ url: `/api/announcements/${ids.announcement}` }) },
    { route: 'POST /api/announcements/{id}/read', who: 'community', req: () => ({ method: 'POST', url: `/api/announcements/${ids.announcement}/read` }) },
    { route: 'GET /api/announcements/{id}/receipts', who: 'community', req: () => ({ url: `/api/announcements/${ids.announcement}/receipts` }) },
    { route: 'GET /api/announcements.xlsx', who: 'community', req: () => ({ url: `/api/announcements.xlsx?placeId=${ids.otherCommunity}` }) },
    ...Object.entries(ANNOUNCEMENT_STEP_BODIES).map(([a, body]): Case => ({ route: `POST /api/announcements/{id}/${a}`, who: 'community',
      req: () => ({ method: 'POST', url: `/api/announcements/${ids.announcement}/${a}`, payload: { version: 1, ...body } }) })),
  );
  beforeAll(async () => {
    const db = t.ctx.handle.db;
    const shatou = await db.selectFrom('places').select(['id', 'path']).where('id', '=', ids.otherCommunity!).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await db.insertInto('announcements').values({ id: 'othernotice00001', title: '沙头社区通知', body: '沙头社区居民请注意', place_id: shatou.id, place_path: shatou.path,
      office_id: shatou.id, office_path: shatou.path, state: 'published', author_id: ids.otherUser!, published_at: now, withdrawn_at: null, version: 1, created_at: now, updated_at: now }).execute();
    ids.announcement = 'othernotice00001';
  });
  // Routes that name no record: they only list or act on the caller's own subtree or session (tested elsewhere).
  const unscoped = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'GET /api/me', 'PUT /api/me/locale',
    'GET /api/places/roots', 'GET /api/places/search', 'GET /api/audit', 'GET /api/categories', 'GET /api/units', 'GET /api/holidays',
    'GET /api/notifications', 'GET /api/ledgers', 'GET /api/rates.xlsx', 'GET /api/public/ranking', 'GET /api/hotline/template.xlsx',
    // The resident's H5 page: public place names and categories, or the signed-in phone's own demands (404 for another phone: resident-h5/demands.test.ts).
    'POST /api/h5/code', 'POST /api/h5/login', 'POST /api/h5/logout', 'GET /api/h5/me', 'GET /api/h5/places', 'GET /api/h5/places/{id}', 'GET /api/h5/categories',
    'POST /api/h5/demands', 'GET /api/h5/demands', 'GET /api/h5/demands/{id}', 'POST /api/h5/demands/{id}/rate'];
  // The resident reads the notices of the compound they chose; another compound's notice is 404 (announcements.test.ts).
  unscoped.push('GET /api/h5/announcements', 'POST /api/h5/announcements/{id}/read');

  it('has a case for every route in the API description', async () => {
    const doc = (await t.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`)).filter((r) => r.includes(' /api/'));
    expect(routes.filter((r) => !unscoped.includes(r) && !cases.some((c) => c.route === r))).toEqual([]);
  });

  it.each(cases.map((c) => [c.route, c] as const))('%s answers 404 and writes nothing', async (_route, c) => {
    const db = t.ctx.handle.db;
    const snapshot = async () => Promise.all([
      db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow(),
      db.selectFrom('places').select(['id', 'version', 'name', 'path']).orderBy('id').execute(),
      db.selectFrom('residents').select(['id', 'version', 'name']).orderBy('id').execute(),
      db.selectFrom('users').select(['id', 'version', 'disabled', 'unit_id']).orderBy('id').execute(),
      db.selectFrom('work_orders').select(['id', 'version', 'state']).orderBy('id').execute(),
      db.selectFrom('notifications').select(['id', 'read_at']).orderBy('id').execute(),
      db.selectFrom('categories').select(['id', 'version']).orderBy('id').execute(),
      db.selectFrom('holidays').selectAll().orderBy('day').execute(),
      db.selectFrom('api_keys').select(['id', 'revoked_at']).orderBy('id').execute(),
      db.selectFrom('announcements').select(['id', 'version', 'state', 'title']).orderBy('id').execute(),
      db.selectFrom('announcement_reads').selectAll().orderBy('announcement_id').orderBy('reader_key').execute(),
      db.selectFrom('attachments').select('id').orderBy('id').execute(),
    ]);
    const before = await snapshot();
    const res = await (c.who === 'grid' ? gridWorker : communityWorker)(c.req());
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found', message: { zh: expect.any(String), en: expect.any(String) } });
    expect(await snapshot()).toEqual(before);
  });

  it('lists and audits only what lies inside the subtree', async () => {
    const residents = (await gridWorker({ url: '/api/residents?limit=200' })).json();
    const grid1 = await placeByName(t, '北江社区第1网格');
    expect(residents.total).toBeGreaterThan(0);
    expect(residents.items.every((r: { placeId: string }) => r.placeId)).toBe(true);
    const inGrid = await t.ctx.handle.db.selectFrom('residents').select((eb) => eb.fn.countAll().as('n')).where('place_path', 'like', `${grid1.path}%`).executeTakeFirstOrThrow();
    expect(residents.total).toBe(Number(inGrid.n));
    const audit = (await communityWorker({ url: '/api/audit?limit=200' })).json();
    const places = await t.ctx.handle.db.selectFrom('places').select(['id', 'path']).execute();
    const pathOf = new Map(places.map((p) => [p.id, p.path]));
    expect(audit.items.length).toBeGreaterThan(0);
    expect(audit.items.every((e: { placeId: string }) => pathOf.get(e.placeId)!.startsWith('/440607/440607001/440607001022/'))).toBe(true);
    const users = (await communityWorker({ url: '/api/users' })).json();
    expect(users.items.map((u: { username: string }) => u.username).sort()).toEqual(['beijiang', 'dangyuan', 'gongjian', 'grid1', 'grid2', 'jumin', 'louzhang']);
  });
});
