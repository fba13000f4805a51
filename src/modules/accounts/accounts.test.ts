import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';

describe('staff accounts with roles bound to places', () => {
  let t: TestApp;
  let admin: Client;
  let community: Client;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.as('admin');
    community = await t.as('beijiang');
  });
  afterAll(() => t.close());

  it('creates a grid worker inside the subtree who then sees only that grid', async () => {
    const grid = await placeByName(t, '北江社区第2网格');
    const res = await community({ method: 'POST', url: '/api/users', payload: { username: 'grid_new', displayName: '新网格员', password: 'Welcome!2026', roles: [{ role: 'grid_worker', placeId: grid.id }] } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: 'grid_new', placeId: grid.id, roles: [{ role: 'grid_worker', placeId: grid.id, placeName: '北江社区第2网格' }] });
    const user = await t.as('grid_new', 'Welcome!2026');
    const roots = (await user({ url: '/api/places/roots' })).json();
    expect(roots.items.map((p: { id: string }) => p.id)).toEqual([grid.id]);
    expect((await user({ url: '/api/places/440607001022' })).statusCode).toBe(404);
    const timeline = (await admin({ url: `/api/timeline/user/${res.json().id}` })).json().items;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'sign_in']);
  });

  it('refuses a role on a place of the wrong level, a taken username, and roles users may not grant', async () => {
    const grid = await placeByName(t, '北江社区第1网格');
    const wrongLevel = await community({ method: 'POST', url: '/api/users', payload: { username: 'x_level', displayName: 'x', password: 'Welcome!2026', roles: [{ role: 'community_worker', placeId: grid.id }] } });
    expect(wrongLevel.statusCode).toBe(422);
    expect(wrongLevel.json()).toMatchObject({ code: 'wrong_place_level', field: 'roles.0.placeId' });
    const taken = await community({ method: 'POST', url: '/api/users', payload: { username: 'grid1', displayName: 'x', password: 'Welcome!2026', roles: [{ role: 'grid_worker', placeId: grid.id }] } });
    expect(taken.statusCode).toBe(409);
    const gridWorker = await t.as('grid1');
    const notAllowed = await gridWorker({ method: 'POST', url: '/api/users', payload: { username: 'x_grid', displayName: 'x', password: 'Welcome!2026', roles: [{ role: 'building_head', placeId: (await t.ctx.handle.db.selectFrom('places').select('id').where('level', '=', 'building').where('path', 'like', `${grid.path}%`).executeTakeFirstOrThrow()).id }] } });
    expect(notAllowed.statusCode).toBe(403);
    expect(await t.ctx.handle.db.selectFrom('users').select('id').where('username', 'in', ['x_level', 'x_grid']).execute()).toEqual([]);
  });

  it('disables an account, ending its sessions, with a version check', async () => {
    const target = await t.ctx.handle.db.selectFrom('users').selectAll().where('username', '=', 'gongjian').executeTakeFirstOrThrow();
    const session = await t.as('gongjian');
    expect((await session({ url: '/api/me' })).statusCode).toBe(200);
    const res = await community({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { version: target.version, disabled: true } });
    expect(res.json()).toMatchObject({ disabled: true, version: target.version + 1 });
    expect((await session({ url: '/api/me' })).statusCode).toBe(401);
    const stale = await community({ method: 'PATCH', url: `/api/users/${target.id}`, payload: { version: target.version, disabled: false } });
    expect(stale.statusCode).toBe(409);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'gongjian', password: 'OneGrid!2026' } });
    expect(login.statusCode).toBe(401);
  });

  describe('GET /api/users filtered by role and by the place a binding covers', () => {
    const names = (res: { json: () => { items: { username: string }[] } }) => res.json().items.map((u) => u.username).sort();
    let beijiangId: string;
    beforeAll(async () => {
      beijiangId = (await placeByName(t, '北江社区')).id;
    });

    it('keeps only those holding one of the roles inside the listed subtree', async () => {
      const workers = await community({ url: `/api/users?placeId=${beijiangId}&role=grid_worker&role=community_worker` });
      expect(workers.statusCode, workers.body).toBe(200);
      // grid_new is the grid worker the first test created.
      expect(names(workers)).toEqual(['beijiang', 'grid1', 'grid2', 'grid_new']);
      expect(workers.json().total).toBe(4);
      expect(names(await community({ url: '/api/users?role=grid_worker' }))).toEqual(['grid1', 'grid2', 'grid_new']);
      // A street's staff see the street's contacts; the community's partner contact is among them.
      const street = await t.as('xinan');
      expect(names(await street({ url: '/api/users?role=partner_contact' }))).toEqual(['chengguan', 'gongjian']);
      expect(names(await street({ url: `/api/users?placeId=${beijiangId}&role=partner_contact` }))).toEqual(['gongjian']);
    });

    it('keeps only the workers over a place: the order’s grid worker and the community worker, not the other grid’s', async () => {
      const grid1 = await placeByName(t, '北江社区第1网格');
      const compound = await t.ctx.handle.db.selectFrom('places').select('id').where('parent_id', '=', grid1.id).executeTakeFirstOrThrow();
      const res = await community({ url: `/api/users?placeId=${beijiangId}&role=grid_worker&role=community_worker&coversPlaceId=${compound.id}` });
      expect(names(res)).toEqual(['beijiang', 'grid1']);
      // Without a role: anyone bound to the grid or above it (the community's partner contact and its in-service party
      // member too; the building head sits below).
      expect(names(await community({ url: `/api/users?coversPlaceId=${grid1.id}` }))).toEqual(['beijiang', 'gongjian', 'grid1', 'zaizhi']);
    });

    it('leaves out disabled accounts when asked', async () => {
      const grid2 = await t.ctx.handle.db.selectFrom('users').selectAll().where('username', '=', 'grid2').executeTakeFirstOrThrow();
      await community({ method: 'PATCH', url: `/api/users/${grid2.id}`, payload: { version: grid2.version, disabled: true } });
      expect(names(await community({ url: '/api/users?role=grid_worker&disabled=false' }))).toEqual(['grid1', 'grid_new']);
      expect(names(await community({ url: '/api/users?role=grid_worker&disabled=true' }))).toEqual(['grid2']);
    });

    it('answers 404 for a covered place outside the subtree and 400 for an unknown role', async () => {
      const other = await placeByName(t, '沙头社区第1网格');
      const outside = await community({ url: `/api/users?coversPlaceId=${other.id}` });
      expect(outside.statusCode).toBe(404);
      const bad = await community({ url: '/api/users?role=mayor' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toMatch(/^role/);
      expect((await (await t.as('grid1'))({ url: '/api/users?role=grid_worker' })).statusCode).toBe(403);
    });
  });
});
