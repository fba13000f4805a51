import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, ROLE_PLACE_LEVELS, OFFICE_ROLES, type Role } from '../../../contracts/roles.js';
import { newId } from '../../core/ids.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';

type Place = { id: string; path: string; level: string; name: string };
type Unit = { id: string; path: string; name: string };

/**
 * Every role binding and unit link a user grants is checked against the granter's own subtree: no binding above or
 * beside it, no unit over it (a street's department would open the orders of every community of the street), no
 * change to one's own roles or unit, and no edit of an account that holds anything outside the granter's subtree.
 */
describe('granting roles and unit links stays inside the granter’s subtree', () => {
  let t: TestApp;
  const places: Record<string, Place> = {};
  const units: Record<string, Unit> = {};
  const clients: Record<string, Client> = {};
  const granters = ['admin', 'xinan', 'beijiang', 'grid1', 'louzhang', 'gongjian'] as const;
  let granterBindings: Record<string, { role: Role; path: string }[]>;
  let n = 0;
  const password = 'Welcome!2026';

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.ctx.handle.db;
    for (const [key, name] of Object.entries({ district: '三水区', street: '西南街道', community: '北江社区', otherCommunity: '沙头社区', grid: '北江社区第1网格', otherGrid: '沙头社区第1网格' })) {
      places[key] = await placeByName(t, name);
    }
    expect(places.otherCommunity!.path.startsWith(places.street!.path)).toBe(true);
    places.building = await db.selectFrom('places').selectAll().where('level', '=', 'building').where('path', 'like', `${places.grid!.path}%`).orderBy('path').executeTakeFirstOrThrow();
    places.household = await db.selectFrom('places').selectAll().where('parent_id', '=', places.building.id).orderBy('path').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const unit = async (key: string, name: string, kind: 'department' | 'partner_unit', at: Place) => {
      const existing = await db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirst();
      const id = existing?.id ?? newId();
      if (!existing) await db.insertInto('units').values({ id, kind, name, place_id: at.id, place_path: at.path, version: 1, created_at: now, updated_at: now }).execute();
      units[key] = { id, path: at.path, name };
    };
    await unit('districtDept', '区住建局', 'department', places.district!);
    await unit('streetDept', '城管执法中队', 'department', places.street!);
    await unit('ownPartner', '三水区人民医院', 'partner_unit', places.community!);
    await unit('otherPartner', '沙头小学', 'partner_unit', places.otherCommunity!);
    for (const g of granters) clients[g] = await t.as(g);
    granterBindings = {};
    for (const g of granters) {
      const rows = await db.selectFrom('role_bindings').innerJoin('users', 'users.id', 'role_bindings.user_id').innerJoin('places', 'places.id', 'role_bindings.place_id')
        .select(['role_bindings.role', 'places.path']).where('users.username', '=', g).execute();
      granterBindings[g] = rows;
    }
  });
  afterAll(() => t.close());

  /** The subtrees a granter manages accounts in: their bindings of an office role. */
  const roots = (g: string) => granterBindings[g]!.filter((b) => (OFFICE_ROLES as readonly string[]).includes(b.role)).map((b) => b.path);
  const within = (path: string, g: string) => roots(g).some((r) => path.startsWith(r));
  const mayGrant = (g: string, role: Role, place: Place, unit?: Unit) =>
    within(place.path, g) && ROLE_PLACE_LEVELS[role].includes(place.level as never) && (!unit || (role === 'partner_contact' && within(unit.path, g)));

  const userRow = (username: string) => t.ctx.handle.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const bindingsOf = async (id: string) => (await t.ctx.handle.db.selectFrom('role_bindings').select(['role', 'place_id']).where('user_id', '=', id).orderBy('role').execute())
    .map((b) => `${b.role}@${b.place_id}`);
  const eventsOf = async (id: string) => (await t.ctx.handle.db.selectFrom('events').select('action').where('entity_id', '=', id).execute()).length;

  /** An account inserted as the district would have made it: bound at `bindings`, optionally linked to a unit. */
  async function seedAccount(bindings: { role: Role; place: Place }[], unit?: Unit) {
    const db = t.ctx.handle.db;
    const hash = (await db.selectFrom('users').select('password_hash').where('username', '=', 'beijiang').executeTakeFirstOrThrow()).password_hash;
    const id = newId();
    n++;
    const now = new Date().toISOString();
    await db.insertInto('users').values({ id, username: `seeded_${n}`, display_name: '受测账号', password_hash: hash, place_id: bindings[0]!.place.id, place_path: bindings[0]!.place.path,
      failed_logins: 0, locked_until: null, disabled: 0, locale: 'zh-CN', unit_id: unit?.id ?? null, version: 1, created_at: now, updated_at: now }).execute();
    await db.insertInto('role_bindings').values(bindings.map((b) => ({ id: newId(), user_id: id, role: b.role, place_id: b.place.id, created_at: now }))).execute();
    return id;
  }

  it('creates an account only with roles on places of their level inside the granter’s subtree, for every granter, role and place', async () => {
    const wrong: string[] = [];
    const created = new Set<string>();
    for (const g of granters) {
      for (const role of ROLES) {
        for (const [key, place] of Object.entries(places)) {
          const allowed = mayGrant(g, role, place);
          // Each account made costs a password hash: one allowed binding per granter; the edit test below takes them all.
          if (allowed && created.has(g)) continue;
          if (allowed) created.add(g);
          const username = `g_${++n}`;
          const res = await clients[g]!({ method: 'POST', url: '/api/users', payload: { username, displayName: '测试', password, roles: [{ role, placeId: place.id }] } });
          if (allowed ? res.statusCode !== 201 : res.statusCode < 400 || res.statusCode >= 500) wrong.push(`${g} ${role}@${key}: ${res.statusCode}`);
          if (!allowed && (await userRow(username))) wrong.push(`${g} ${role}@${key}: written`);
          // Outside every binding of the granter it does not exist (404); inside but not theirs to grant, 403 or 422.
          if (!allowed && !granterBindings[g]!.some((b) => place.path.startsWith(b.path)) && res.statusCode !== 404) wrong.push(`${g} ${role}@${key}: ${res.statusCode}, not 404`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect([...created].sort()).toEqual(['admin', 'beijiang', 'xinan']);
  }, 120_000);

  it('links a new contact only to a unit inside the granter’s subtree: never the street’s department from a community', async () => {
    const wrong: string[] = [];
    for (const g of ['admin', 'xinan', 'beijiang'] as const) {
      for (const [key, unit] of Object.entries(units)) {
        for (const role of ['partner_contact', 'community_worker'] as const) {
          const allowed = mayGrant(g, role, places.community!, unit);
          // Allowed links are made by the edit test below; here one each for the units of the granter's own place.
          if (allowed && unit.path !== granterBindings[g]![0]!.path) continue;
          const username = `u_${++n}`;
          const res = await clients[g]!({ method: 'POST', url: '/api/users', payload: { username, displayName: '联络人', password, roles: [{ role, placeId: places.community!.id }], unitId: unit.id } });
          if (allowed ? res.statusCode !== 201 : res.statusCode < 400 || res.statusCode >= 500) wrong.push(`${g} ${role} → ${key}: ${res.statusCode}`);
          if (!allowed && (await userRow(username))) wrong.push(`${g} ${role} → ${key}: written`);
        }
      }
    }
    expect(wrong).toEqual([]);
    const above = await clients.beijiang!({ method: 'POST', url: '/api/users', payload: { username: 'cg_escape', displayName: '联络人', password, roles: [{ role: 'partner_contact', placeId: places.community!.id }], unitId: units.streetDept!.id } });
    expect(above.statusCode).toBe(404);
    expect(above.json()).toMatchObject({ code: 'not_found', field: 'unitId' });
  }, 60_000);

  it('re-links or re-roles an account on edit only inside the granter’s subtree', async () => {
    const wrong: string[] = [];
    for (const g of ['admin', 'xinan', 'beijiang'] as const) {
      for (const [key, unit] of Object.entries(units)) {
        const id = await seedAccount([{ role: 'partner_contact', place: places.community! }]);
        const res = await clients[g]!({ method: 'PATCH', url: `/api/users/${id}`, payload: { version: 1, unitId: unit.id } });
        const allowed = mayGrant(g, 'partner_contact', places.community!, unit);
        const row = (await t.ctx.handle.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
        if (allowed ? res.statusCode !== 200 || row.unit_id !== unit.id : res.statusCode < 400 || res.statusCode >= 500 || row.unit_id !== null || row.version !== 1) {
          wrong.push(`${g} link → ${key}: ${res.statusCode}`);
        }
      }
      for (const [key, place] of Object.entries(places)) {
        for (const role of ROLES) {
          const id = await seedAccount([{ role: 'grid_worker', place: places.grid! }]);
          const res = await clients[g]!({ method: 'PATCH', url: `/api/users/${id}`, payload: { version: 1, roles: [{ role, placeId: place.id }] } });
          const allowed = mayGrant(g, role, place);
          const after = await bindingsOf(id);
          if (allowed ? res.statusCode !== 200 || after.join() !== `${role}@${place.id}` : res.statusCode < 400 || res.statusCode >= 500 || after.join() !== `grid_worker@${places.grid!.id}`) {
            wrong.push(`${g} ${role}@${key}: ${res.statusCode}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('refuses an edit of one’s own roles or unit link, and writes nothing', async () => {
    const self = (await userRow('beijiang'))!;
    const before = await bindingsOf(self.id);
    const events = await eventsOf(self.id);
    const own = [{ role: 'community_worker', placeId: places.community!.id }];
    const attempts = [
      { roles: [...own, { role: 'partner_contact', placeId: places.community!.id }], unitId: units.ownPartner!.id },
      { roles: [...own, { role: 'partner_contact', placeId: places.community!.id }], unitId: units.streetDept!.id },
      { roles: [...own, { role: 'grid_worker', placeId: places.grid!.id }] },
      { roles: [{ role: 'street_staff', placeId: places.street!.id }] },
    ];
    for (const body of attempts) {
      const res = await clients.beijiang!({ method: 'PATCH', url: `/api/users/${self.id}`, payload: { version: self.version, ...body } });
      expect(res.statusCode, JSON.stringify(body)).toBeGreaterThanOrEqual(403);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect(await userRow('beijiang')).toMatchObject({ version: self.version, unit_id: null });
    expect(await bindingsOf(self.id)).toEqual(before);
    expect(await eventsOf(self.id)).toBe(events);
    // The edit form sends the roles it shows: unchanged roles with a new display name are fine.
    const rename = await clients.beijiang!({ method: 'PATCH', url: `/api/users/${self.id}`, payload: { version: self.version, displayName: '北江社工', roles: own, unitId: null } });
    expect(rename.statusCode, rename.body).toBe(200);
    expect(rename.json()).toMatchObject({ displayName: '北江社工', roles: [{ role: 'community_worker' }] });
  });

  it('refuses to edit an account that holds a role or unit outside the granter’s subtree: no password reset to take it over', async () => {
    const twoHats = await seedAccount([{ role: 'community_worker', place: places.community! }, { role: 'street_staff', place: places.street! }]);
    const streetContact = await seedAccount([{ role: 'partner_contact', place: places.community! }], units.streetDept);
    for (const id of [twoHats, streetContact]) {
      const events = await eventsOf(id);
      for (const body of [{ password: 'Taken0ver!2026' }, { disabled: true }, { displayName: '改名' }, { roles: [{ role: 'partner_contact', placeId: places.community!.id }], unitId: null }]) {
        const res = await clients.beijiang!({ method: 'PATCH', url: `/api/users/${id}`, payload: { version: 1, ...body } });
        expect(res.statusCode, `${id} ${JSON.stringify(body)}`).toBe(403);
      }
      expect(await t.ctx.handle.db.selectFrom('users').select(['version', 'disabled']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ version: 1, disabled: 0 });
      expect(await eventsOf(id)).toBe(events);
      // The street holds all of it, so the street may.
      const street = await clients.xinan!({ method: 'PATCH', url: `/api/users/${id}`, payload: { version: 1, displayName: '街道改名' } });
      expect(street.statusCode, street.body).toBe(200);
    }
  });
});
