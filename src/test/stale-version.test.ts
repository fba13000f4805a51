import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, placeByName, type Client, type TestApp } from './harness.js';

/**
 * Every versioned write checks the version it was sent, also when the values it carries are those already stored: a
 * caller who loaded the record before someone else changed it is told to reload (409), not that all is well (200).
 * The PATCH-like routes: places (update, move), residents, users, categories, and a step that keeps the state (an
 * announcement's edit, run by the lifecycle engine like every work-order step).
 */
describe('a stale version answers 409 even when nothing would change', () => {
  let t: TestApp;
  let admin: Client;
  let worker: Client;
  beforeAll(async () => {
    t = await createTestApp();
    [admin, worker] = await Promise.all([t.as('admin'), t.as('beijiang')]);
  });
  afterAll(() => t.close());

  const db = () => t.ctx.handle.db;
  const lastEvent = async () => Number((await db().selectFrom('events').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow()).id);

  /** Changes the record once (so an older version exists), then sends the older version with the values now stored. */
  async function staleSameValues(o: {
    client: Client; url: string; method?: 'PATCH' | 'POST'; version: () => Promise<number>; change: Record<string, unknown>; same: Record<string, unknown>;
  }) {
    const method = o.method ?? 'PATCH';
    const old = await o.version();
    const changed = await o.client({ method, url: o.url, payload: { version: old, ...o.change } });
    expect(changed.statusCode, changed.body).toBe(200);
    const current = await o.version();
    expect(current).toBeGreaterThan(old);
    const before = await lastEvent();
    const stale = await o.client({ method, url: o.url, payload: { version: old, ...o.same } });
    expect(stale.statusCode, `${method} ${o.url} with version ${old} (now ${current}): ${stale.body}`).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'stale_version', field: 'version', message: { zh: expect.any(String), en: expect.any(String) } });
    expect(await o.version()).toBe(current);
    expect(await lastEvent()).toBe(before);
    // With the current version the same values are fine.
    const fresh = await o.client({ method, url: o.url, payload: { version: current, ...o.same } });
    expect(fresh.statusCode, fresh.body).toBe(200);
  }

  it('PATCH /api/places/{id}', async () => {
    const grid = await placeByName(t, '北江社区第2网格');
    const version = async () => (await db().selectFrom('places').select('version').where('id', '=', grid.id).executeTakeFirstOrThrow()).version;
    await staleSameValues({ client: worker, url: `/api/places/${grid.id}`, version, change: { name: '北江社区第2网格(东)' }, same: { name: '北江社区第2网格(东)' } });
    // No field at all is also "nothing changes".
    const now = await version();
    await worker({ method: 'PATCH', url: `/api/places/${grid.id}`, payload: { version: now, name: '北江社区第2网格' } });
    expect((await worker({ method: 'PATCH', url: `/api/places/${grid.id}`, payload: { version: now } })).statusCode).toBe(409);
  });

  it('POST /api/places/{id}/move, to the parent it already has', async () => {
    const [grid1, grid2] = await Promise.all([placeByName(t, '北江社区第1网格'), placeByName(t, '北江社区第2网格')]);
    const compound = await db().selectFrom('places').selectAll().where('parent_id', '=', grid1.id).where('level', '=', 'compound').orderBy('sort_order').executeTakeFirstOrThrow();
    const version = async () => (await db().selectFrom('places').select('version').where('id', '=', compound.id).executeTakeFirstOrThrow()).version;
    const old = await version();
    expect((await worker({ method: 'POST', url: `/api/places/${compound.id}/move`, payload: { version: old, newParentId: grid2.id, reason: '划入第2网格' } })).statusCode).toBe(200);
    const before = await lastEvent();
    const stale = await worker({ method: 'POST', url: `/api/places/${compound.id}/move`, payload: { version: old, newParentId: grid2.id, reason: '划入第2网格' } });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().code).toBe('stale_version');
    expect(await lastEvent()).toBe(before);
    const same = await worker({ method: 'POST', url: `/api/places/${compound.id}/move`, payload: { version: await version(), newParentId: grid2.id, reason: '再划一次' } });
    expect(same.json().code).toBe('same_parent');
  });

  it('PATCH /api/residents/{id}', async () => {
    const r = await db().selectFrom('residents').selectAll().where('place_path', 'like', '/440607/440607001/440607001022/%').orderBy('id').executeTakeFirstOrThrow();
    const version = async () => (await db().selectFrom('residents').select('version').where('id', '=', r.id).executeTakeFirstOrThrow()).version;
    await staleSameValues({ client: worker, url: `/api/residents/${r.id}`, version, change: { name: '李改名' }, same: { name: '李改名' } });
  });

  it('PATCH /api/users/{id}', async () => {
    const u = await db().selectFrom('users').selectAll().where('username', '=', 'grid2').executeTakeFirstOrThrow();
    const version = async () => (await db().selectFrom('users').select('version').where('id', '=', u.id).executeTakeFirstOrThrow()).version;
    await staleSameValues({ client: worker, url: `/api/users/${u.id}`, version, change: { displayName: '网格员乙' }, same: { displayName: '网格员乙' } });
  });

  it('PATCH /api/categories/{id}', async () => {
    const c = await db().selectFrom('categories').selectAll().where('code', '=', 'noise').executeTakeFirstOrThrow();
    const version = async () => (await db().selectFrom('categories').select('version').where('id', '=', c.id).executeTakeFirstOrThrow()).version;
    await staleSameValues({ client: admin, url: `/api/categories/${c.id}`, version, change: { name: '噪音扰民(含施工)' }, same: { name: '噪音扰民(含施工)' } });
  });

  it('POST /api/announcements/{id}/edit, a step that keeps the state', async () => {
    const community = await placeByName(t, '北江社区');
    const made = await worker({ method: 'POST', url: '/api/announcements', payload: { title: '停水通知', body: '周六上午停水。', placeId: community.id } });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id as string;
    const version = async () => (await db().selectFrom('announcements').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    await staleSameValues({ client: worker, method: 'POST', url: `/api/announcements/${id}/edit`, version, change: { title: '停水通知(更正)' }, same: { title: '停水通知(更正)' } });
  });
});
