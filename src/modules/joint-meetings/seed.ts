import { randomBytes } from 'node:crypto';
import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { createRandom } from '../../seed/random.js';
import { chairRoster, type ChairSeedRows } from './chair-seed.js';
import type { JointMeetingInvitationTable, JointMeetingItemTable, JointMeetingTable, JointMeetingTaskTable } from './tables.js';

/** The meetings each demo community holds: days ago (negative: still to come), title, free agenda items. */
const MEETINGS: [number, string, string[]][] = [
  [250, '第一季度联席会议', ['通报共建项目进展', '研究老旧小区改造中的共建事项']],
  [160, '第二季度联席会议', ['暑期儿童托管安排', '防汛应急物资共享']],
  [20, '第四季度联席会议', ['冬季独居老人关爱行动', '年度共建考评安排']],
  [-10, '年终总结联席会议', ['年度共建工作总结', '明年共建项目征集']],
];
const MINUTES = '会议由社区党委书记主持,通报了本季度需求对接情况,与会共建单位逐项认领了待对接的群众需求,并就下一阶段共建活动安排达成一致。';
const DECISIONS: [string, number, boolean][] = [['组织一次上门义诊', -5, true], ['为独居老人安装燃气报警器', -3, false], ['开展寒假课后托管', 25, false]];

/**
 * For each community of the demo street: three held joint meetings with minutes (the latest this quarter, its decisions
 * as tasks: one done, one overdue, one due), and one planned in ten days with a need without a match on its agenda.
 * Up to six of the community's partner units are invited (三水区人民医院 among 北江社区's); most signed in. And this
 * year's rotating-chair roster (chair-seed.ts).
 */
export const jointMeetingsSeed: Seed = {
  async run(ctx, demo) {
    const { db } = ctx.handle;
    const convenor = demo.users.beijiang?.id;
    if (!convenor) return;
    const communities = await db.selectFrom('places').select(['id', 'path', 'name']).where('level', '=', 'community').where('path', 'like', `${demo.places.street.path}%`).orderBy('path').execute();
    const units = await db.selectFrom('units').select(['id', 'name', 'place_path', 'partner_kind']).where('kind', '=', 'partner_unit').orderBy('name').execute();
    const random = createRandom(20261203);
    const chair: ChairSeedRows = { months: [], units: [], ratings: [], events: [] };
    const needs = await db.selectFrom('needs').select(['id', 'title', 'place_path']).where('state', '=', 'published').where('unit_id', 'is', null).orderBy('created_at').execute();
    const at = (days: number, hour = 9) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10) + `T0${hour - 8}:30:00.000Z`;
    const day = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const meetings: JointMeetingTable[] = [], items: JointMeetingItemTable[] = [], invitations: JointMeetingInvitationTable[] = [], tasks: JointMeetingTaskTable[] = [];
    const events: NewEvent[] = [];
    for (const c of communities) {
      const own = units.filter((u) => u.place_path === c.path);
      const roster = chairRoster(c, own, random);
      for (const k of ['months', 'units', 'ratings', 'events'] as const) (chair[k] as unknown[]).push(...roster[k]);
      const hospital = own.find((u) => u.name === '三水区人民医院');
      const invited = [...(hospital ? [hospital] : []), ...own.filter((u) => u !== hospital)].slice(0, 6);
      if (!invited.length) continue;
      MEETINGS.forEach(([days, title, agenda], k) => {
        const held = days > 0;
        const m: JointMeetingTable = {
          id: newId(), title: `${c.name}${title}`, place_id: c.id, place_path: c.path, planned_at: at(days), venue: `${c.name}党群服务中心会议室`, convenor_id: convenor,
          sign_in_key: randomBytes(12).toString('base64url'), state: held ? 'minutes_published' : 'planned', held_at: held ? at(days, 10) : null,
          minutes: held ? MINUTES : null, cancel_reason: null, version: held ? 3 : 1, created_at: at(days + 14), updated_at: held ? at(days - 1) : at(days + 14),
        };
        meetings.push(m);
        const need = !held ? needs.find((n) => n.place_path.startsWith(c.path)) : undefined;
        [...(need ? [{ title: need.title, need_id: need.id }] : []), ...agenda.map((t) => ({ title: t, need_id: null }))]
          .forEach((it, position) => items.push({ id: newId(), meeting_id: m.id, position, ...it }));
        invited.forEach((u, i) => invitations.push({ meeting_id: m.id, unit_id: u.id, signed_in_at: held && i !== 3 ? at(days, 10) : null, signed_in_by: null }));
        events.push({ entityType: 'joint_meeting', entityId: m.id, placeId: c.id, action: 'plan', at: m.created_at, to: { state: 'planned' }, reason: 'demo data' });
        if (!held) return;
        events.push({ entityType: 'joint_meeting', entityId: m.id, placeId: c.id, action: 'hold', at: m.held_at!, from: { state: 'planned' }, to: { state: 'held' }, reason: 'demo data' });
        events.push({ entityType: 'joint_meeting', entityId: m.id, placeId: c.id, action: 'publish_minutes', at: m.updated_at, from: { state: 'held' }, to: { state: 'minutes_published' }, reason: 'demo data' });
        if (k !== 2) return;
        DECISIONS.forEach(([t, due, done], i) => {
          const task: JointMeetingTaskTable = {
            id: newId(), meeting_id: m.id, title: t, unit_id: invited[i % invited.length]!.id, due_on: day(due), place_id: c.id, place_path: c.path,
            state: done ? 'done' : 'open', done_note: done ? '已组织医护人员上门,服务32位老人' : null, done_at: done ? at(8) : null, version: done ? 2 : 1,
            created_at: m.updated_at, updated_at: done ? at(8) : m.updated_at,
          };
          tasks.push(task);
          events.push({ entityType: 'joint_meeting_task', entityId: task.id, placeId: c.id, action: 'assign', at: task.created_at, to: { state: 'open', unitId: task.unit_id }, reason: 'demo data' });
          if (done) events.push({ entityType: 'joint_meeting_task', entityId: task.id, placeId: c.id, action: 'complete', at: task.done_at!, from: { state: 'open' }, to: { state: 'done' }, reason: 'demo data' });
        });
      });
    }
    await db.transaction().execute(async (trx) => {
      if (meetings.length) await trx.insertInto('joint_meetings').values(meetings).execute();
      for (let i = 0; i < items.length; i += 200) await trx.insertInto('joint_meeting_items').values(items.slice(i, i + 200)).execute();
      for (let i = 0; i < invitations.length; i += 200) await trx.insertInto('joint_meeting_invitations').values(invitations.slice(i, i + 200)).execute();
      if (tasks.length) await trx.insertInto('joint_meeting_tasks').values(tasks).execute();
      for (let i = 0; i < chair.months.length; i += 200) await trx.insertInto('chair_months').values(chair.months.slice(i, i + 200)).execute();
      for (let i = 0; i < chair.units.length; i += 200) await trx.insertInto('chair_month_units').values(chair.units.slice(i, i + 200)).execute();
      for (let i = 0; i < chair.ratings.length; i += 200) await trx.insertInto('chair_ratings').values(chair.ratings.slice(i, i + 200)).execute();
      await appendEvents(trx, SYSTEM_ACTOR, [...events, ...chair.events], nowIso());
    });
  },
};
