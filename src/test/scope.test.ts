import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, multipartFile, placeByName, type Client, type TestApp } from './harness.js';

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
    { route: 'GET /api/users/{id}', who: 'community', req: () => ({ url: `/api/users/${ids.otherUser}` }) },
    { route: 'PATCH /api/users/{id}', who: 'community', req: () => ({ method: 'PATCH', url: `/api/users/${ids.otherUser}`, payload: { version: 1, disabled: true } }) },
    { route: 'POST /api/users', who: 'community', req: () => ({ method: 'POST', url: '/api/users', payload: { username: 'intruder', displayName: 'x', password: 'Password!1', roles: [{ role: 'grid_worker', placeId: ids.otherGrid }] } }) },
  ];
  // Routes that name no record: they only list or act on the caller's own subtree or session (tested elsewhere).
  const unscoped = ['GET /api/health', 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'GET /api/me', 'PUT /api/me/locale',
    'GET /api/places/roots', 'GET /api/places/search', 'GET /api/audit'];

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
      db.selectFrom('users').select(['id', 'version', 'disabled']).orderBy('id').execute(),
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
