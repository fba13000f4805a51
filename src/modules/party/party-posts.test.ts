import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConformance, type KnownCaller } from '../../core/lifecycle/conformance.js';
import { newId } from '../../core/ids.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { asResident } from '../resident-h5/test-support.js';
import { partyClaimLifecycle, partyPostLifecycle } from './post-lifecycle.js';

type Place = { id: string; path: string; name: string; parent_id: string | null };

describe('posts and claims (岗位与认领)', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let beijiang: Place, grid1: Place, compound: Place, otherCompound: Place;
  let buildings: Place[];
  let members: { id: string; name: string }[];
  const db = () => t.ctx.handle.db;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'louzhang', 'gongjian']) as[u] = await t.as(u);
    beijiang = await placeByName(t, '北江社区');
    grid1 = await placeByName(t, '北江社区第1网格');
    const compounds = await db().selectFrom('places').selectAll().where('level', '=', 'compound').where('path', 'like', `${beijiang.path}%`).orderBy('path').execute();
    compound = compounds.find((c) => c.path.startsWith(grid1.path))!;
    otherCompound = compounds.find((c) => c !== compound)!;
    // The demo's building heads in this compound step down, so each test starts from buildings without one.
    await db().updateTable('party_claims').set({ state: 'vacated' }).where('place_path', 'like', `${compound.path}%`).execute();
    await db().updateTable('party_posts').set({ places_taken: 0, state: 'closed' }).where('place_path', 'like', `${compound.path}%`).execute();
    buildings = await db().selectFrom('places').selectAll().where('level', '=', 'building').where('path', 'like', `${compound.path}%`).orderBy('path').execute();
    const org = await db().selectFrom('party_orgs').select('id').where('place_id', '=', beijiang.id).where('kind', '=', 'community_party_committee').executeTakeFirstOrThrow();
    const households = await db().selectFrom('places').select('id').where('level', '=', 'household').where('path', 'like', `${compound.path}%`).orderBy('path').limit(2).execute();
    for (const [i, h] of households.entries()) {
      const res = await as.beijiang!({ method: 'POST', url: '/api/party-members', payload: { name: `楼长候选${i + 1}`, category: 'resident_member', orgId: org.id, householdId: h.id } });
      expect(res.statusCode, res.body).toBe(201);
    }
    members = await db().selectFrom('party_members').select(['id', 'name']).where('name', 'like', '楼长候选%').orderBy('name').execute();
  });
  afterAll(() => t.close());

  const post = async (placeId: string, places = 1, kind = 'building_head') => {
    const res = await as.beijiang!({ method: 'POST', url: '/api/party-posts', payload: { kind, title: '党员楼长', duties: '联系本栋住户,收集诉求', placeId, places } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const nominateAs = (postId: string, memberId: string) => as.beijiang!({ method: 'POST', url: `/api/party-posts/${postId}/nominations`, payload: { memberId } });
  const claimVersion = async (id: string) => (await db().selectFrom('party_claims').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const step = async (who: string, id: string, action: string, body: Record<string, unknown> = {}) =>
    as[who]!({ method: 'POST', url: `/api/party-claims/${id}/${action}`, payload: { version: await claimVersion(id), ...body } });
  const lacking = async () => ((await as.beijiang!({ url: `/api/party-posts/lacking-heads?placeId=${compound.id}&limit=500` })).json().items as { id: string }[]).map((b) => b.id);
  const taken = async (id: string) => (await db().selectFrom('party_posts').select('places_taken').where('id', '=', id).executeTakeFirstOrThrow()).places_taken;

  it('recruits a building head by a resident’s recommendation: approve, claim, and the building no longer lacks a head', async () => {
    const building = buildings[0]!;
    const p = await post(building.id);
    expect(await lacking()).toContain(building.id);
    const resident = await asResident(t, '13700000021');
    const page = (await resident({ url: `/api/h5/party-posts?placeId=${compound.id}` })).json();
    expect(page.posts.find((x: { id: string }) => x.id === p.id)).toMatchObject({ title: '党员楼长', placesLeft: 1 });
    expect(page.members.length).toBeGreaterThan(0);
    expect(Object.keys(page.members[0]).sort()).toEqual(['id', 'name']);
    const rec = await resident({ method: 'POST', url: `/api/h5/party-posts/${p.id}/recommend`, payload: { memberId: members[0]!.id, placeId: compound.id } });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await resident({ method: 'POST', url: `/api/h5/party-posts/${p.id}/recommend`, payload: { memberId: members[0]!.id, placeId: compound.id } })).statusCode).toBe(409);
    expect((await resident({ method: 'POST', url: `/api/h5/party-posts/${p.id}/recommend`, payload: { memberId: members[0]!.id, placeId: otherCompound.id } })).statusCode).toBe(404);
    const self = await nominateAs(p.id, members[1]!.id);
    expect(self.statusCode, self.body).toBe(201);
    const detail = (await as.beijiang!({ url: `/api/party-posts/${p.id}` })).json();
    expect(detail.claims.map((c: { source: string; state: string }) => [c.source, c.state])).toEqual([['recommended', 'nominated'], ['self', 'nominated']]);
    expect(detail.claims[0].actions).toEqual(['approve', 'decline']);
    const recommended = rec.json().id as string;
    expect((await step('grid1', recommended, 'approve')).statusCode).toBe(403);
    expect((await step('beijiang', recommended, 'approve')).json()).toMatchObject({ state: 'approved' });
    expect((await step('beijiang', self.json().id, 'decline', { reason: '该楼已有推荐人选' })).json()).toMatchObject({ state: 'declined' });
    const card = () => db().selectFrom('party_public_keys').select('key').where('subject_type', '=', 'member').where('subject_id', '=', members[0]!.id).executeTakeFirst();
    expect(await card()).toBeUndefined();
    expect((await step('beijiang', recommended, 'claim')).json()).toMatchObject({ state: 'holding' });
    expect(await taken(p.id)).toBe(1);
    // The holder's public card exists from the claim on, before any public page has listed them, and answers at once.
    const key = (await card())?.key;
    expect(key).toMatch(/^[a-z2-9]{16}$/);
    expect((await t.app.inject({ url: `/api/public/cards/${key}` })).json()).toMatchObject({ name: members[0]!.name, posts: [{ title: '党员楼长' }] });
    expect(await lacking()).not.toContain(building.id);
    const events = await db().selectFrom('events').select(['action', 'reason']).where('entity_id', '=', recommended).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['recommend', 'approve', 'claim']);
    // Vacating frees the place and the building lacks a head again.
    expect((await step('beijiang', recommended, 'vacate', { reason: '搬离本栋' })).json()).toMatchObject({ state: 'vacated' });
    expect(await taken(p.id)).toBe(0);
    expect(await lacking()).toContain(building.id);
  });

  it('lets exactly one of two approved members claim the last place; the other gets 409 and nothing is written', async () => {
    const p = await post(buildings[buildings.length - 1]!.id);
    const claims = [];
    for (const m of members.slice(0, 2)) {
      const c = (await nominateAs(p.id, m.id)).json();
      expect((await step('beijiang', c.id, 'approve')).statusCode).toBe(200);
      claims.push(c.id as string);
    }
    const versions = await Promise.all(claims.map(claimVersion));
    const race = await Promise.all(claims.map((id, i) => (i ? as.xinan! : as.beijiang!)({ method: 'POST', url: `/api/party-claims/${id}/claim`, payload: { version: versions[i] } })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.statusCode === 409)!.json()).toMatchObject({ message: { zh: '岗位名额已满或已停止招募' } });
    expect(await taken(p.id)).toBe(1);
    const states = await db().selectFrom('party_claims').select('state').where('post_id', '=', p.id).orderBy('state').execute();
    expect(states.map((s) => s.state)).toEqual(['approved', 'holding']);
    const claimEvents = await db().selectFrom('events').select('id').where('entity_id', 'in', claims).where('action', '=', 'claim').execute();
    expect(claimEvents).toHaveLength(1);
  });

  it('refuses a building-head post off a building (422), outside the subtree (404), without the role (403); a closed post takes no nominations', async () => {
    const bad = await as.beijiang!({ method: 'POST', url: '/api/party-posts', payload: { kind: 'building_head', title: '党员楼长', duties: '联系住户', placeId: compound.id, places: 1 } });
    expect(bad.json()).toMatchObject({ code: 'place_level', field: 'placeId' });
    const shatou = await placeByName(t, '沙头社区');
    expect((await as.beijiang!({ method: 'POST', url: '/api/party-posts', payload: { kind: 'other', title: '越权岗位', duties: '越权', placeId: shatou.id, places: 1 } })).statusCode).toBe(404);
    expect((await as.grid1!({ method: 'POST', url: '/api/party-posts', payload: { kind: 'other', title: '网格岗位', duties: '巡逻', placeId: grid1.id, places: 1 } })).statusCode).toBe(403);
    const p = await post(compound.id, 3, 'patrol_leader');
    expect((await as.beijiang!({ method: 'POST', url: `/api/party-posts/${p.id}/close`, payload: { version: 1, reason: '人员已齐' } })).json()).toMatchObject({ state: 'closed', actions: ['reopen'] });
    expect((await nominateAs(p.id, members[0]!.id)).statusCode).toBe(409);
    const list = (await as.grid1!({ url: '/api/party-posts?limit=100' })).json();
    expect(list.items.some((x: { id: string }) => x.id === p.id)).toBe(compound.path.startsWith(grid1.path));
  });

  it('conforms to the claim and the post state tables (409 outside them, 403/404 outside who, one winner of four)', async () => {
    const now = new Date().toISOString();
    const callers = [
      ['beijiang', ['community_worker']], ['xinan', ['street_staff']], ['admin', ['district_admin']], ['grid1', []], ['louzhang', []], ['gongjian', []],
    ].map(([name, holds]) => ({ name, client: as[name as string]!, holds }) as KnownCaller);
    const makePost = async (state: string, taken = 0) => {
      const id = newId();
      await db().insertInto('party_posts').values({ id, kind: 'other', title: '测试岗位', duties: '测试', place_id: compound.id, place_path: compound.path,
        places_total: 10, places_taken: taken, state: state as 'open', version: 1, created_at: now, updated_at: now }).execute();
      return id;
    };
    const claimSnapshot = async (id: string) => Promise.all([
      db().selectFrom('party_claims').selectAll().where('id', '=', id).executeTakeFirst(),
      db().selectFrom('party_posts').select('places_taken').where('id', '=', (await db().selectFrom('party_claims').select('post_id').where('id', '=', id).executeTakeFirstOrThrow()).post_id).executeTakeFirst(),
      db().selectFrom('events').select(['id', 'action']).where('entity_id', '=', id).orderBy('id').execute(),
    ]);
    const claims = await checkConformance({
      def: partyClaimLifecycle, callers, version: claimVersion, snapshot: claimSnapshot,
      make: async (state) => {
        const id = newId();
        const postId = await makePost('open', state === 'holding' ? 1 : 0);
        await db().insertInto('party_claims').values({ id, post_id: postId, member_id: members[0]!.id, place_id: compound.id, place_path: compound.path,
          source: 'self', recommender_index: null, state: state as 'nominated', version: 1, created_at: now, updated_at: now }).execute();
        return id;
      },
      request: async (id, action, v) => ({ method: 'POST', url: `/api/party-claims/${id}/${action}`, payload: { version: v, ...(action === 'decline' || action === 'vacate' ? { reason: '理由' } : {}) } }),
    });
    expect(claims).toEqual([]);
    const posts = await checkConformance({
      def: partyPostLifecycle, callers, make: (state) => makePost(state),
      version: async (id) => (await db().selectFrom('party_posts').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
      snapshot: async (id) => Promise.all([db().selectFrom('party_posts').selectAll().where('id', '=', id).executeTakeFirst(),
        db().selectFrom('events').select(['id']).where('entity_id', '=', id).execute()]),
      request: async (id, action, v) => ({ method: 'POST', url: `/api/party-posts/${id}/${action}`, payload: { version: v, ...(action === 'close' ? { reason: '理由' } : {}) } }),
    });
    expect(posts).toEqual([]);
  }, 120_000);
});
