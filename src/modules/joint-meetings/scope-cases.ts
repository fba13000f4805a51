import type { MeetingAction } from '../../../contracts/joint-meetings.js';
import { defineScopeSuite, type ScopeCase } from '../../core/scope-suite.js';

type Own = { meeting: string; key: string; task: string; unit: string; chair: string };

/** A body each step would accept, so that only the scope refuses it. */
const MEETING_BODIES: Record<MeetingAction, Record<string, unknown>> = {
  hold: {}, publish_minutes: { minutes: '越权发布的会议纪要内容', decisions: [] }, cancel: { reason: '越权取消' },
};

/**
 * A meeting of 沙头社区 (outside 北江社区's subtree) with 沙头社区's partner unit invited (not the gongjian contact's unit),
 * held, with a task for that unit.
 */
export const scopeSuite = defineScopeSuite({
  async prepare(f): Promise<Own> {
    const db = f.ctx.handle.db;
    const now = new Date().toISOString();
    const convenor = await db.selectFrom('users').select('id').where('username', '=', 'xinan').executeTakeFirstOrThrow();
    await db.insertInto('units').values({ id: 'otherunitjm00001', kind: 'partner_unit', partner_kind: 'company', name: '沙头联席测试企业', place_id: f.otherCommunity.id,
      place_path: f.otherCommunity.path, version: 1, created_at: now, updated_at: now }).execute();
    await db.insertInto('joint_meetings').values({ id: 'othermeeting0001', title: '沙头社区联席会议', place_id: f.otherCommunity.id, place_path: f.otherCommunity.path,
      planned_at: now, venue: '沙头社区会议室', convenor_id: convenor.id, sign_in_key: 'othersigninkey0001', state: 'planned', held_at: null, minutes: null,
      cancel_reason: null, version: 1, created_at: now, updated_at: now }).execute();
    await db.insertInto('joint_meeting_invitations').values({ meeting_id: 'othermeeting0001', unit_id: 'otherunitjm00001', signed_in_at: null, signed_in_by: null }).execute();
    await db.insertInto('joint_meeting_tasks').values({ id: 'othertaskjm00001', meeting_id: 'othermeeting0001', title: '沙头任务', unit_id: 'otherunitjm00001', due_on: '2026-12-31',
      place_id: f.otherCommunity.id, place_path: f.otherCommunity.path, state: 'open', done_note: null, done_at: null, version: 1, created_at: now, updated_at: now }).execute();
    await db.insertInto('chair_months').values({ id: 'otherchair000001', place_id: f.otherCommunity.id, place_path: f.otherCommunity.path, month: '2098-06', state: 'planned',
      plan: '沙头社区六月轮值活动计划', report: null, version: 1, created_at: now, updated_at: now }).execute();
    await db.insertInto('chair_month_units').values({ month_id: 'otherchair000001', unit_id: 'otherunitjm00001' }).execute();
    return { meeting: 'othermeeting0001', key: 'othersigninkey0001', task: 'othertaskjm00001', unit: 'otherunitjm00001', chair: 'otherchair000001' };
  },
  cases: [
    { route: 'POST /api/joint-meetings', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/joint-meetings', payload: {
      placeId: f.otherCommunity.id, title: '越权会议', plannedAt: new Date().toISOString(), venue: '沙头社区会议室', unitIds: [f.unit], items: ['越权议题'] } }) },
    { route: 'GET /api/joint-meetings', who: 'beijiang', request: (f) => ({ url: `/api/joint-meetings?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/joint-meetings/agenda-needs', who: 'beijiang', request: (f) => ({ url: `/api/joint-meetings/agenda-needs?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/joint-meetings/{id}', who: 'gongjian', request: (f) => ({ url: `/api/joint-meetings/${f.meeting}` }) },
    { route: 'GET /api/joint-meetings/{id}/sign-in-qr.svg', who: 'beijiang', request: (f) => ({ url: `/api/joint-meetings/${f.meeting}/sign-in-qr.svg` }) },
    { route: 'GET /api/joint-meetings/{id}/minutes.pdf', who: 'beijiang', request: (f) => ({ url: `/api/joint-meetings/${f.meeting}/minutes.pdf` }) },
    { route: 'GET /api/joint-meetings/sign-in/{key}', who: 'gongjian', request: (f) => ({ url: `/api/joint-meetings/sign-in/${f.key}` }) },
    { route: 'POST /api/joint-meetings/sign-in/{key}', who: 'gongjian', request: (f) => ({ method: 'POST', url: `/api/joint-meetings/sign-in/${f.key}` }) },
    ...Object.entries(MEETING_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/joint-meetings/{id}/${step.replace(/_/g, '-')}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/joint-meetings/${f.meeting}/${step.replace(/_/g, '-')}`, payload: { version: 1, ...body } }) })),
    { route: 'GET /api/joint-meeting-tasks', who: 'beijiang', request: (f) => ({ url: `/api/joint-meeting-tasks?placeId=${f.otherCommunity.id}` }) },
    { route: 'POST /api/joint-meeting-tasks/{id}/complete', who: 'gongjian', request: (f) => ({ method: 'POST', url: `/api/joint-meeting-tasks/${f.task}/complete`, payload: { version: 1, note: '越权完成' } }) },
    { route: 'POST /api/chair-months', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/chair-months', payload: { placeId: f.otherCommunity.id, month: '2026-07', unitIds: [f.unit] } }) },
    { route: 'GET /api/chair-months', who: 'beijiang', request: (f) => ({ url: `/api/chair-months?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/chair-months/{id}', who: 'gongjian', request: (f) => ({ url: `/api/chair-months/${f.chair}` }) },
    { route: 'POST /api/chair-months/{id}/ratings', who: 'gongjian', request: (f) => ({ method: 'POST', url: `/api/chair-months/${f.chair}/ratings`, payload: { rating: 1 } }) },
    { route: 'POST /api/chair-months/{id}/file-plan', who: 'beijiang', request: (f) => ({ method: 'POST', url: `/api/chair-months/${f.chair}/file-plan`, payload: { version: 1, plan: '越权提交的活动计划内容' } }) },
    { route: 'POST /api/chair-months/{id}/report', who: 'beijiang', request: (f) => ({ method: 'POST', url: `/api/chair-months/${f.chair}/report`, payload: { version: 1, report: '越权提交的活动报告内容' } }) },
    { route: 'GET /api/unit-evaluations/{id}', who: 'gongjian', request: (f) => ({ url: `/api/unit-evaluations/${f.unit}` }) },
    { route: 'GET /api/unit-evaluations/{id}/sheet.xlsx', who: 'beijiang', request: (f) => ({ url: `/api/unit-evaluations/${f.unit}/sheet.xlsx` }) },
  ],
  unscoped: [
    { route: 'GET /api/h5/chair-months/{id}', reason: 'a reported month’s chair and report, which the community shares with its residents by link' },
    { route: 'POST /api/h5/chair-months/{id}/ratings', reason: 'a signed-in resident rates a reported month once per phone (joint-meetings chair test)' },
  ],
});
