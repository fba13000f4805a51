import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentMonth } from '../../../contracts/months.js';
import { DEMO_RESIDENT_PHONE } from '../../seed/demo-resident.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { asResident } from '../resident-h5/test-support.js';
import { balanceWarnings } from './chair.js';
import { remindChairs } from './chair-reminder.js';

describe(`the rotating chair on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let beijiang: { id: string; path: string };
  let hospital: string, school: string;
  const db = () => t.ctx.handle.db;
  const month = currentMonth();

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['xinan', 'beijiang', 'grid1', 'gongjian']) as[u] = await t.as(u);
    beijiang = await placeByName(t, '北江社区');
    const unit = async (where: [string, string]) => (await db().selectFrom('units').select('id').where('place_id', '=', beijiang.id)
      .where(where[0] as 'name', '=', where[1] as never).executeTakeFirstOrThrow()).id;
    hospital = await unit(['name', '三水区人民医院']);
    school = await unit(['partner_kind', 'school']);
  });
  afterAll(() => t.close());

  it('the demo roster has this year’s twelve months, past ones rated, this month the hospital’s, and flags an unbalanced collective month', async () => {
    const res = await as.beijiang!({ url: `/api/chair-months?placeId=${beijiang.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const roster = res.json();
    expect(roster.items.map((m: { month: string }) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `${month.slice(0, 4)}-${String(i + 1).padStart(2, '0')}`));
    const now = roster.items.find((m: { month: string }) => m.month === month);
    expect(now).toMatchObject({ state: 'scheduled', units: [{ id: hospital, name: '三水区人民医院', size: 'large' }] });
    const past = roster.items.filter((m: { month: string }) => m.month < month);
    expect(past.every((m: { state: string; ratings: number; rating: number }) => m.state === 'reported' && m.ratings === 5 && m.rating >= 3)).toBe(true);
    expect(roster.warnings.map((w: { code: string }) => w.code)).toContain('collective_unbalanced');
    const mine = (await as.gongjian!({ url: `/api/chair-months?placeId=${beijiang.id}` })).json();
    expect(mine.items).toHaveLength(12);
  });

  it('the balance check flags a collective month of one size and a year leaning one way', () => {
    const L = { size: 'large' as const }, S = { size: 'small' as const };
    expect(balanceWarnings([{ month: '2026-01', units: [L, S] }, { month: '2026-02', units: [S] }])).toEqual([]);
    expect(balanceWarnings([{ month: '2026-01', units: [S, S] }]).map((w) => [w.code, w.message.zh])).toEqual([['collective_unbalanced', '2026-01联合轮值单位均为小单位,建议大小单位搭配']]);
    const lean = balanceWarnings(['01', '02', '03'].map((m) => ({ month: `2026-${m}`, units: [L] })));
    expect(lean.map((w) => w.message.zh)).toEqual(['2026年轮值中大单位3个月、小单位0个月,建议均衡安排']);
  });

  it('an office schedules a month once (409 for a second), only with the community’s units; outsiders 404, a contact 403', async () => {
    const body = { placeId: beijiang.id, month: '2099-01', unitIds: [hospital, school] };
    const res = await as.beijiang!({ method: 'POST', url: '/api/chair-months', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'scheduled', month: '2099-01' });
    expect((await as.beijiang!({ method: 'POST', url: '/api/chair-months', payload: body })).json()).toMatchObject({ code: 'duplicate', field: 'month' });
    const shatouUnit = (await db().selectFrom('units').select('id').where('place_id', '=', (await placeByName(t, '沙头社区')).id).executeTakeFirstOrThrow()).id;
    expect((await as.beijiang!({ method: 'POST', url: '/api/chair-months', payload: { ...body, month: '2099-02', unitIds: [shatouUnit] } })).json()).toMatchObject({ field: 'unitIds' });
    expect((await as.beijiang!({ method: 'POST', url: '/api/chair-months', payload: { ...body, month: '2099-13' } })).statusCode).toBe(400);
    expect((await as.grid1!({ method: 'POST', url: '/api/chair-months', payload: { ...body, month: '2099-03' } })).statusCode).toBe(404);
    expect((await as.gongjian!({ method: 'POST', url: '/api/chair-months', payload: { ...body, month: '2099-03' } })).statusCode).toBe(403);
  });

  it('at the start of its month the chair is reminded once; it files the plan and reports; the other units and residents rate once each', async () => {
    const now = (await as.beijiang!({ url: `/api/chair-months?placeId=${beijiang.id}` })).json().items.find((m: { month: string }) => m.month === month);
    const reminded = await remindChairs(t.ctx);
    expect(reminded).toContain(now.id);
    expect(await remindChairs(t.ctx)).toEqual([]);
    const contact = await db().selectFrom('users').select('id').where('username', '=', 'gongjian').executeTakeFirstOrThrow();
    const inbox = await db().selectFrom('notifications').select('text_zh').where('user_id', '=', contact.id).where('kind', '=', 'chair_month').where('entity_id', '=', now.id).execute();
    expect(inbox.map((n) => n.text_zh)).toEqual([`本月(${month})由贵单位担任北江社区轮值主席,请提交活动计划`]);
    const detail = (await as.gongjian!({ url: `/api/chair-months/${now.id}` })).json();
    expect(detail).toMatchObject({ actions: ['file_plan'], mayRate: false });
    expect((await as.gongjian!({ method: 'POST', url: `/api/chair-months/${now.id}/file-plan`, payload: { version: detail.version, plan: '太短' } })).statusCode).toBe(400);
    const planned = await as.gongjian!({ method: 'POST', url: `/api/chair-months/${now.id}/file-plan`, payload: { version: detail.version, plan: '本月组织医护人员进小区开展健康义诊和慢病随访。' } });
    expect(planned.json()).toMatchObject({ state: 'planned' });
    expect((await as.beijiang!({ method: 'POST', url: `/api/chair-months/${now.id}/ratings`, payload: { rating: 5 } })).statusCode).toBe(403);
    const resident = await asResident(t, DEMO_RESIDENT_PHONE);
    expect((await resident({ method: 'POST', url: `/api/h5/chair-months/${now.id}/ratings`, payload: { rating: 5 } })).json()).toMatchObject({ code: 'illegal_transition' });
    const reported = await as.gongjian!({ method: 'POST', url: `/api/chair-months/${now.id}/report`, payload: { version: planned.json().version, report: '义诊服务86人次,建立慢病随访档案12份。' } });
    expect(reported.json()).toMatchObject({ state: 'reported' });
    expect((await as.gongjian!({ method: 'POST', url: `/api/chair-months/${now.id}/ratings`, payload: { rating: 5 } })).json()).toMatchObject({ code: 'not_chair' });
    const [a, b] = await Promise.all([1, 2].map(() => resident({ method: 'POST', url: `/api/h5/chair-months/${now.id}/ratings`, payload: { rating: 4, comment: '义诊很方便' } })));
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([201, 409]);
    expect((await resident({ url: `/api/h5/chair-months/${now.id}` })).json()).toMatchObject({ units: ['三水区人民医院'], report: '义诊服务86人次,建立慢病随访档案12份。' });
    const after = (await as.beijiang!({ url: `/api/chair-months/${now.id}` })).json();
    expect(after.ratings.map((r: { raterKind: string; rating: number }) => [r.raterKind, r.rating])).toEqual([['resident', 4]]);
    const events = await db().selectFrom('events').select('action').where('entity_id', '=', now.id).orderBy('id').execute();
    expect(events.map((e) => e.action).slice(-4)).toEqual(['remind', 'file_plan', 'report', 'rate']);
  });
});

