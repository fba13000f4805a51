import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../../../contracts/months.js';
import { AGREEMENT_STATE_LABELS } from '../../../contracts/units.js';
import { newId } from '../../core/ids.js';
import { checkConformance, type KnownCaller } from '../../core/lifecycle/conformance.js';
import { DEMO_RESIDENT_PHONE } from '../../seed/demo-resident.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { multipartForm, tinyPng } from '../attachments/test-support.js';
import { asResident } from '../resident-h5/test-support.js';
import { needLifecycle } from './lifecycle.js';
import type { NeedTable } from './tables.js';

type Place = { id: string; path: string; name: string };
const zhEn = (m: { zh: string; en: string }) => m.zh.length > 0 && m.en.length > 0 && /[a-z]/.test(m.en) && m.zh !== m.en;

describe(`the three lists and partner units on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let resident: Client, stranger: Client;
  let beijiang: Place, shatou: Place, compound: Place;
  let hospital: string;
  const db = () => t.ctx.handle.db;
  const version = async (table: 'needs' | 'resources', id: string) => (await db().selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const step = async (who: string, id: string, action: string, body: Record<string, unknown> = {}) =>
    as[who]!({ method: 'POST', url: `/api/needs/${id}/${action}`, payload: { version: await version('needs', id), ...body } });

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'louzhang', 'gongjian', 'chengguan']) as[u] = await t.as(u);
    resident = await asResident(t, DEMO_RESIDENT_PHONE);
    stranger = await asResident(t, '13900009999');
    beijiang = await placeByName(t, '北江社区');
    shatou = await placeByName(t, '沙头社区');
    const grid1 = await placeByName(t, '北江社区第1网格');
    compound = await db().selectFrom('places').select(['id', 'path', 'name']).where('level', '=', 'compound').where('path', 'like', `${grid1.path}%`).orderBy('path').executeTakeFirstOrThrow();
    hospital = (await db().selectFrom('units').select('id').where('name', '=', '三水区人民医院').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('the demo street has 10–20 partner units per community, with agreements, some lapsing; a contact sees only their own unit', async () => {
    const communities = await db().selectFrom('places').select(['id', 'name']).where('level', '=', 'community').where('path', 'like', `${beijiang.path.split('/').slice(0, 3).join('/')}/%`).execute();
    for (const c of communities) {
      const res = await as.xinan!({ url: `/api/partner-units?placeId=${c.id}` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().total, c.name).toBeGreaterThanOrEqual(10);
      expect(res.json().total, c.name).toBeLessThanOrEqual(20);
    }
    const all = (await as.beijiang!({ url: '/api/partner-units' })).json().items as { agreementState: string; partnerKind: string; placeId: string }[];
    expect(new Set(all.map((u) => u.agreementState))).toEqual(new Set(['active', 'lapsing', 'lapsed', 'none']));
    expect(all.every((u) => u.placeId === beijiang.id)).toBe(true);
    const lapsing = (await as.beijiang!({ url: '/api/partner-units?agreement=lapsing' })).json().items;
    expect(lapsing.length).toBeGreaterThan(0);
    expect(lapsing.every((u: { agreementState: string }) => u.agreementState === 'lapsing')).toBe(true);
    const schools = (await as.beijiang!({ url: '/api/partner-units?partnerKind=school' })).json().items;
    expect(schools.map((u: { partnerKind: string }) => u.partnerKind)).toEqual(schools.map(() => 'school'));
    const own = (await as.gongjian!({ url: '/api/partner-units' })).json();
    expect(own.items.map((u: { id: string }) => u.id)).toEqual([hospital]);
  });

  it('an office signs up a partner unit, signs and renews its agreement (version checked), uploads the scan; others get 404, 409, 422', async () => {
    const created = await as.beijiang!({ method: 'POST', url: '/api/partner-units', payload: { placeId: beijiang.id, name: '北江燃气公司', partnerKind: 'company', contactName: '李工' } });
    expect(created.statusCode, created.body).toBe(201);
    const unit = created.json();
    expect(unit).toMatchObject({ partnerKind: 'company', contactName: '李工', agreement: null, agreementState: 'none', may: { edit: true, agreement: true } });
    expect((await as.beijiang!({ method: 'POST', url: '/api/partner-units', payload: { placeId: beijiang.id, name: '北江燃气公司', partnerKind: 'company' } })).statusCode).toBe(409);
    expect((await as.grid1!({ method: 'POST', url: '/api/partner-units', payload: { placeId: beijiang.id, name: '网格企业', partnerKind: 'company' } })).statusCode).toBe(404);
    expect((await as.beijiang!({ method: 'POST', url: '/api/partner-units', payload: { placeId: compound.id, name: '小区企业', partnerKind: 'company' } })).statusCode).toBe(422);
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    const signed = await as.beijiang!({ method: 'PUT', url: `/api/partner-units/${unit.id}/agreement`, payload: { version: 0, termStart: '2025-01-01', termEnd: soon, commitments: '每年为老旧小区检修燃气管道' } });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ agreementState: 'lapsing', agreement: { termEnd: soon, version: 1 } });
    const bad = await as.beijiang!({ method: 'PUT', url: `/api/partner-units/${unit.id}/agreement`, payload: { version: 1, termStart: '2027-01-01', termEnd: '2026-01-01', commitments: '续签' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'termEnd', message: { zh: '结束日期应晚于开始日期' } });
    const stale = await as.beijiang!({ method: 'PUT', url: `/api/partner-units/${unit.id}/agreement`, payload: { version: 0, termStart: '2026-01-01', termEnd: '2028-12-31', commitments: '续签' } });
    expect(stale.statusCode).toBe(409);
    const renewed = await as.xinan!({ method: 'PUT', url: `/api/partner-units/${unit.id}/agreement`, payload: { version: 1, termStart: '2026-01-01', termEnd: '2028-12-31', commitments: '续签三年' } });
    expect(renewed.json()).toMatchObject({ agreementState: 'active', agreement: { version: 2, commitments: '续签三年' } });
    const file = await as.beijiang!({ method: 'POST', url: `/api/partner-units/${unit.id}/agreement/files`, ...multipartForm({}, [{ filename: 'scan.png', type: 'image/png', data: tinyPng() }]) });
    expect(file.statusCode, file.body).toBe(200);
    expect(file.json().files).toHaveLength(1);
    const got = await as.beijiang!({ url: `/api/partner-units/${unit.id}/agreement/files/${file.json().files[0].id}` });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect((await as.gongjian!({ url: `/api/partner-units/${unit.id}` })).statusCode).toBe(404);
    expect((await as.grid1!({ method: 'PATCH', url: `/api/partner-units/${unit.id}`, payload: { version: 1, name: '改名' } })).statusCode).toBe(404);
    const events = await db().selectFrom('events').select('action').where('entity_id', '=', unit.id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['create', 'sign_agreement', 'renew_agreement']);
  });

  let need: string;
  let resource: string;

  it('the loop: a resident reports, the community publishes, sees suggestions with reasons, dispatches; the unit takes and delivers with a photo; the resident rates', async () => {
    const reported = await resident({ method: 'POST', url: '/api/h5/needs', payload: { title: '老人需要上门量血压', description: '独居老人行动不便,希望每周上门', category: 'health', placeId: compound.id } });
    expect(reported.statusCode, reported.body).toBe(201);
    need = reported.json().id;
    expect((await resident({ url: '/api/h5/needs' })).json().items.map((n: { id: string }) => n.id)).toContain(need);
    expect((await stranger({ url: `/api/h5/needs/${need}` })).statusCode).toBe(404);
    expect((await as.gongjian!({ url: `/api/needs/${need}` })).statusCode).toBe(404);
    const detail = (await as.beijiang!({ url: `/api/needs/${need}` })).json();
    expect(detail).toMatchObject({ state: 'reported', channel: 'h5', placeName: compound.name, actions: ['publish', 'reject', 'merge'], maySuggest: true });
    expect((await step('beijiang', need, 'publish')).json()).toMatchObject({ state: 'published', actions: ['merge', 'dispatch'] });

    const res = await as.beijiang!({ url: `/api/needs/${need}/suggestions` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { resourceId: string; unitId: string; category: string; score: number; reasons: { zh: string; en: string }[] }[];
    expect(items.length).toBeGreaterThan(1);
    // Same category ranks first; scores go down; every reason is a zh and en sentence.
    expect(items[0]!.category).toBe('health');
    expect(items.map((s) => s.score)).toEqual([...items.map((s) => s.score)].sort((a, b) => b - a));
    for (const s of items) { expect(s.reasons.length).toBe(4); expect(s.reasons.every(zhEn)).toBe(true); }
    const mine = items.find((s) => s.unitId === hospital && s.category === 'health')!;
    expect(mine.reasons[0]).toEqual({ zh: '类别相符(健康医疗)', en: 'Same category (Health)' });
    expect(mine.reasons[1]!.zh).toBe('服务本社区(北江社区)');
    expect((await as.grid1!({ url: `/api/needs/${need}/suggestions` })).statusCode).toBe(403);
    resource = mine.resourceId;

    const before = (await db().selectFrom('resources').selectAll().where('id', '=', resource).executeTakeFirstOrThrow());
    const left = before.period_of === currentMonth() ? before.remaining : before.capacity;
    const notPartner = await step('beijiang', need, 'dispatch', { unitId: (await db().selectFrom('units').select('id').where('kind', '=', 'department').executeTakeFirstOrThrow()).id });
    expect(notPartner.statusCode).toBe(422);
    const dispatched = await step('beijiang', need, 'dispatch', { unitId: hospital, resourceId: resource });
    expect(dispatched.json()).toMatchObject({ state: 'dispatched', unitId: hospital, resourceId: resource });
    // The contact now sees it, and only what is dispatched to the unit.
    const list = (await as.gongjian!({ url: '/api/needs' })).json();
    expect(list.items.map((n: { id: string }) => n.id)).toContain(need);
    expect(list.items.every((n: { unitId: string }) => n.unitId === hospital)).toBe(true);
    expect((await as.gongjian!({ url: `/api/needs/${need}` })).json().actions).toEqual(['take', 'decline']);
    expect((await step('gongjian', need, 'take')).json()).toMatchObject({ state: 'taken' });
    const after = await db().selectFrom('resources').select(['remaining', 'period_of']).where('id', '=', resource).executeTakeFirstOrThrow();
    expect(after).toEqual({ remaining: left - 1, period_of: currentMonth() });

    const noNote = await as.gongjian!({ method: 'POST', url: `/api/needs/${need}/deliver`, ...multipartForm({ version: String(await version('needs', need)) }) });
    expect(noNote.statusCode).toBe(400);
    const delivered = await as.gongjian!({ method: 'POST', url: `/api/needs/${need}/deliver`,
      ...multipartForm({ version: String(await version('needs', need)), note: '医生上门测量血压并建立随访档案' }, [{ filename: 'visit.png', type: 'image/png', data: tinyPng() }]) });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({ state: 'delivered', deliveryNote: '医生上门测量血压并建立随访档案' });
    const withPhoto = (await resident({ url: `/api/h5/needs/${need}` })).json();
    expect(withPhoto.photos).toHaveLength(1);
    expect(withPhoto.actions).toEqual(['rate']);
    expect(withPhoto.events.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
    expect((await stranger({ method: 'POST', url: `/api/h5/needs/${need}/rate`, payload: { version: withPhoto.version, rating: 1 } })).statusCode).toBe(404);
    expect((await resident({ method: 'POST', url: `/api/h5/needs/${need}/rate`, payload: { version: withPhoto.version, rating: 6 } })).statusCode).toBe(400);
    const rated = await resident({ method: 'POST', url: `/api/h5/needs/${need}/rate`, payload: { version: withPhoto.version, rating: 5, comment: '医生很耐心' } });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ state: 'rated', rating: 5, ratingComment: '医生很耐心', actions: [] });
    const events = await db().selectFrom('events').select('action').where('entity_type', '=', 'need').where('entity_id', '=', need).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['report', 'publish', 'dispatch', 'take', 'deliver', 'add_photos', 'rate']);
    // The rating now counts in that resource's suggestions.
    const again = (await as.beijiang!({ url: `/api/needs/${need}/suggestions` })).json().items.find((s: { resourceId: string }) => s.resourceId === resource);
    expect(again.ratings).toBeGreaterThanOrEqual(1);
  });

  const fresh = async (state: NeedTable['state'], extra: Partial<NeedTable> = {}) => {
    const id = newId();
    const now = new Date().toISOString();
    await db().insertInto('needs').values({ id, title: '测试需求', description: '测试', category: 'health', urgency: 'normal', place_id: compound.id, place_path: compound.path,
      channel: 'staff', state, version: 1, created_at: now, updated_at: now, ...extra }).execute();
    return id;
  };

  it('a unit declines with a reason (back to published, nothing left for it to do); the office rejects with a reason and merges a duplicate', async () => {
    const id = await fresh('dispatched', { unit_id: hospital });
    expect((await step('gongjian', id, 'decline')).statusCode).toBe(400);
    const declined = await step('gongjian', id, 'decline', { reason: '本月医生排班已满' });
    expect(declined.json()).toMatchObject({ state: 'published', declineReason: '本月医生排班已满', actions: [] });
    expect((await as.beijiang!({ url: `/api/needs/${id}` })).json().actions).toEqual(['merge', 'dispatch']);
    const r = await fresh('reported');
    expect((await step('beijiang', r, 'reject', { reason: '不属于服务范围' })).json()).toMatchObject({ state: 'rejected', rejectReason: '不属于服务范围' });
    const dup = await fresh('reported');
    expect((await step('beijiang', dup, 'merge', { intoId: dup })).statusCode).toBe(409);
    expect((await step('beijiang', dup, 'merge', { intoId: r })).json()).toMatchObject({ code: 'bad_merge' });
    expect((await step('beijiang', dup, 'merge', { intoId: id })).json()).toMatchObject({ state: 'merged', mergedInto: id });
  });

  it('staff and building heads report from the app; the building head sees only what he filed', async () => {
    const building = { id: (await as.louzhang!({ url: '/api/me' })).json().roles[0].placeId as string };
    const byHead = await as.louzhang!({ method: 'POST', url: '/api/needs', payload: { title: '楼道灯需要更换', description: '一楼楼道灯坏了', category: 'repairs', placeId: building.id } });
    expect(byHead.statusCode, byHead.body).toBe(201);
    expect(byHead.json()).toMatchObject({ channel: 'building_head', state: 'reported' });
    const byGrid = await as.grid1!({ method: 'POST', url: '/api/needs', payload: { title: '困难家庭需要就业帮扶', description: '家中两人失业', category: 'employment', urgency: 'urgent', placeId: compound.id } });
    expect(byGrid.json()).toMatchObject({ channel: 'grid_worker', urgency: 'urgent' });
    const heads = (await as.louzhang!({ url: '/api/needs' })).json();
    expect(heads.items.map((n: { id: string }) => n.id)).toEqual([byHead.json().id]);
    expect((await as.louzhang!({ url: `/api/needs/${byGrid.json().id}` })).statusCode).toBe(404);
    expect((await as.chengguan!({ method: 'POST', url: '/api/needs', payload: { title: '部门上报', description: '部门上报', category: 'other', placeId: compound.id } })).statusCode).toBe(403);
    expect((await as.beijiang!({ method: 'POST', url: '/api/needs', payload: { title: '街道级需求', description: '街道', category: 'other', placeId: (await placeByName(t, '西南街道')).id } })).statusCode).toBe(404);
  });

  it('a need is reported with photos, from the phone and from the app (multipart); a bad photo or a place outside writes nothing', async () => {
    const fields = { title: '楼道扶手松动', description: '三楼扶手松了,老人上下楼危险', category: 'repairs', placeId: compound.id };
    const png = { filename: 'rail.png', type: 'image/png', data: tinyPng() };
    const byPhone = await resident({ method: 'POST', url: '/api/h5/needs', ...multipartForm(fields, [png, { ...png, filename: 'rail2.png' }]) });
    expect(byPhone.statusCode, byPhone.body).toBe(201);
    const mine = (await resident({ url: `/api/h5/needs/${byPhone.json().id}` })).json();
    expect(mine.photos.map((p: { stage: string }) => p.stage)).toEqual(['report', 'report']);
    expect(mine.events.map((e: { action: string }) => e.action)).toEqual(['report', 'add_photos']);
    // The office sees and opens them.
    const seen = (await as.beijiang!({ url: `/api/needs/${byPhone.json().id}` })).json();
    const photo = await as.beijiang!({ url: `/api/needs/${seen.id}/photos/${seen.photos[0].id}` });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');

    const byGrid = await as.grid1!({ method: 'POST', url: '/api/needs', ...multipartForm({ ...fields, urgency: 'urgent' }, [png]) });
    expect(byGrid.statusCode, byGrid.body).toBe(201);
    expect(byGrid.json()).toMatchObject({ channel: 'grid_worker', urgency: 'urgent' });
    expect((await as.grid1!({ url: `/api/needs/${byGrid.json().id}` })).json().photos).toHaveLength(1);

    const count = async () => [Number((await db().selectFrom('needs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
      Number((await db().selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_type', '=', 'need').executeTakeFirstOrThrow()).n)];
    const before = await count();
    const notImage = await resident({ method: 'POST', url: '/api/h5/needs', ...multipartForm(fields, [{ filename: 'x.png', type: 'image/png', data: Buffer.from('not a picture') }]) });
    expect(notImage.statusCode).toBe(422);
    expect(notImage.json()).toMatchObject({ code: 'bad_photo_type', field: 'photos.0' });
    const noTitle = await as.grid1!({ method: 'POST', url: '/api/needs', ...multipartForm({ ...fields, title: '' }, [png]) });
    expect(noTitle.statusCode).toBe(400);
    expect(noTitle.json()).toMatchObject({ field: 'title' });
    const outside = await as.beijiang!({ method: 'POST', url: '/api/needs', ...multipartForm({ ...fields, placeId: (await placeByName(t, '沙头社区第1网格')).id }, [png]) });
    expect(outside.statusCode).toBe(404);
    expect(await count()).toEqual(before);
  });

  it('an office turns a work order into a need once; the need names the order and the order’s timeline the need', async () => {
    // The demo's orders (the building head's mailbox) lie in 北江社区第1网格, not always in the compound picked above.
    const grid1 = await placeByName(t, '北江社区第1网格');
    const order = await db().selectFrom('work_orders').select(['id', 'title']).where('place_path', 'like', `${grid1.path}%`).orderBy('id').executeTakeFirstOrThrow();
    const res = await as.beijiang!({ method: 'POST', url: '/api/needs/from-work-order', payload: { workOrderId: order.id, category: 'repairs' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ channel: 'work_order', workOrderId: order.id, title: order.title.slice(0, 60), state: 'reported', actions: ['publish', 'reject', 'merge'] });
    const again = await as.xinan!({ method: 'POST', url: '/api/needs/from-work-order', payload: { workOrderId: order.id, category: 'repairs' } });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate', field: 'workOrderId' });
    expect((await as.grid1!({ method: 'POST', url: '/api/needs/from-work-order', payload: { workOrderId: order.id, category: 'repairs' } })).statusCode).toBe(403);
    const linked = (await as.beijiang!({ url: `/api/needs?workOrderId=${order.id}` })).json();
    expect(linked.items.map((n: { id: string }) => n.id)).toEqual([res.json().id]);
    const back = await db().selectFrom('events').select(['action', 'to_state']).where('entity_type', '=', 'work_order').where('entity_id', '=', order.id).where('action', '=', 'to_need').execute();
    expect(back.map((e) => JSON.parse(String(e.to_state)))).toEqual([{ needId: res.json().id }]);
  });

  it('two takes of the last capacity at once: one wins, the other 409 and nothing of it is written; remaining never below zero', async () => {
    const created = await as.gongjian!({ method: 'POST', url: '/api/resources', payload: { title: '周末义诊', description: '每月一次', category: 'health', capacity: 1, placeId: beijiang.id } });
    expect(created.statusCode, created.body).toBe(201);
    const rid = created.json().id;
    expect(created.json()).toMatchObject({ state: 'submitted', unitId: hospital, remaining: 1 });
    expect((await as.gongjian!({ method: 'POST', url: `/api/resources/${rid}/publish`, payload: { version: 1 } })).statusCode).toBe(403);
    expect((await as.beijiang!({ method: 'POST', url: `/api/resources/${rid}/publish`, payload: { version: 1 } })).json()).toMatchObject({ state: 'published' });
    const a = await fresh('dispatched', { unit_id: hospital, resource_id: rid });
    const b = await fresh('dispatched', { unit_id: hospital, resource_id: rid });
    const results = await Promise.all([a, b].map((id) => as.gongjian!({ method: 'POST', url: `/api/needs/${id}/take`, payload: { version: 1 } })));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'no_capacity', message: { zh: '该资源本月可服务次数已用完' } });
    const states = await db().selectFrom('needs').select('state').where('id', 'in', [a, b]).execute();
    expect(states.map((s) => s.state).sort()).toEqual(['dispatched', 'taken']);
    expect((await db().selectFrom('resources').select('remaining').where('id', '=', rid).executeTakeFirstOrThrow()).remaining).toBe(0);
    const takes = await db().selectFrom('events').select('entity_id').where('action', '=', 'take').where('entity_id', 'in', [a, b]).execute();
    expect(takes).toHaveLength(1);
    // The contact sees their own resources only; the community sees its subtree's.
    const mine = (await as.gongjian!({ url: '/api/resources' })).json().items;
    expect(mine.every((r: { unitId: string }) => r.unitId === hospital)).toBe(true);
    expect((await as.beijiang!({ url: `/api/resources?placeId=${shatou.id}` })).statusCode).toBe(404);
  });

  it('an office dispatches a need to a party member with a linked sign-in; the member takes, declines and delivers it like a unit’s contact', async () => {
    for (const u of ['dangyuan', 'zaizhi']) as[u] = await t.as(u);
    const linkOf = async (username: string) => (await db().selectFrom('party_member_accounts as a').innerJoin('users as u', 'u.id', 'a.user_id')
      .select('a.member_id').where('u.username', '=', username).executeTakeFirstOrThrow()).member_id;
    const member = await linkOf('dangyuan');
    const id = await fresh('published');
    const offered = await as.beijiang!({ url: `/api/needs/${id}/members` });
    expect(offered.statusCode, offered.body).toBe(200);
    const items = offered.json().items as { id: string; name: string; orgName: string }[];
    expect(items.map((m) => m.id)).toContain(member);
    expect(items.every((m) => m.name.length > 0 && m.orgName.length > 0)).toBe(true);
    expect(JSON.stringify(offered.json())).not.toMatch(/userId|phone/);
    expect((await as.grid1!({ url: `/api/needs/${id}/members` })).statusCode).toBe(403);

    // One of a unit or a member; a member without a sign-in, or outside the community's subtree, is refused and nothing is written.
    for (const body of [{}, { unitId: hospital, memberId: member }]) {
      const res = await step('beijiang', id, 'dispatch', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ field: 'unitId', message: { zh: '请选择一个共建单位或一名党员' } });
    }
    const unlinked = await db().selectFrom('party_members').select('id').where('state', '=', 'active').where('place_path', 'like', `${beijiang.path}%`)
      .where('id', 'not in', db().selectFrom('party_member_accounts').select('member_id')).orderBy('id').executeTakeFirstOrThrow();
    const outside = await db().selectFrom('party_members').select('id').where('state', '=', 'active').where('place_path', 'like', `${shatou.path}%`).orderBy('id').executeTakeFirstOrThrow();
    expect(items.map((m) => m.id)).not.toContain(unlinked.id);
    for (const m of [unlinked.id, outside.id]) {
      const res = await step('beijiang', id, 'dispatch', { memberId: m });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'member_unavailable', field: 'memberId' });
    }
    expect(await version('needs', id)).toBe(1);

    const dispatched = await step('beijiang', id, 'dispatch', { memberId: member });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json()).toMatchObject({ state: 'dispatched', memberId: member, unitId: null, resourceId: null });
    const list = (await as.dangyuan!({ url: '/api/needs' })).json();
    expect(list.items.map((n: { id: string }) => n.id)).toContain(id);
    expect(list.items.every((n: { memberId: string }) => n.memberId === member)).toBe(true);
    const seen = (await as.dangyuan!({ url: `/api/needs/${id}` })).json();
    expect(seen).toMatchObject({ actions: ['take', 'decline'], memberName: items.find((m) => m.id === member)!.name });
    // Another member, and the hospital's contact, do not see it.
    expect((await as.zaizhi!({ url: `/api/needs/${id}` })).statusCode).toBe(404);
    expect((await step('zaizhi', id, 'take')).statusCode).toBe(404);
    expect((await as.gongjian!({ url: `/api/needs/${id}` })).statusCode).toBe(404);
    expect((await step('dangyuan', id, 'take')).json()).toMatchObject({ state: 'taken' });
    const delivered = await as.dangyuan!({ method: 'POST', url: `/api/needs/${id}/deliver`,
      ...multipartForm({ version: String(await version('needs', id)), note: '党员上门帮老人调试宽带' }, [{ filename: 'fix.png', type: 'image/png', data: tinyPng() }]) });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json()).toMatchObject({ state: 'delivered', deliveryNote: '党员上门帮老人调试宽带', actions: [] });
    const events = await db().selectFrom('events').select(['action', 'to_state']).where('entity_type', '=', 'need').where('entity_id', '=', id).orderBy('id').execute();
    expect(events.map((e) => e.action)).toEqual(['dispatch', 'take', 'deliver', 'add_photos']);
    expect(JSON.parse(String(events[0]!.to_state))).toMatchObject({ state: 'dispatched', memberId: member });

    // Declined by the member: back to published, nothing left for them; dispatched again to a unit, the member no longer sees it.
    const other = await fresh('published');
    await step('beijiang', other, 'dispatch', { memberId: member });
    expect((await step('dangyuan', other, 'decline', { reason: '这周出差' })).json()).toMatchObject({ state: 'published', declineReason: '这周出差', actions: [] });
    expect((await as.beijiang!({ url: `/api/needs/${other}` })).json().actions).toEqual(['merge', 'dispatch']);
    expect((await step('beijiang', other, 'dispatch', { unitId: hospital })).json()).toMatchObject({ state: 'dispatched', unitId: hospital, memberId: null });
    expect((await as.dangyuan!({ url: `/api/needs/${other}` })).statusCode).toBe(404);
    expect((await as.gongjian!({ url: `/api/needs/${other}` })).json().actions).toEqual(['take', 'decline']);
  });

  it('the members are ranked for a need with their reasons (where they live, a post held here, what they hold, ratings); whoever it is dispatched to is told', async () => {
    const linked = await db().selectFrom('party_member_accounts as a').innerJoin('users as u', 'u.id', 'a.user_id').innerJoin('party_members as m', 'm.id', 'a.member_id')
      .select(['a.member_id', 'a.user_id', 'u.username', 'm.place_path']).where('u.username', 'in', ['dangyuan', 'zaizhi']).execute();
    const dangyuan = linked.find((l) => l.username === 'dangyuan')!;
    // A need in dangyuan's own building (their household's parent).
    const building = dangyuan.place_path.split('/').filter(Boolean).slice(0, 6);
    const buildingPath = `/${building.join('/')}/`;
    const id = await fresh('published', { place_id: building.at(-1)!, place_path: buildingPath });
    // Any post the demo lets them hold is set aside, so that the one held below is the only one.
    await db().updateTable('party_claims').set({ state: 'vacated' }).where('member_id', '=', dangyuan.member_id).where('state', '=', 'holding').execute();
    const rank = async () => (await as.beijiang!({ url: `/api/needs/${id}/members` })).json().items as
      { id: string; score: number; openNeeds: number; rating: number | null; reasons: { zh: string; en: string }[] }[];
    const before = await rank();
    const mine = before.find((m) => m.id === dangyuan.member_id)!;
    expect(mine.reasons[0]!.zh).toBe('住在需求所在楼栋');
    expect(mine.reasons.every(zhEn)).toBe(true);
    expect(before.map((m) => m.score)).toEqual([...before.map((m) => m.score)].sort((a, b) => b - a));
    // The demo gives dangyuan no needs of their own (it gives zaizhi some): nothing on hand, no ratings yet.
    expect(mine).toMatchObject({ openNeeds: 0, rating: null });
    expect(mine.reasons.slice(1).map((r) => r.zh)).toEqual(['手上没有未办完的需求', '尚无评价']);

    // A post held over the need's place counts; so do the needs already on hand and the ratings of those delivered.
    const post = newId();
    const now = new Date().toISOString();
    await db().insertInto('party_posts').values({ id: post, kind: 'building_head', title: '测试楼栋党员楼长', duties: '联系本楼住户', place_id: building.at(-1)!, place_path: buildingPath,
      places_total: 1, places_taken: 1, state: 'open', version: 1, created_at: now, updated_at: now }).execute();
    await db().insertInto('party_claims').values({ id: newId(), post_id: post, member_id: dangyuan.member_id, place_id: building.at(-1)!, place_path: buildingPath, source: 'self',
      recommender_index: null, state: 'holding', version: 1, created_at: now, updated_at: now }).execute();
    await fresh('taken', { member_id: dangyuan.member_id, member_user_id: dangyuan.user_id });
    await fresh('rated', { member_id: dangyuan.member_id, member_user_id: dangyuan.user_id, rating: 5 });
    const after = (await rank()).find((m) => m.id === dangyuan.member_id)!;
    expect(after.reasons.map((r) => r.zh)).toEqual(['住在需求所在楼栋', '在此担任测试楼栋党员楼长', '手上还有1条未办完的需求', '以往1次评价平均5.0星']);
    expect(after).toMatchObject({ openNeeds: 1, rating: 5 });
    expect(after.score).toBe(mine.score + 15 - 5 + 5);
    expect(mine.score).toBe(40);

    // Dispatched to the member: one line in their inbox that names the need and opens it; a unit's contact is told the same way.
    const inbox = async (user: string) => db().selectFrom('notifications').select(['kind', 'entity_type', 'entity_id', 'text_zh']).where('user_id', '=', user).where('entity_id', '=', id).execute();
    expect(await inbox(dangyuan.user_id)).toEqual([]);
    expect((await step('beijiang', id, 'dispatch', { memberId: dangyuan.member_id })).statusCode).toBe(200);
    expect(await inbox(dangyuan.user_id)).toEqual([{ kind: 'need_dispatched', entity_type: 'need', entity_id: id, text_zh: '需求“测试需求”已派给您,请接单或说明不能接的理由' }]);
    const bell = (await as.dangyuan!({ url: '/api/notifications' })).json().items as { entityType: string; entityId: string }[];
    expect(bell.some((n) => n.entityType === 'need' && n.entityId === id)).toBe(true);
    expect((await step('dangyuan', id, 'decline', { reason: '这周出差' })).statusCode).toBe(200);
    expect((await step('beijiang', id, 'dispatch', { unitId: hospital })).statusCode).toBe(200);
    const contact = (await db().selectFrom('users').select('id').where('username', '=', 'gongjian').executeTakeFirstOrThrow()).id;
    expect((await inbox(contact)).map((n) => n.kind)).toEqual(['need_dispatched']);
    // Outside the office's subtree the ranking is 404, inside it for who may not dispatch 403.
    expect((await as.grid1!({ url: `/api/needs/${id}/members` })).statusCode).toBe(403);
    const elsewhere = await fresh('published', { place_id: shatou.id, place_path: shatou.path });
    expect((await as.beijiang!({ url: `/api/needs/${elsewhere}/members` })).statusCode).toBe(404);
  });

  it('a resource carries its schedule and conditions, shown in the list and on the suggestion', async () => {
    const body = { title: '上门康复指导', description: '康复科医生上门指导', category: 'elderly', capacity: 3, placeId: beijiang.id };
    const tooLong = await as.gongjian!({ method: 'POST', url: '/api/resources', payload: { ...body, schedule: '周'.repeat(101) } });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ field: 'schedule' });
    const created = await as.gongjian!({ method: 'POST', url: '/api/resources', payload: { ...body, schedule: '每周三 14:00-16:00', conditions: '限行动不便的老人,需提前预约' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ schedule: '每周三 14:00-16:00', conditions: '限行动不便的老人,需提前预约' });
    const rid = created.json().id;
    await as.beijiang!({ method: 'POST', url: `/api/resources/${rid}/publish`, payload: { version: 1 } });
    const listed = (await as.beijiang!({ url: '/api/resources?category=elderly&state=published' })).json().items.find((r: { id: string }) => r.id === rid);
    expect(listed).toMatchObject({ schedule: '每周三 14:00-16:00', conditions: '限行动不便的老人,需提前预约' });
    const plain = await as.gongjian!({ method: 'POST', url: '/api/resources', payload: { ...body, title: '无时间的资源', schedule: '' } });
    expect(plain.json()).toMatchObject({ schedule: null, conditions: null });
    const id = await fresh('published', { category: 'elderly' });
    const suggested = (await as.beijiang!({ url: `/api/needs/${id}/suggestions` })).json().items.find((x: { resourceId: string }) => x.resourceId === rid);
    expect(suggested).toMatchObject({ schedule: '每周三 14:00-16:00', conditions: '限行动不便的老人,需提前预约' });
  });

  it('the needs, resources and partner units ledgers: .xlsx of the office’s subtree, each row as the lists say; 403 for a grid worker', async () => {
    const { NEEDS_LEDGER, RESOURCES_LEDGER } = await import('./ledger.js');
    const { PARTNER_UNITS_LEDGER } = await import('../units/index.js');
    const sheetOf = async (url: string) => {
      const res = await as.beijiang!({ url });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0]!;
      const rows: string[][] = [];
      const width = sheet.getRow(1).cellCount;
      sheet.eachRow((row) => {
        rows.push(Array.from({ length: width }, (_, i) => { const v = row.getCell(i + 1).value; return v instanceof Date ? v.toISOString() : String(v ?? ''); }));
      });
      return { name: sheet.name, header: rows[0]!, body: rows.slice(1), disposition: String(res.headers['content-disposition']) };
    };
    const column = (header: string[], name: string) => header.indexOf(name);
    const grid = await placeByName(t, '北江社区第1网格');

    const needs = await sheetOf(`/api/needs.xlsx?placeId=${beijiang.id}`);
    expect(needs.name).toBe('需求清单');
    expect(needs.header).toEqual(NEEDS_LEDGER.columns.map((c) => c.header));
    expect(needs.disposition).toContain('filename="needs.xlsx"');
    const listed = (await as.beijiang!({ url: `/api/needs?placeId=${beijiang.id}&limit=1` })).json().total;
    expect(needs.body).toHaveLength(listed);
    const states = new Set(needs.body.map((r) => r[column(needs.header, '状态')]));
    expect(states).toContain('已评价');
    expect([...states].every((s) => /[\u4e00-\u9fa5]/.test(s!))).toBe(true);
    // The need delivered by the party member names them.
    expect(needs.body.some((r) => r[0] === '测试需求' && r[column(needs.header, '承接单位或党员')]!.startsWith('党员 '))).toBe(true);
    expect(needs.body.some((r) => r[column(needs.header, '承接单位或党员')] === '三水区人民医院')).toBe(true);

    const resources = await sheetOf(`/api/resources.xlsx?placeId=${beijiang.id}`);
    expect(resources.header).toEqual(RESOURCES_LEDGER.columns.map((c) => c.header));
    const own = resources.body.find((r) => r[0] === '上门康复指导')!;
    expect(own[column(resources.header, '服务时间')]).toBe('每周三 14:00-16:00');
    expect(own[column(resources.header, '服务条件')]).toBe('限行动不便的老人,需提前预约');
    expect(own[column(resources.header, '提供单位')]).toBe('三水区人民医院');
    expect(resources.body).toHaveLength((await as.beijiang!({ url: `/api/resources?placeId=${beijiang.id}&limit=1` })).json().total);

    const units = await sheetOf(`/api/partner-units.xlsx?placeId=${beijiang.id}`);
    expect(units.header).toEqual(PARTNER_UNITS_LEDGER.columns.map((c) => c.header));
    const listedUnits = (await as.beijiang!({ url: `/api/partner-units?placeId=${beijiang.id}` })).json().items as { name: string; agreementState: string }[];
    expect(units.body.map((r) => r[0])).toEqual(listedUnits.map((u) => u.name));
    expect(new Set(units.body.map((r) => r[column(units.header, '协议状态')]))).toEqual(new Set(Object.values(AGREEMENT_STATE_LABELS).map((l) => l.zh)));

    for (const url of [`/api/needs.xlsx?placeId=${beijiang.id}`, `/api/resources.xlsx?placeId=${beijiang.id}`, `/api/partner-units.xlsx?placeId=${beijiang.id}`]) {
      // A grid worker over their own grid may not export it; the community above is outside their subtree.
      expect((await as.grid1!({ url: url.replace(beijiang.id, grid.id) })).statusCode, url).toBe(403);
      expect((await as.grid1!({ url })).statusCode, url).toBe(404);
      expect((await as.beijiang!({ url: url.replace(beijiang.id, shatou.id) })).statusCode, url).toBe(404);
    }
    const ledgers = (await as.beijiang!({ url: '/api/ledgers' })).json().items as { key: string; href: string }[];
    expect(ledgers.filter((l) => ['needs', 'resources', 'partner-units'].includes(l.key)).map((l) => l.href).sort())
      .toEqual(['/api/needs.xlsx?placeId={placeId}', '/api/partner-units.xlsx?placeId={placeId}', '/api/resources.xlsx?placeId={placeId}']);
    expect((await as.grid1!({ url: '/api/ledgers' })).json().items.map((l: { key: string }) => l.key)).not.toContain('needs');
  });

  it('the need’s state table conforms: illegal steps 409, outsiders 403/404, of four racing one wins (two contacts taking at once)', async () => {
    const grid1 = await t.ctx.handle.db.selectFrom('users').select('id').where('username', '=', 'grid1').executeTakeFirstOrThrow();
    const target = await fresh('published');
    const callers: KnownCaller[] = [
      { name: 'beijiang', client: as.beijiang!, holds: ['community_worker'] },
      { name: 'xinan', client: as.xinan!, holds: ['street_staff'] },
      { name: 'gongjian', client: as.gongjian!, holds: ['assignee'] },
      { name: 'grid1', client: as.grid1!, holds: ['reporter'] },
      { name: 'chengguan', client: as.chengguan!, holds: [] },
    ];
    const failures = await checkConformance({
      def: needLifecycle, callers,
      make: async (state) => fresh(state as NeedTable['state'], { unit_id: hospital, reporter_user_id: grid1.id }),
      version: (id) => version('needs', id),
      snapshot: async (id) => Promise.all([db().selectFrom('needs').selectAll().where('id', '=', id).executeTakeFirst(),
        db().selectFrom('events').select(['id', 'action']).where('entity_id', '=', id).orderBy('id').execute()]),
      request: async (id, action, v) => ({ method: 'POST', url: `/api/needs/${id}/${action}`, payload: { version: v, ...({
        reject: { reason: '理由充分' }, decline: { reason: '理由充分' }, merge: { intoId: target }, dispatch: { unitId: hospital }, deliver: { note: '已完成服务' }, rate: { rating: 4 },
      } as Record<string, object>)[action] } }),
    });
    expect(failures).toEqual([]);
  });
});
