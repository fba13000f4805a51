import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterOf } from '../../../contracts/joint-meetings.js';
import { createTestApp, placeByName, type Client, type TestApp } from '../../test/harness.js';
import { remindQuarter } from './quarter-reminder.js';

type Place = { id: string; path: string; name: string };

describe(`joint meetings on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`, () => {
  let t: TestApp;
  const as: Record<string, Client> = {};
  let beijiang: Place;
  let hospital: string, school: string, shatouUnit: string;
  let needId: string;
  const db = () => t.ctx.handle.db;
  const version = async (id: string) => (await db().selectFrom('joint_meetings').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const plan = (who: string, body: Record<string, unknown> = {}) => as[who]!({ method: 'POST', url: '/api/joint-meetings', payload: {
    placeId: beijiang.id, title: '北江社区联席会议', plannedAt: new Date(Date.now() + 3 * 86_400_000).toISOString(), venue: '北江社区党群服务中心',
    unitIds: [hospital, school], needIds: [needId], items: ['通报共建项目'], ...body } });

  beforeAll(async () => {
    t = await createTestApp();
    for (const u of ['admin', 'xinan', 'beijiang', 'grid1', 'gongjian']) as[u] = await t.as(u);
    beijiang = await placeByName(t, '北江社区');
    const shatou = await placeByName(t, '沙头社区');
    const unit = (name: string) => db().selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow().then((u) => u.id);
    hospital = await unit('三水区人民医院');
    school = (await db().selectFrom('units').select('id').where('place_id', '=', beijiang.id).where('partner_kind', '=', 'school').executeTakeFirstOrThrow()).id;
    shatouUnit = (await db().selectFrom('units').select('id').where('place_id', '=', shatou.id).where('kind', '=', 'partner_unit').executeTakeFirstOrThrow()).id;
    const grid = await placeByName(t, '北江社区第1网格');
    const need = await as.beijiang!({ method: 'POST', url: '/api/needs', payload: { title: '小区缺少休息座椅', description: '老人散步没有地方坐', category: 'other', placeId: grid.id } });
    needId = need.json().id;
    await as.beijiang!({ method: 'POST', url: `/api/needs/${needId}/publish`, payload: { version: 1 } });
  });
  afterAll(() => t.close());

  it('lists the needs without a match as agenda candidates, and not one already dispatched', async () => {
    const res = await as.beijiang!({ url: `/api/joint-meetings/agenda-needs?placeId=${beijiang.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string }[];
    expect(items.map((i) => i.id)).toContain(needId);
    const states = await db().selectFrom('needs').select('state').where('id', 'in', items.map((i) => i.id)).execute();
    expect(new Set(states.map((s) => s.state))).toEqual(new Set(['published']));
    expect((await as.grid1!({ url: `/api/joint-meetings/agenda-needs?placeId=${beijiang.id}` })).statusCode).toBe(404);
  });

  it('an office plans a meeting: the agenda holds the need, the invited units’ contacts are told; bad input is 400/422 and writes nothing', async () => {
    const before = (await db().selectFrom('joint_meetings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    expect((await plan('beijiang', { unitIds: [] })).json()).toMatchObject({ field: 'unitIds', message: { zh: '请至少邀请一个共建单位' } });
    expect((await plan('beijiang', { unitIds: [shatouUnit] })).json()).toMatchObject({ field: 'unitIds', message: { zh: '请选择本辖区的共建单位' } });
    expect((await plan('beijiang', { needIds: ['nosuchneed000001'] })).json()).toMatchObject({ field: 'needIds' });
    const grid = await placeByName(t, '北江社区第1网格');
    expect((await plan('beijiang', { placeId: grid.id })).json()).toMatchObject({ code: 'place_level' });
    expect((await plan('grid1')).statusCode).toBe(404);
    expect(Number((await db().selectFrom('joint_meetings').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)).toBe(Number(before));
    const res = await plan('beijiang');
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ state: 'planned', actions: ['hold', 'cancel'], mayConvene: true });
    expect(m.items.map((i: { title: string; needId: string | null }) => [i.title, i.needId])).toEqual([['小区缺少休息座椅', needId], ['通报共建项目', null]]);
    expect(m.invitations.map((i: { unitId: string }) => i.unitId).sort()).toEqual([hospital, school].sort());
    expect(m.signInUrl).toMatch(/\/joint-meetings\/sign-in\/[A-Za-z0-9_-]+$/);
    const contact = await db().selectFrom('users').select('id').where('username', '=', 'gongjian').executeTakeFirstOrThrow();
    const told = await db().selectFrom('notifications').select(['text_zh', 'entity_id']).where('user_id', '=', contact.id).where('kind', '=', 'joint_meeting').execute();
    expect(told.find((n) => n.entity_id === m.id)?.text_zh).toContain('邀请您参加联席会议:北江社区联席会议');
    const qr = await as.beijiang!({ url: `/api/joint-meetings/${m.id}/sign-in-qr.svg` });
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect((await as.gongjian!({ url: `/api/joint-meetings/${m.id}/sign-in-qr.svg` })).statusCode).toBe(403);
  });

  it('a unit’s contact signs in by the code once; staff cannot sign in; a unit not invited gets 404; a closed meeting 409', async () => {
    const planned = await plan('beijiang', { unitIds: [hospital] });
    expect(planned.statusCode, planned.body).toBe(201);
    const m = planned.json();
    const key = m.signInUrl.split('/').pop();
    const info = await as.gongjian!({ url: `/api/joint-meetings/sign-in/${key}` });
    expect(info.json()).toMatchObject({ title: '北江社区联席会议', invited: true, unitName: '三水区人民医院', signedInAt: null, open: true });
    const signed = await as.gongjian!({ method: 'POST', url: `/api/joint-meetings/sign-in/${key}` });
    expect(signed.statusCode, signed.body).toBe(200);
    const first = signed.json().signedInAt;
    expect(first).toBeTruthy();
    expect((await as.gongjian!({ method: 'POST', url: `/api/joint-meetings/sign-in/${key}` })).json().signedInAt).toBe(first);
    const events = await db().selectFrom('events').select('action').where('entity_id', '=', m.id).where('action', '=', 'sign_in').execute();
    expect(events).toHaveLength(1);
    expect((await as.beijiang!({ method: 'POST', url: `/api/joint-meetings/sign-in/${key}` })).json()).toMatchObject({ code: 'not_invited' });
    const other = (await plan('beijiang', { unitIds: [school] })).json();
    const otherKey = other.signInUrl.split('/').pop();
    expect((await as.gongjian!({ method: 'POST', url: `/api/joint-meetings/sign-in/${otherKey}` })).statusCode).toBe(404);
    expect((await as.gongjian!({ url: `/api/joint-meetings/${other.id}` })).statusCode).toBe(404);
    expect((await as.gongjian!({ url: '/api/joint-meetings/sign-in/nosuchkey0000' })).statusCode).toBe(404);
    await as.beijiang!({ method: 'POST', url: `/api/joint-meetings/${m.id}/cancel`, payload: { version: await version(m.id), reason: '台风停会' } });
    const closed = (await plan('beijiang', { unitIds: [hospital] })).json();
    await as.beijiang!({ method: 'POST', url: `/api/joint-meetings/${closed.id}/hold`, payload: { version: 1 } });
    await as.beijiang!({ method: 'POST', url: `/api/joint-meetings/${closed.id}/publish-minutes`, payload: { version: 2, minutes: '会议讨论了共建事项并形成决定。' } });
    expect((await as.gongjian!({ method: 'POST', url: `/api/joint-meetings/sign-in/${closed.signInUrl.split('/').pop()}` })).json()).toMatchObject({ code: 'meeting_closed' });
  });

  it('the office holds it and publishes the minutes with decisions that become tasks; the contact sees and completes their own; the PDF prints', async () => {
    const m = (await plan('beijiang')).json();
    expect((await as.beijiang!({ url: `/api/joint-meetings/${m.id}/minutes.pdf` })).json()).toMatchObject({ code: 'no_minutes' });
    expect((await as.beijiang!({ method: 'POST', url: `/api/joint-meetings/${m.id}/publish-minutes`, payload: { version: 1, minutes: '过早发布的会议纪要内容' } })).statusCode).toBe(409);
    expect((await as.beijiang!({ method: 'POST', url: `/api/joint-meetings/${m.id}/hold`, payload: { version: 1 } })).json()).toMatchObject({ state: 'held' });
    const due = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const body = { version: 2, minutes: '会议研究了小区休息座椅需求,决定由医院和学校分别落实。', decisions: [
      { title: '在小区安装休息座椅', unitId: school, dueOn: '2099-01-31' }, { title: '为老人开展健康讲座', unitId: hospital, dueOn: due }] };
    expect((await as.beijiang!({ method: 'POST', url: `/api/joint-meetings/${m.id}/publish-minutes`, payload: { ...body, decisions: [{ title: '外单位任务', unitId: shatouUnit, dueOn: due }] } })).json())
      .toMatchObject({ field: 'decisions', code: 'invalid' });
    expect(await db().selectFrom('joint_meeting_tasks').select('id').where('meeting_id', '=', m.id).execute()).toHaveLength(0);
    const [a, b] = await Promise.all([1, 2].map(() => as.beijiang!({ method: 'POST', url: `/api/joint-meetings/${m.id}/publish-minutes`, payload: body })));
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 409]);
    expect(await db().selectFrom('joint_meeting_tasks').select('id').where('meeting_id', '=', m.id).execute()).toHaveLength(2);
    const detail = (await as.beijiang!({ url: `/api/joint-meetings/${m.id}` })).json();
    expect(detail.state).toBe('minutes_published');
    expect(detail.tasks.map((x: { title: string; overdue: boolean }) => [x.title, x.overdue])).toEqual([['为老人开展健康讲座', true], ['在小区安装休息座椅', false]]);
    const mine = (await as.gongjian!({ url: `/api/joint-meetings/${m.id}` })).json();
    expect(mine.tasks.map((x: { title: string }) => x.title)).toEqual(['为老人开展健康讲座']);
    expect(mine).toMatchObject({ signInUrl: null, mayConvene: false, actions: [] });
    const tasks = (await as.gongjian!({ url: '/api/joint-meeting-tasks?overdue=true' })).json().items as { id: string; unitId: string; actions: string[]; version: number }[];
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((x) => x.unitId === hospital)).toBe(true);
    const task = tasks.find((x) => detail.tasks.some((d: { id: string }) => d.id === x.id))!;
    expect(task.actions).toEqual(['complete']);
    const schoolTask = detail.tasks.find((x: { unitId: string }) => x.unitId === school);
    expect((await as.gongjian!({ method: 'POST', url: `/api/joint-meeting-tasks/${schoolTask.id}/complete`, payload: { version: 1, note: '越权完成' } })).statusCode).toBe(404);
    const done = await as.gongjian!({ method: 'POST', url: `/api/joint-meeting-tasks/${task.id}/complete`, payload: { version: task.version, note: '已请专家开展讲座' } });
    expect(done.json()).toMatchObject({ state: 'done', overdue: false, doneNote: '已请专家开展讲座' });
    const assigned = await db().selectFrom('events').select('action').where('entity_id', '=', task.id).orderBy('id').execute();
    expect(assigned.map((e) => e.action)).toEqual(['assign', 'complete']);
    const pdf = await as.beijiang!({ url: `/api/joint-meetings/${m.id}/minutes.pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['cache-control']).toBe('no-store');
    const text = pdf.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toMatch(/\/FontFile2/);
    expect(text).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect((await as.gongjian!({ url: `/api/joint-meetings/${m.id}/minutes.pdf` })).statusCode).toBe(403);
  });

  it('staff see their subtree’s meetings, a contact only their unit’s; the demo has held and planned meetings', async () => {
    const all = (await as.beijiang!({ url: '/api/joint-meetings?limit=200' })).json();
    expect(all.items.every((m: { placeId: string }) => m.placeId === beijiang.id)).toBe(true);
    expect(new Set(all.items.map((m: { state: string }) => m.state))).toEqual(new Set(['planned', 'minutes_published', 'cancelled']));
    const mine = (await as.gongjian!({ url: '/api/joint-meetings?limit=200' })).json().items as { id: string }[];
    const invited = await db().selectFrom('joint_meeting_invitations').select('meeting_id').where('unit_id', '=', hospital).execute();
    expect(mine.map((m) => m.id).sort()).toEqual(invited.map((i) => i.meeting_id).sort());
    const street = (await as.xinan!({ url: '/api/joint-meetings?limit=200' })).json();
    expect(new Set(street.items.map((m: { placeId: string }) => m.placeId)).size).toBeGreaterThan(1);
  });

  it('near a quarter’s end, a community that held no meeting in it reminds its workers once', async () => {
    const quarter = quarterOf(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    const lateInQuarter = new Date(`${quarter.last}T04:00:00Z`);
    const early = new Date(`${quarter.first}T04:00:00Z`);
    expect(await remindQuarter(t.ctx, early)).toEqual([]);
    // 沙头社区 held one in the quarter; 北江社区's meetings are moved out of it.
    const shatou = await placeByName(t, '沙头社区');
    const held = await db().selectFrom('joint_meetings').select('id').where('place_id', '=', shatou.id).where('state', '=', 'minutes_published').executeTakeFirstOrThrow();
    await db().updateTable('joint_meetings').set({ held_at: `${quarter.first}T04:00:00.000Z` }).where('id', '=', held.id).execute();
    await db().updateTable('joint_meetings').set({ held_at: '2000-01-01T00:00:00.000Z' }).where('place_id', '=', beijiang.id).execute();
    const told = await remindQuarter(t.ctx, lateInQuarter);
    expect(told).toContain(beijiang.id);
    expect(told).not.toContain(shatou.id);
    expect(await remindQuarter(t.ctx, lateInQuarter)).toEqual([]);
    const workers = await db().selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id').select(['users.username', 'notifications.text_zh'])
      .where('notifications.kind', '=', 'joint_meeting_due').where('notifications.entity_id', '=', beijiang.id).execute();
    expect(workers.map((w) => w.username)).toContain('beijiang');
    expect(workers[0]!.text_zh).toBe(`北江社区本季度(${quarter.key})尚未召开联席会议,请在${quarter.last}前召开`);
  });
});