describe(`a partner unit’s annual evaluation on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  let hospital: string;
  beforeAll(async () => {
    t = await createTestApp();
    hospital = (await t.ctx.handle.db.selectFrom('units').select('id').where('name', '=', '三水区人民医院').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('counts the unit’s resources, needs, meetings and chair months of the year from the records; its contact reads it, another community 404; it exports', async () => {
    const db = t.ctx.handle.db;
    const [beijiang, gongjian, shatou] = [await t.as('beijiang'), await t.as('gongjian'), await placeByName(t, '沙头社区')];
    const year = Number(currentMonth().slice(0, 4));
    const res = await gongjian({ url: `/api/unit-evaluations/${hospital}?year=${year}` });
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json();
    const invited = await db.selectFrom('joint_meeting_invitations as i').innerJoin('joint_meetings as m', 'm.id', 'i.meeting_id').select(['i.signed_in_at'])
      .where('i.unit_id', '=', hospital).where('m.state', '!=', 'cancelled').where('m.planned_at', 'like', `${year}%`).execute();
    const published = await db.selectFrom('resources').select('id').where('unit_id', '=', hospital).where('state', 'in', ['published', 'withdrawn']).execute();
    const chaired = await db.selectFrom('chair_month_units as cu').innerJoin('chair_months as m', 'm.id', 'cu.month_id').select('m.month').where('cu.unit_id', '=', hospital)
      .where('m.month', 'like', `${year}-%`).execute();
    expect(e).toMatchObject({ year, unit: { name: '三水区人民医院' }, meetingsInvited: invited.length, meetingsAttended: invited.filter((i) => i.signed_in_at).length });
    expect(e.resources).toHaveLength(published.length);
    expect(e.chairMonths.map((m: { month: string }) => m.month).sort()).toEqual(chaired.map((m) => m.month).sort());
    expect(e.chairMonths.length).toBeGreaterThan(0);
    expect(e.meetingsInvited).toBeGreaterThan(0);
    expect(['active', 'lapsing', 'lapsed', 'none']).toContain(e.agreement.state);
    const other = (await db.selectFrom('units').select('id').where('place_id', '=', shatou.id).executeTakeFirstOrThrow()).id;
    expect((await beijiang({ url: `/api/unit-evaluations/${other}` })).statusCode).toBe(404);
    expect((await gongjian({ url: `/api/unit-evaluations/${other}` })).statusCode).toBe(404);
    const sheet = await beijiang({ url: `/api/unit-evaluations/${hospital}/sheet.xlsx?year=${year}` });
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as never);
    const texts = wb.worksheets[0]!.getSheetValues().flat().map(String).join('|');
    expect(texts).toContain('联席会议');
    expect(texts).toContain(`${e.meetingsInvited} / ${e.meetingsAttended}`);
  });
});
