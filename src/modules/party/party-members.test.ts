import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConformance, type KnownCaller } from '../../core/lifecycle/conformance.js';
import { newId } from '../../core/ids.js';
import { createTestApp, multipartFile, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { partyMemberLifecycle } from './member-lifecycle.js';

type Place = { id: string; path: string; name: string; parent_id: string | null };

describe('party members (党员)', () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let beijiang: Place, shatou: Place, grid1: Place;
  let household: Place, building: Place, compound: Place;
  let org: { id: string; name: string }, otherOrg: { id: string; name: string }, unit: { id: string; name: string };
  const db = () => t.ctx.handle.db;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'louzhang', 'gongjian']) as[u] = await t.as(u);
    beijiang = await placeByName(t, '北江社区');
    shatou = await placeByName(t, '沙头社区');
    grid1 = await placeByName(t, '北江社区第1网格');
    household = await db().selectFrom('places').selectAll().where('level', '=', 'household').where('path', 'like', `${grid1.path}%`).orderBy('path').executeTakeFirstOrThrow();
    building = await db().selectFrom('places').selectAll().where('id', '=', household.parent_id!).executeTakeFirstOrThrow();
    compound = await db().selectFrom('places').selectAll().where('id', '=', building.parent_id!).executeTakeFirstOrThrow();
    org = await db().selectFrom('party_orgs').select(['id', 'name']).where('kind', '=', 'community_party_committee').where('place_id', '=', beijiang.id).executeTakeFirstOrThrow();
    otherOrg = await db().selectFrom('party_orgs').select(['id', 'name']).where('kind', '=', 'street_working_committee').executeTakeFirstOrThrow();
    unit = await db().selectFrom('units').select(['id', 'name']).where('name', '=', '三水区人民医院').executeTakeFirstOrThrow();
  });
  afterAll(() => t.close());

  const enter = (who: string, payload: Record<string, unknown>) => as[who]!({ method: 'POST', url: '/api/party-members', payload });
  const entered = async (payload: Record<string, unknown>) => {
    const res = await enter('beijiang', { orgId: org.id, ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; placeId: string; phoneMasked: string | null; actions: string[] };
  };
  const version = async (id: string) => (await db().selectFrom('party_members').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const snapshot = async (id: string) => Promise.all([
    db().selectFrom('party_members').selectAll().where('id', '=', id).executeTakeFirst(),
    db().selectFrom('events').select(['id', 'action']).where('entity_id', '=', id).orderBy('id').execute(),
  ]);

  it('enters members of every category, on their household or their org’s place, personal data encrypted and masked', async () => {
    const resident = await entered({ name: '何桂英', category: 'resident_member', householdId: household.id, phone: '13912345678', idNumber: '440607195808080026', centralHousehold: true });
    expect(resident).toMatchObject({ placeId: household.id, phoneMasked: '139****5678', actions: ['edit', 'transfer', 'leave'] });
    const row = (await snapshot(resident.id))[0]!;
    expect(row.phone_enc).not.toContain('13912345678');
    expect(t.ctx.cipher.decrypt(row.phone_enc!)).toBe('13912345678');
    const inService = await entered({ name: '罗志强', category: 'in_service_member', unitId: unit.id });
    expect(inService.placeId).toBe(beijiang.id);
    await entered({ name: '流动党员甲', category: 'mobile_member' });
    await entered({ name: '退休党员乙', category: 'retired', householdId: household.id });
    const list = (await as.beijiang!({ url: `/api/party-members?placeId=${beijiang.id}&limit=200` })).json();
    const found = list.items.find((m: { id: string }) => m.id === resident.id);
    expect(found).toMatchObject({ orgName: org.name, householdName: `${building.name}${household.name}`, centralHousehold: true, idNumberMasked: expect.stringContaining('*') });
    expect(JSON.stringify(list)).not.toContain('13912345678');
    expect(list.items.find((m: { id: string }) => m.id === inService.id)).toMatchObject({ unitName: '三水区人民医院', category: 'in_service_member' });
    const central = (await as.beijiang!({ url: `/api/party-members?placeId=${beijiang.id}&centralHousehold=true` })).json();
    expect(central.items.map((m: { id: string }) => m.id)).toContain(resident.id);
    expect(central.items.every((m: { centralHousehold: boolean }) => m.centralHousehold)).toBe(true);
    // A grid worker sees those in his grid only: the member on the household, not the one on the community's place.
    const mine = (await as.grid1!({ url: '/api/party-members?limit=200' })).json().items.map((m: { id: string }) => m.id);
    expect(mine).toContain(resident.id);
    expect(mine).not.toContain(inService.id);
  });

  it('refuses a member with the wrong links (422), outside the subtree (404), without the role (403), writing nothing', async () => {
    const count = async () => Number((await db().selectFrom('party_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    expect((await enter('beijiang', { orgId: org.id, name: '甲', category: 'in_service_member' })).json()).toMatchObject({ code: 'required', field: 'unitId' });
    expect((await enter('beijiang', { orgId: org.id, name: '甲', category: 'retired', unitId: unit.id })).json()).toMatchObject({ field: 'unitId' });
    expect((await enter('beijiang', { orgId: org.id, name: '甲', category: 'retired', householdId: building.id })).json()).toMatchObject({ code: 'place_level', field: 'householdId' });
    expect((await enter('beijiang', { orgId: org.id, name: '甲', category: 'retired', centralHousehold: true })).json()).toMatchObject({ field: 'centralHousehold' });
    expect((await enter('beijiang', { orgId: org.id, name: '甲', category: 'retired', phone: '12345' })).statusCode).toBe(400);
    const shatouOrg = await db().selectFrom('party_orgs').select('id').where('place_id', '=', shatou.id).executeTakeFirstOrThrow();
    expect((await enter('beijiang', { orgId: shatouOrg.id, name: '甲', category: 'retired' })).statusCode).toBe(404);
    expect((await enter('grid1', { orgId: org.id, name: '甲', category: 'retired', householdId: household.id })).statusCode).toBe(403);
    // The street's committee is visible from the community, but a member on the street's place is beyond its office.
    expect((await enter('beijiang', { orgId: otherOrg.id, name: '甲', category: 'retired' })).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('reveals a phone or ID number to an office only, each reveal an event with its reason', async () => {
    const m = await entered({ name: '冯伟华', category: 'resident_member', householdId: household.id, phone: '13800138000' });
    const reveal = (who: string) => as[who]!({ method: 'POST', url: `/api/party-members/${m.id}/reveal`, payload: { field: 'phone', reason: '联系报到事宜' } });
    expect((await reveal('grid1')).statusCode).toBe(403);
    const res = await reveal('beijiang');
    expect(res.json()).toEqual({ field: 'phone', value: '13800138000' });
    expect(res.headers['cache-control']).toContain('no-store');
    const events = await db().selectFrom('events').select(['action', 'reason']).where('entity_id', '=', m.id).orderBy('id').execute();
    expect(events).toEqual([{ action: 'create', reason: null }, { action: 'reveal', reason: '联系报到事宜' }]);
    expect((await as.beijiang!({ method: 'POST', url: `/api/party-members/${m.id}/reveal`, payload: { field: 'idNumber', reason: '核对身份' } })).statusCode).toBe(404);
  });

  it('edits, transfers and records leaving as steps, events masked; a member who left is read-only', async () => {
    const m = await entered({ name: '陈敏', category: 'mobile_member' });
    const step = async (action: string, body: Record<string, unknown>) =>
      as.beijiang!({ method: 'POST', url: `/api/party-members/${m.id}/${action}`, payload: { version: await version(m.id), ...body } });
    const edited = await step('edit', { category: 'in_service_member', unitId: unit.id, phone: '13700001111', householdId: household.id });
    expect(edited.json()).toMatchObject({ category: 'in_service_member', unitId: unit.id, phoneMasked: '137****1111', placeId: household.id });
    const branch = await db().selectFrom('party_orgs').select('id').where('kind', '=', 'compound_branch').where('place_id', '=', compound.id).where('state', '=', 'active').executeTakeFirst();
    const target = branch?.id ?? org.id;
    expect((await step('transfer', { orgId: target })).json()).toMatchObject({ orgId: target });
    expect((await step('edit', { category: 'retired' })).json()).toMatchObject({ category: 'retired', unitId: null });
    expect((await step('leave', { reason: '迁往外地' })).json()).toMatchObject({ state: 'left', actions: [] });
    expect((await step('edit', { name: '又改' })).statusCode).toBe(409);
    const events = await db().selectFrom('events').select(['action', 'to_state']).where('entity_id', '=', m.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'edit', 'transfer', 'edit', 'leave']);
    expect(JSON.stringify(events)).not.toContain('13700001111');
  });

  it('conforms to its state table (409 outside it, 403/404 outside who, one winner of four)', async () => {
    const make = async (state: string) => {
      const id = newId();
      const now = new Date().toISOString();
      await db().insertInto('party_members').values({ id, name: '测试党员', category: 'resident_member', org_id: org.id, household_id: null, place_id: beijiang.id,
        place_path: beijiang.path, unit_id: null, phone_enc: null, phone_masked: null, phone_index: null, id_number_enc: null, id_number_masked: null,
        central_household: 0, state: state as 'active', left_at: null, version: 1, created_at: now, updated_at: now }).execute();
      return id;
    };
    const bodies: Record<string, Record<string, unknown>> = { edit: { name: '改名党员' }, transfer: { orgId: org.id }, leave: { reason: '离开' } };
    const caller = (name: string, holds: string[]): KnownCaller => ({ name, client: as[name]!, holds });
    const failures = await checkConformance({
      def: partyMemberLifecycle, make,
      callers: [caller('beijiang', ['community_worker']), caller('xinan', ['street_staff']), caller('admin', ['district_admin']),
        caller('grid1', []), caller('louzhang', []), caller('gongjian', [])],
      request: async (id, action, v) => ({ method: 'POST', url: `/api/party-members/${id}/${action}`, payload: { version: v, ...bodies[action] } }),
      version,
      snapshot,
    });
    expect(failures).toEqual([]);
  }, 120_000);

  it('exports the roster masked with Chinese headers, and imports it back all rows or none', async () => {
    await entered({ name: '邓雪梅', category: 'resident_member', householdId: household.id, phone: '13600002222', idNumber: '440607196505050027' });
    // grid1's subtree: the members the other tests put on the community's own place stay out of it.
    const res = await as.beijiang!({ url: `/api/party-members.xlsx?placeId=${grid1.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(decodeURIComponent(res.headers['content-disposition'] as string)).toContain("UTF-8''北江社区第1网格_党员花名册.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['姓名', '党员类别', '所属党组织', '小区', '楼栋', '房号', '工作单位', '手机号', '身份证号', '党员中心户']);
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.find((r) => r[0] === '邓雪梅')).toEqual(['邓雪梅', '居民党员', org.name, compound.name, building.name, household.name, undefined, '136****2222', expect.stringContaining('*'), '否']);
    expect(res.body).not.toContain('13600002222');

    const upload = (file: Buffer) => as.beijiang!({ method: 'POST', url: `/api/party-members/roster?placeId=${grid1.id}`, ...multipartFile(file) });
    const count = async () => Number((await db().selectFrom('party_members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    // Two good rows and two bad ones: nothing is written, every bad row is reported.
    sheet.addRow(['新党员甲', '在职党员', org.name, '', '', '', '三水区人民医院', '13500003333', '', '否']);
    sheet.addRow(['新党员乙', '居民党员', '不存在的党组织', '', '', '', '', '', '', '否']);
    sheet.addRow(['新党员丙', '在职党员', org.name, '', '', '', '', '13500004444', '', '否']);
    const bad = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().code).toBe('import_rejected');
    expect(await count()).toBe(before);
    const good = new ExcelJS.Workbook();
    await good.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    good.worksheets[0]!.addRow(['新党员甲', '在职党员', org.name, '', '', '', '三水区人民医院', '13500003333', '', '否']);
    const ok = await upload(Buffer.from(await good.xlsx.writeBuffer()));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().created).toBe(1);
    expect(await count()).toBe(before + 1);
    const added = await db().selectFrom('party_members').selectAll().where('name', '=', '新党员甲').executeTakeFirstOrThrow();
    expect(added).toMatchObject({ category: 'in_service_member', unit_id: unit.id, phone_masked: '135****3333' });
    // The masked values exported kept what was stored.
    const kept = await db().selectFrom('party_members').selectAll().where('name', '=', '邓雪梅').executeTakeFirstOrThrow();
    expect(t.ctx.cipher.decrypt(kept.phone_enc!)).toBe('13600002222');
    expect((await as.grid1!({ url: `/api/party-members.xlsx?placeId=${grid1.id}` })).statusCode).toBe(403);
  });

  it('links a member to a party-member account of their community: one account one member, a race is 409, unlinking too', async () => {
    const made = await as.admin!({ method: 'POST', url: '/api/users', payload: {
      username: 'dangyuan9', displayName: '新党员账号', password: 'OneGrid!2026', roles: [{ role: 'party_member', placeId: household.id }] } });
    expect(made.statusCode, made.body).toBe(201);
    const userId = made.json().id as string;
    const [a, b] = [await entered({ name: '关联甲', category: 'retired' }), await entered({ name: '关联乙', category: 'retired' })];
    const account = (id: string) => as.beijiang!({ url: `/api/party-members/${id}/account` });
    const link = (id: string, to: string | null, who = 'beijiang') => as[who]!({ method: 'PUT', url: `/api/party-members/${id}/account`, payload: { userId: to } });
    const before = (await account(a.id)).json();
    expect(before.linked).toBeNull();
    expect(before.candidates).toContainEqual({ id: userId, username: 'dangyuan9', displayName: '新党员账号' });
    // dangyuan is linked to the demo's member already: not offered, and taken (409).
    const dangyuan = (await db().selectFrom('users').select('id').where('username', '=', 'dangyuan').executeTakeFirstOrThrow()).id;
    expect(before.candidates.map((c: { id: string }) => c.id)).not.toContain(dangyuan);
    expect((await link(a.id, dangyuan)).json()).toMatchObject({ code: 'conflict', field: 'userId' });
    // An account that is not a party member's of this community is not linkable.
    expect((await link(a.id, (await db().selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow()).id)).json()).toMatchObject({ code: 'invalid', field: 'userId' });
    // Two offices link the same account to two members at once: one wins.
    const race = await Promise.all([link(a.id, userId), link(b.id, userId, 'xinan')]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(race.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'conflict', field: 'userId' });
    const winner = race[0]!.statusCode === 200 ? a : b;
    expect((await account(winner.id)).json().linked).toEqual({ id: userId, username: 'dangyuan9', displayName: '新党员账号' });
    const links = await db().selectFrom('party_member_accounts').select('member_id').where('user_id', '=', userId).execute();
    expect(links).toEqual([{ member_id: winner.id }]);
    // The member's own sign-in now reads their points.
    const own = await (await t.as('dangyuan9'))({ url: '/api/party-points/mine' });
    expect(own.json().member.id).toBe(winner.id);
    expect((await link(winner.id, null)).json().linked).toBeNull();
    const events = await db().selectFrom('events').select(['action', 'to_state']).where('entity_id', '=', winner.id).where('action', 'like', '%_account').orderBy('id').execute();
    expect(events.map((e) => [e.action, JSON.parse(e.to_state!)])).toEqual([['link_account', { account: '新党员账号' }], ['unlink_account', {}]]);
    // A member kept on the community is outside a grid worker's grid.
    expect((await as.grid1!({ method: 'PUT', url: `/api/party-members/${a.id}/account`, payload: { userId } })).statusCode).toBe(404);
  });

  it('seeds members of every category in the demo street', async () => {
    const seeded = await db().selectFrom('party_members').select(['category', 'central_household']).execute();
    for (const c of ['resident_member', 'in_service_member', 'mobile_member', 'retired']) expect(seeded.some((m) => m.category === c), c).toBe(true);
    expect(seeded.some((m) => m.central_household === 1)).toBe(true);
  });
});
