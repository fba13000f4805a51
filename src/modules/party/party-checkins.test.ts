import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentDay } from '../../../contracts/months.js';
import { newId } from '../../core/ids.js';
import { checkConformance, type KnownCaller } from '../../core/lifecycle/conformance.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { partyCheckinLifecycle } from './checkin-lifecycle.js';
import { announceEmployerReports, lastHalf } from './checkin-report-job.js';

type Place = { id: string; path: string; name: string };
const year = currentDay().slice(0, 4);
const half = `${year}-H${Number(currentDay().slice(5, 7)) <= 6 ? 1 : 2}`;

describe(`dual check-in (双报到) on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let beijiang: Place, shatou: Place;
  let me: { id: string; name: string };
  let mine: string;
  let hospital: string;
  const db = () => t.ctx.handle.db;

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'zaizhi', 'dangyuan', 'gongjian', 'chengguan']) as[u] = await t.as(u);
    beijiang = await placeByName(t, '北江社区');
    shatou = await placeByName(t, '沙头社区');
    hospital = (await db().selectFrom('units').select('id').where('name', '=', '三水区人民医院').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  const step = (who: string, id: string, action: string, body: Record<string, unknown> = {}) => async () => {
    const v = (await db().selectFrom('party_checkins').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    return as[who]!({ method: 'POST', url: `/api/party-checkins/${id}/${action}`, payload: { version: v, ...body } });
  };
  const missing = async (kind: string, of = '', who = 'beijiang') =>
    as[who]!({ url: `/api/party-checkins/missing?placeId=${beijiang.id}&kind=${kind}${of ? `&of=${of}` : ''}` });

  it('the demo links zaizhi to an in-service member of 北江社区 employed by the gongjian contact’s unit, checked in last year only, with the default rule', async () => {
    const res = await as.zaizhi!({ url: '/api/party-checkins/mine' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.member.category).toBe('in_service_member');
    expect(body.community).toMatchObject({ id: beijiang.id, rules: { deadline: '06-30', reportPeriod: 'half', version: 0 } });
    expect(body.items.map((c: { year: string; state: string }) => [c.year, c.state])).toEqual([[String(Number(year) - 1), 'confirmed']]);
    me = body.member;
    const row = await db().selectFrom('party_members').select('unit_id').where('id', '=', me.id).executeTakeFirstOrThrow();
    expect(row.unit_id).toBe(hospital);
    // The demo street has check-ins of this year in every state.
    const states = await db().selectFrom('party_checkins').select('state').distinct().where('year', '=', year).execute();
    expect(states.map((s) => s.state).sort()).toEqual(['confirmed', 'declined', 'submitted']);
  });

  it('a member checks in (submitted); once a year (409); only an in-service member (422), only a party member (403)', async () => {
    const res = await as.zaizhi!({ method: 'POST', url: '/api/party-checkins/mine', payload: { note: '周末可参加志愿服务' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'submitted', placeId: beijiang.id, placeName: '北江社区', unitId: hospital, kind: 'in_service_member', year, version: 1 });
    mine = res.json().id;
    const again = await as.zaizhi!({ method: 'POST', url: '/api/party-checkins/mine', payload: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'duplicate', field: 'year', message: { zh: '本年度已报到(待确认或已确认)' } });
    expect((await as.dangyuan!({ method: 'POST', url: '/api/party-checkins/mine', payload: {} })).statusCode).toBe(422);
    expect((await as.gongjian!({ method: 'POST', url: '/api/party-checkins/mine', payload: {} })).statusCode).toBe(403);
    expect((await as.zaizhi!({ method: 'POST', url: '/api/party-checkins/mine', payload: { placeId: (await placeByName(t, '北江社区第1网格')).id } })).statusCode).toBe(422);
    const events = await db().selectFrom('events').select(['action', 'actor_name']).where('entity_id', '=', mine).execute();
    expect(events).toEqual([{ action: 'check_in', actor_name: '在职党员' }]);
  });

  it('the community declines with a reason (required), the member checks in again, the community confirms', async () => {
    const queue = (await as.beijiang!({ url: `/api/party-checkins?placeId=${beijiang.id}&state=submitted&year=${year}` })).json();
    const item = queue.items.find((c: { id: string }) => c.id === mine);
    expect(item).toMatchObject({ memberName: me.name, unitName: '三水区人民医院', actions: ['confirm', 'decline'] });
    expect((await step('beijiang', mine, 'decline')()).statusCode).toBe(400);
    const declined = await step('beijiang', mine, 'decline', { reason: '请填写正确的居住小区' })();
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ state: 'declined', declineReason: '请填写正确的居住小区' });
    expect((await step('beijiang', mine, 'confirm')()).statusCode).toBe(409);
    const again = await as.zaizhi!({ method: 'POST', url: '/api/party-checkins/mine', payload: {} });
    expect(again.statusCode, again.body).toBe(201);
    const confirmed = await step('xinan', again.json().id, 'confirm')();
    expect(confirmed.json()).toMatchObject({ state: 'confirmed', version: 2 });
    expect(confirmed.json().decidedAt).toBeTruthy();
    const events = await db().selectFrom('events').select(['entity_id', 'action', 'reason']).where('entity_type', '=', 'party_checkin')
      .where('entity_id', 'in', [mine, again.json().id]).orderBy('id').execute();
    expect(events.map((e) => [e.entity_id === mine ? 'first' : 'second', e.action, e.reason])).toEqual([
      ['first', 'check_in', null], ['first', 'decline', '请填写正确的居住小区'], ['second', 'check_in', null], ['second', 'confirm', null]]);
    const own = (await as.zaizhi!({ url: '/api/party-checkins/mine' })).json();
    expect(own.items.slice(0, 2).map((c: { state: string }) => c.state)).toEqual(['confirmed', 'declined']);
  });

  it('is 404 outside the caller’s subtree and 403 without an office', async () => {
    expect((await as.beijiang!({ url: `/api/party-checkins?placeId=${shatou.id}` })).statusCode).toBe(404);
    expect((await as.beijiang!({ url: `/api/party-checkins/missing?placeId=${shatou.id}&kind=checkin` })).statusCode).toBe(404);
    expect((await as.grid1!({ url: `/api/party-checkins?placeId=${beijiang.id}` })).statusCode).toBe(404);
    const other = await db().selectFrom('party_checkins').select(['id', 'version']).where('place_id', '=', shatou.id).where('state', '=', 'submitted').executeTakeFirstOrThrow();
    expect((await as.beijiang!({ method: 'POST', url: `/api/party-checkins/${other.id}/confirm`, payload: { version: other.version } })).statusCode).toBe(404);
    expect((await as.gongjian!({ url: `/api/party-checkins?placeId=${beijiang.id}` })).statusCode).toBe(403);
    expect((await as.xinan!({ url: `/api/party-checkins?placeId=${shatou.id}` })).statusCode).toBe(200);
    expect((await as.beijiang!({ url: `/api/party-checkins/rules?placeId=${(await placeByName(t, '北江社区第1网格')).id}` })).statusCode).toBe(422);
  });

  it('the employer contact sees only its own unit’s members, with service and no personal data; another unit’s contact sees none', async () => {
    const res = await as.gongjian!({ url: `/api/party-checkins/employer?of=${half}` });
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.unitName).toBe('三水区人民医院');
    expect(view.members.length).toBeGreaterThan(3);
    const units = await db().selectFrom('party_members').select('unit_id').distinct().where('id', 'in', view.members.map((m: { memberId: string }) => m.memberId)).execute();
    expect(units).toEqual([{ unit_id: hospital }]);
    expect(view.members.find((m: { memberId: string }) => m.memberId === me.id)).toMatchObject({ name: me.name, state: 'confirmed', placeName: '北江社区', hours: 0, ratings: 0 });
    for (const m of view.members) {
      expect(Object.keys(m).sort()).toEqual(['checkedInAt', 'decidedAt', 'declineReason', 'hours', 'kind', 'memberId', 'name', 'placeName', 'posts', 'ratings', 'state']);
    }
    expect(res.body).not.toMatch(/phone|idNumber|household|1[3-9]\d\*{4}\d{4}/);
    const other = (await as.chengguan!({ url: '/api/party-checkins/employer' })).json();
    expect(other.members).toEqual([]);
    expect((await as.beijiang!({ url: '/api/party-checkins/employer' })).statusCode).toBe(403);
    expect((await as.gongjian!({ url: '/api/party-checkins/employer?of=2026-H3' })).statusCode).toBe(400);
  });

  it('the missing lists honour the community’s rule: the deadline for check-ins, the report period for service', async () => {
    // Checked in today, after 06-30 (by default): listed as late; an in-service member who never checked in is listed too.
    const before = (await missing('checkin')).json();
    expect(before).toMatchObject({ of: year, deadline: `${year}-06-30` });
    const late = before.items.find((m: { memberId: string }) => m.memberId === me.id);
    expect(late ? late.late : currentDay() <= `${year}-06-30`).toBe(true);
    const never = await db().selectFrom('party_members as m').select('m.id').where('m.category', '=', 'in_service_member').where('m.place_path', '=', beijiang.path)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('party_checkins as c').select('c.id').whereRef('c.member_id', '=', 'm.id').where('c.year', '=', year).where('c.state', '!=', 'declined'))))
      .execute();
    expect(before.items.filter((m: { late: boolean }) => !m.late).map((m: { memberId: string }) => m.memberId).sort()).toEqual(never.map((n) => n.id).sort());
    // A rule of 12-31: today's check-in was in time.
    const rules = (await as.beijiang!({ url: `/api/party-checkins/rules?placeId=${beijiang.id}` })).json();
    const set = await as.beijiang!({ method: 'PUT', url: '/api/party-checkins/rules', payload: { placeId: beijiang.id, version: rules.version, deadline: '12-31', reportPeriod: 'half' } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ deadline: '12-31', reportPeriod: 'half', version: 1 });
    expect((await as.beijiang!({ method: 'PUT', url: '/api/party-checkins/rules', payload: { placeId: beijiang.id, version: 0, deadline: '12-31', reportPeriod: 'half' } })).statusCode).toBe(409);
    expect((await as.beijiang!({ method: 'PUT', url: '/api/party-checkins/rules', payload: { placeId: beijiang.id, version: 1, deadline: '02-30', reportPeriod: 'half' } })).statusCode).toBe(400);
    expect((await as.grid1!({ method: 'PUT', url: '/api/party-checkins/rules', payload: { placeId: beijiang.id, version: 1, deadline: '05-31', reportPeriod: 'half' } })).statusCode).toBe(404);
    expect((await missing('checkin')).json().items.map((m: { memberId: string }) => m.memberId)).not.toContain(me.id);
    // Confirmed this year, no service this half: not reported; a service entry of today reports it.
    expect((await missing('report')).json()).toMatchObject({ of: half, reportPeriod: 'half' });
    expect((await missing('report')).json().items.map((m: { memberId: string }) => m.memberId)).toContain(me.id);
    expect((await missing('report', year)).statusCode).toBe(422);
    const service = await as.beijiang!({ method: 'POST', url: `/api/party-members/${me.id}/service`, payload: { hours: 2.5, what: '社区文明劝导', date: currentDay() } });
    expect(service.statusCode, service.body).toBe(201);
    expect((await missing('report')).json().items.map((m: { memberId: string }) => m.memberId)).not.toContain(me.id);
    // A yearly rule reads a year; a half is then 422.
    await as.beijiang!({ method: 'PUT', url: '/api/party-checkins/rules', payload: { placeId: beijiang.id, version: 1, deadline: '12-31', reportPeriod: 'year' } });
    expect((await missing('report')).json()).toMatchObject({ of: year, reportPeriod: 'year' });
    expect((await missing('report', half)).statusCode).toBe(422);
  });

  it('gives the employer its half-yearly report as .xlsx: names, hours, posts, ratings, no phone', async () => {
    const res = await as.gongjian!({ url: `/api/party-checkins/employer-report.xlsx?of=${half}` });
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    const header = rows.find((r) => r.includes('姓名'))!;
    expect(header).toEqual(['姓名', '类别', '报到社区', '报到状态', '服务时长(小时)', '认领岗位', '居民评价满意(次)']);
    const own = rows.find((r) => r[0] === me.name)!;
    expect(own).toEqual([me.name, '在职党员', '北江社区', '已报到', 2.5, undefined, 0].slice(0, own.length));
    expect(JSON.stringify(rows)).not.toMatch(/1[3-9]\d\*{4}\d{4}|1[3-9]\d{9}/);
    const ledgers = (await as.gongjian!({ url: '/api/ledgers' })).json();
    expect(JSON.stringify(ledgers)).toContain('party-checkin-report');
    expect((await as.beijiang!({ url: '/api/party-checkins/employer-report.xlsx' })).statusCode).toBe(403);
  });

  it('tells each employer once, when a half year ends, that its members’ report is ready', async () => {
    expect([lastHalf('2026-12-03'), lastHalf('2026-03-01'), lastHalf('2026-07-01')]).toEqual(['2026-H1', '2025-H2', '2026-H1']);
    // A day in the second half of this year: its first half holds this year's check-ins.
    const day = `${currentDay().slice(0, 4)}-12-01`;
    const told = await announceEmployerReports(t.ctx, day);
    expect(told).toBeGreaterThanOrEqual(1);
    const bell = (await as.gongjian!({ url: '/api/notifications' })).json().items as { kind: string; entityType: string; entityId: string; text: { zh: string } | string }[];
    const notice = bell.find((n) => n.kind === 'employer_report')!;
    expect(notice).toMatchObject({ entityType: 'employer_report', entityId: hospital });
    expect(JSON.stringify(notice)).toContain(`本单位党员${day.slice(0, 4)}年上半年在社区的服务报告已生成`);
    const events = await db().selectFrom('events').select('to_state').where('entity_id', '=', hospital).where('action', '=', 'employer_report_ready').execute();
    expect(events.map((e) => JSON.parse(e.to_state!))).toEqual([{ half: `${day.slice(0, 4)}-H1` }]);
    expect(await announceEmployerReports(t.ctx, day)).toBe(0);
    // A unit with no member checked in that year hears nothing: the city-management department is none's employer.
    expect((await as.chengguan!({ url: '/api/notifications' })).json().items.some((n: { kind: string }) => n.kind === 'employer_report')).toBe(false);
  });

  it('conforms to the check-in state table (409 outside it, 403/404 outside who, one winner of four)', async () => {
    const now = new Date().toISOString();
    const template = await db().selectFrom('party_members').selectAll().where('id', '=', me.id).executeTakeFirstOrThrow();
    const callers = [
      ['beijiang', ['community_worker']], ['xinan', ['street_staff']], ['admin', ['district_admin']], ['grid1', []], ['zaizhi', []], ['gongjian', []],
    ].map(([name, holds]) => ({ name, client: as[name as string]!, holds }) as KnownCaller);
    const failures = await checkConformance({
      def: partyCheckinLifecycle, callers,
      make: async (state) => {
        const memberId = newId();
        await db().insertInto('party_members').values({ ...template, id: memberId, name: '报到测试' }).execute();
        const id = newId();
        await db().insertInto('party_checkins').values({ id, member_id: memberId, place_id: beijiang.id, place_path: beijiang.path, unit_id: hospital, kind: 'in_service_member',
          year, note: null, state: state as 'submitted', decline_reason: null, decided_at: null, version: 1, created_at: now, updated_at: now }).execute();
        return id;
      },
      version: async (id) => (await db().selectFrom('party_checkins').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
      snapshot: async (id) => Promise.all([db().selectFrom('party_checkins').selectAll().where('id', '=', id).executeTakeFirst(),
        db().selectFrom('events').select(['id', 'action']).where('entity_id', '=', id).orderBy('id').execute()]),
      request: async (id, action, v) => ({ method: 'POST', url: `/api/party-checkins/${id}/${action}`, payload: { version: v, ...(action === 'decline' ? { reason: '理由' } : {}) } }),
    });
    expect(failures).toEqual([]);
    // The check ran: of four parallel holders on one record, one confirmed and one declined (each a single event).
    const raced = await db().selectFrom('party_checkins as c').innerJoin('party_members as m', 'm.id', 'c.member_id').innerJoin('events as e', 'e.entity_id', 'c.id')
      .select(['c.state', 'e.action']).where('m.name', '=', '报到测试').where('c.state', '!=', 'submitted').orderBy('c.state').execute();
    expect(raced).toEqual([{ state: 'confirmed', action: 'confirm' }, { state: 'declined', action: 'decline' }]);
  }, 120_000);
});
