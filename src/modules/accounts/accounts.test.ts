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
});
