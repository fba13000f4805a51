import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConformance, type KnownCaller } from '../../core/lifecycle/conformance.js';
import { newId } from '../../core/ids.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { partyOrgLifecycle } from './lifecycle.js';

type Place = { id: string; path: string; name: string; level: string };

describe('party orgs (党组织)', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let street: Place, beijiang: Place, shatou: Place, grid1: Place;
  let compounds: Place[];
  const db = () => t.ctx.handle.db;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'grid2', 'louzhang', 'gongjian']) as[u] = await t.as(u);
    street = await placeByName(t, '西南街道');
    beijiang = await placeByName(t, '北江社区');
    shatou = await placeByName(t, '沙头社区');
    grid1 = await placeByName(t, '北江社区第1网格');
    compounds = await db().selectFrom('places').selectAll().where('level', '=', 'compound').where('path', 'like', `${beijiang.path}%`).orderBy('path').execute();
    // grid1's compounds first: the grid worker's checks (403 inside his grid) use the first.
    compounds.sort((a, b) => Number(b.path.startsWith(grid1.path)) - Number(a.path.startsWith(grid1.path)));
    // Start from a bare tree in 北江社区: the demo's orgs there are dissolved by hand, so each test sets up its own.
    await db().updateTable('party_orgs').set({ state: 'dissolved', dissolved_at: new Date().toISOString() }).where('place_path', 'like', `${beijiang.path}%`).execute();
  });
  afterAll(() => t.close());

  const create = (who: string, payload: Record<string, unknown>) => as[who]!({ method: 'POST', url: '/api/party-orgs', payload });
  const created = async (who: string, payload: Record<string, unknown>) => {
    const res = await create(who, payload);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; actions: string[]; secretary: string | null };
  };
  const version = async (id: string) => (await db().selectFrom('party_orgs').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const snapshot = async (id: string) => Promise.all([
    db().selectFrom('party_orgs').selectAll().where('id', '=', id).executeTakeFirst(),
    db().selectFrom('events').select(['id', 'action']).where('entity_id', '=', id).orderBy('id').execute(),
  ]);
  const buildingsOf = (c: Place) => db().selectFrom('places').selectAll().where('level', '=', 'building').where('parent_id', '=', c.id).orderBy('path').execute();

  it('sets up the tree (community committee, compound branch, building group) with each org under its parent', async () => {
    const committee = await created('beijiang', { kind: 'community_party_committee', name: '北江社区大党委', placeId: beijiang.id,
      committee: [{ seat: 'secretary', name: '梁书记' }, { seat: 'first_secretary', name: '区派第一书记' }] });
    expect(committee).toMatchObject({ secretary: '梁书记', version: 1, actions: ['edit', 'dissolve'] });
    const branch = await created('beijiang', { kind: 'compound_branch', name: `${compounds[0]!.name}党支部`, placeId: compounds[0]!.id });
    const [building] = await buildingsOf(compounds[0]!);
    const group = await created('beijiang', { kind: 'building_group', name: `${building!.name}党小组`, placeId: building!.id });
    const tree = (await as.beijiang!({ url: `/api/party-orgs?placeId=${beijiang.id}` })).json();
    const byId = (id: string) => tree.items.find((o: { id: string }) => o.id === id);
    const streetOrg = tree.items.find((o: { kind: string }) => o.kind === 'street_working_committee');
    expect(streetOrg).toMatchObject({ placeName: '西南街道', parentId: null });
    expect(byId(committee.id)).toMatchObject({ parentId: streetOrg.id, placeName: '北江社区' });
    expect(byId(branch.id)).toMatchObject({ parentId: committee.id });
    expect(byId(group.id)).toMatchObject({ parentId: branch.id, placeName: building!.name });
    expect(tree.items.some((o: { placeName: string }) => o.placeName === '沙头社区')).toBe(false);
    const [, events] = await snapshot(group.id);
    expect(events.map((e) => e.action)).toEqual(['create']);
  });

  it('lists compounds without a branch and buildings without a group, and a new branch closes its gap', async () => {
    const gaps = async (who: string, placeId: string) => (await as[who]!({ url: `/api/party-orgs/gaps?placeId=${placeId}&limit=500` })).json();
    const target = compounds[compounds.length - 1]!;
    const before = await gaps('beijiang', beijiang.id);
    expect(before.compoundsWithoutBranch.items.map((c: { id: string }) => c.id)).toContain(target.id);
    const [b] = await buildingsOf(target);
    expect(before.buildingsWithoutGroup.items.find((x: { id: string }) => x.id === b!.id)).toMatchObject({ parentName: target.name });
    await created('beijiang', { kind: 'compound_branch', name: `${target.name}党支部`, placeId: target.id });
    const after = await gaps('beijiang', beijiang.id);
    expect(after.compoundsWithoutBranch.items.map((c: { id: string }) => c.id)).not.toContain(target.id);
    expect(after.compoundsWithoutBranch.total).toBe(before.compoundsWithoutBranch.total - 1);
    // A grid worker sees the gaps of his grid only.
    const mine = await gaps('grid1', grid1.id);
    expect((await as.grid1!({ url: `/api/party-orgs/gaps?placeId=${beijiang.id}` })).statusCode).toBe(404);
    expect(mine.compoundsWithoutBranch.items.length).toBeGreaterThan(0);
    const inGrid = new Set(compounds.filter((c) => c.path.startsWith(grid1.path)).map((c) => c.id));
    expect(mine.compoundsWithoutBranch.items.every((c: { id: string }) => inGrid.has(c.id))).toBe(true);
    expect((await as.louzhang!({ url: `/api/party-orgs/gaps?placeId=${beijiang.id}` })).statusCode).toBe(404);
  });

  it('refuses an org at the wrong level (422), a second active one of a kind (409), outside the subtree (404), without the role (403)', async () => {
    const wrong = await create('beijiang', { kind: 'compound_branch', name: '错层党支部', placeId: grid1.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ code: 'place_level', field: 'placeId', message: { zh: '小区党支部只能建在小区', en: 'A Compound branch is bound to a compound' } });
    const c = compounds[1]!;
    await created('beijiang', { kind: 'compound_branch', name: `${c.name}党支部`, placeId: c.id });
    const before = await db().selectFrom('party_orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const twin = await create('beijiang', { kind: 'compound_branch', name: `${c.name}第二党支部`, placeId: c.id });
    expect(twin.statusCode).toBe(409);
    expect(twin.json()).toMatchObject({ code: 'duplicate', message: { zh: '该处已有在册的小区党支部' } });
    const [raced] = await buildingsOf(c);
    const race = await Promise.all(['beijiang', 'xinan'].map((who) => create(who, { kind: 'building_group', name: `${raced!.name}党小组`, placeId: raced!.id })));
    expect(race.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await create('beijiang', { kind: 'community_party_committee', name: '越权党委', placeId: shatou.id })).statusCode).toBe(404);
    expect((await create('grid1', { kind: 'building_group', name: '网格员建的党小组', placeId: (await buildingsOf(compounds[0]!))[0]!.id })).statusCode).toBe(403);
    expect((await create('beijiang', { kind: 'street_working_committee', name: '社区建街道党工委', placeId: street.id })).statusCode).toBe(404);
    expect((await create('beijiang', { kind: 'compound_branch', name: 'x', placeId: c.id })).statusCode).toBe(400);
    const after = await db().selectFrom('party_orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('names a partner unit for its own org and for part-time members, only one the caller sees', async () => {
    const unit = await db().selectFrom('units').selectAll().where('kind', '=', 'partner_unit').where('name', '=', '西南中学').executeTakeFirstOrThrow();
    const dept = await db().selectFrom('units').selectAll().where('kind', '=', 'department').executeTakeFirstOrThrow();
    expect((await create('beijiang', { kind: 'partner_unit_org', name: '无单位党组织', placeId: beijiang.id })).json()).toMatchObject({ code: 'required', field: 'unitId' });
    expect((await create('beijiang', { kind: 'partner_unit_org', name: '部门当共建', placeId: beijiang.id, unitId: dept.id })).statusCode).toBe(422);
    expect((await create('beijiang', { kind: 'compound_branch', name: '带单位的支部', placeId: compounds[2]?.id ?? compounds[0]!.id, unitId: unit.id })).json().field).toBe('unitId');
    const org = await created('beijiang', { kind: 'partner_unit_org', name: '西南中学党总支', placeId: beijiang.id, unitId: unit.id });
    const tree = (await as.beijiang!({ url: '/api/party-orgs' })).json();
    const committee = tree.items.find((o: { kind: string; placeId: string }) => o.kind === 'community_party_committee' && o.placeId === beijiang.id);
    expect(tree.items.find((o: { id: string }) => o.id === org.id)).toMatchObject({ unitName: '西南中学', parentId: committee.id });
    const seat = await as.beijiang!({ method: 'POST', url: `/api/party-orgs/${committee.id}/edit`,
      payload: { version: committee.version, committee: [{ seat: 'secretary', name: '梁书记' }, { seat: 'part_time_member', name: '王兼职', unitId: 'nosuchunit' }] } });
    expect(seat.statusCode).toBe(422);
    expect(seat.json()).toMatchObject({ field: 'committee.1.unitId' });
    const ok = await as.beijiang!({ method: 'POST', url: `/api/party-orgs/${committee.id}/edit`,
      payload: { version: committee.version, committee: [{ seat: 'secretary', name: '梁书记' }, { seat: 'part_time_member', name: '王兼职', unitId: unit.id }] } });
    expect(ok.json()).toMatchObject({ version: committee.version + 1, committee: [{ seat: 'secretary' }, { seat: 'part_time_member', unitId: unit.id }] });
    const two = await as.beijiang!({ method: 'POST', url: `/api/party-orgs/${committee.id}/edit`,
      payload: { version: committee.version + 1, committee: [{ seat: 'secretary', name: '甲' }, { seat: 'secretary', name: '乙' }] } });
    expect(two.statusCode).toBe(400);
  });

  it('dissolves with a reason (an event), hides it from the tree, and lets a new org of the kind take the place', async () => {
    const c = compounds[0]!;
    const tree = (await as.beijiang!({ url: `/api/party-orgs?placeId=${c.id}` })).json();
    const branch = tree.items.find((o: { kind: string; placeId: string }) => o.kind === 'compound_branch' && o.placeId === c.id);
    expect((await as.grid1!({ method: 'POST', url: `/api/party-orgs/${branch.id}/dissolve`, payload: { version: branch.version, reason: '网格员无权' } })).statusCode).toBe(403);
    const gone = await as.beijiang!({ method: 'POST', url: `/api/party-orgs/${branch.id}/dissolve`, payload: { version: branch.version, reason: '支部合并' } });
    expect(gone.json()).toMatchObject({ state: 'dissolved', dissolvedAt: expect.any(String), actions: [] });
    const [, events] = await snapshot(branch.id);
    expect(events.map((e) => e.action)).toEqual(['create', 'dissolve']);
    expect((await as.beijiang!({ url: `/api/party-orgs?placeId=${c.id}` })).json().items.some((o: { id: string }) => o.id === branch.id)).toBe(false);
    expect((await as.beijiang!({ url: `/api/party-orgs?placeId=${c.id}&state=dissolved` })).json().items.map((o: { id: string }) => o.id)).toContain(branch.id);
    await created('beijiang', { kind: 'compound_branch', name: `${c.name}联合党支部`, placeId: c.id });
    expect((await as.beijiang!({ method: 'POST', url: `/api/party-orgs/${branch.id}/edit`, payload: { version: branch.version + 1, name: '复活' } })).statusCode).toBe(409);
  });

  it('conforms to its state table (409 outside it, 403/404 outside who, one winner of four)', async () => {
    const make = async (state: string) => {
      const id = newId();
      const now = new Date().toISOString();
      // A building group per record, each on its own building key so the one-active rule never collides.
      await db().insertInto('party_orgs').values({ id, kind: 'partner_unit_org', name: '测试党组织', place_id: beijiang.id, place_path: beijiang.path, unit_id: null,
        unit_key: id, committee: '[]', state: state as 'active', dissolved_at: state === 'dissolved' ? now : null, version: 1, created_at: now, updated_at: now }).execute();
      return id;
    };
    const caller = (name: string, holds: string[]): KnownCaller => ({ name, client: as[name]!, holds });
    const failures = await checkConformance({
      def: partyOrgLifecycle, make,
      callers: [caller('beijiang', ['community_worker']), caller('xinan', ['street_staff']), caller('admin', ['district_admin']),
        caller('grid1', []), caller('louzhang', []), caller('gongjian', [])],
      request: async (id, action, v) => ({ method: 'POST', url: `/api/party-orgs/${id}/${action}`, payload: { version: v, ...(action === 'dissolve' ? { reason: '撤销' } : { name: '改名党组织' }) } }),
      version,
      snapshot,
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('seeds the demo street with a tree that leaves some compounds without a branch', async () => {
    const orgs = await db().selectFrom('party_orgs').select(['kind']).where('place_path', 'like', `${shatou.path}%`).where('state', '=', 'active').execute();
    expect(orgs.map((o) => o.kind)).toContain('community_party_committee');
    const all = await db().selectFrom('party_orgs').select('kind').where('state', '=', 'active').execute();
    for (const kind of ['street_working_committee', 'community_party_committee', 'compound_branch', 'building_group', 'partner_unit_org']) {
      expect(all.some((o) => o.kind === kind), kind).toBe(true);
    }
    const gaps = (await as.xinan!({ url: `/api/party-orgs/gaps?placeId=${street.id}` })).json();
    expect(gaps.compoundsWithoutBranch.total + gaps.buildingsWithoutGroup.total).toBeGreaterThan(0);
  });
});
