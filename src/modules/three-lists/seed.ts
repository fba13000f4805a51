import type { Seed } from '../../core/module.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { createRandom } from '../../seed/random.js';
import { DEMO_RESIDENT_PHONE } from '../../seed/demo-resident.js';
import { currentMonth } from '../../../contracts/months.js';
import { type NeedState, type ThreeListCategory } from '../../../contracts/three-lists.js';
import type { PartnerKind } from '../../../contracts/units.js';
import { memberLinkedTo } from '../party/index.js';
import type { NeedTable, ResourceTable } from './tables.js';

/** What each kind of partner unit offers: a resource per unit, its category and monthly capacity. */
/** When the demo's resources serve. */
const SCHEDULES = ['每周二、四 9:00-11:00', '每周六 14:00-17:00', '工作日 8:30-17:30', '每月第一个周日上午'];

const OFFERS: Record<PartnerKind, [string, ThreeListCategory, number][]> = {
  hospital: [['上门义诊与健康咨询', 'health', 8], ['慢病随访', 'elderly', 6]],
  school: [['课后托管与作业辅导', 'children', 10], ['暑期兴趣课堂', 'education', 6]],
  company: [['水电燃气入户检修', 'utilities', 6], ['宽带与网络故障上门', 'utilities', 5], ['就业岗位推荐', 'employment', 4]],
  property_company: [['楼道与公共设施维修', 'repairs', 8]],
  social_org: [['独居老人探访', 'elderly', 12], ['亲子阅读活动', 'culture', 4]],
  agency: [['法律咨询', 'legal', 6], ['反诈宣传进小区', 'other', 3]],
};

/** Needs the demo's residents, building heads and grid workers reported. */
const NEEDS: [string, ThreeListCategory, string][] = [
  ['独居老人需要定期上门量血压', 'health', '82岁独居老人行动不便'], ['孩子放学后无人照看', 'children', '双职工家庭,孩子读三年级'],
  ['老旧小区燃气管道老化', 'utilities', '楼栋燃气管道锈蚀,担心安全'], ['孩子上网课家里宽带老掉线', 'utilities', '晚上网速很慢,经常断线'],
  ['楼道扶手松动', 'repairs', '三楼到四楼扶手松动'], ['失业人员想找工作', 'employment', '45岁,有驾驶经验'],
  ['邻里纠纷想咨询法律问题', 'legal', '楼上漏水赔偿问题'], ['老人想参加文体活动', 'culture', '希望有广场舞教学'],
  ['空巢老人需要陪伴聊天', 'elderly', '子女在外地工作'], ['小区垃圾分类指导', 'environment', '希望有人讲解分类方法'],
];

/** The state each demo need reaches, in turn: every state of the table, more in the later ones. */
const PLAN: NeedState[] = ['reported', 'published', 'dispatched', 'taken', 'delivered', 'rated', 'rated', 'rejected', 'merged', 'rated', 'delivered', 'published'];
const PATH_TO: Record<NeedState, NeedState[]> = {
  reported: [], published: ['published'], rejected: ['rejected'], merged: ['merged'], dispatched: ['published', 'dispatched'],
  taken: ['published', 'dispatched', 'taken'], delivered: ['published', 'dispatched', 'taken', 'delivered'], rated: ['published', 'dispatched', 'taken', 'delivered', 'rated'],
};
const STEP_OF: Record<NeedState, string> = { reported: 'report', published: 'publish', rejected: 'reject', merged: 'merge', dispatched: 'dispatch', taken: 'take', delivered: 'deliver', rated: 'rate' };

/**
 * For each community of the demo street: a published resource per partner unit (a few waiting for review), and twelve
 * needs over the past months in every state of the table, each with its events. The demo phone has one delivered need
 * waiting for its rating; two of 北江社区's went to the party member linked to `zaizhi`. Its own random numbers, so other seeds' data stay as they were.
 */
export const threeListsSeed: Seed = {
  async run(ctx, demo) {
    const { db } = ctx.handle;
    const random = createRandom(20261212);
    const now = nowIso();
    const month = currentMonth();
    const communities = await db.selectFrom('places').select(['id', 'path', 'name']).where('level', '=', 'community').where('path', 'like', `${demo.places.street.path}%`).orderBy('path').execute();
    const compounds = await db.selectFrom('places').select(['id', 'path', 'name']).where('level', '=', 'compound').where('path', 'like', `${demo.places.street.path}%`).orderBy('path').execute();
    const units = await db.selectFrom('units').select(['id', 'name', 'partner_kind', 'place_id', 'place_path']).where('kind', '=', 'partner_unit').orderBy('name').execute();
    const resources: ResourceTable[] = [];
    const needs: NeedTable[] = [];
    const events: NewEvent[] = [];
    const ago = (days: number, hour = 10) => new Date(Date.now() - days * 86_400_000 + hour * 60_000).toISOString();
    const phoneIndex = ctx.cipher.blindIndex(DEMO_RESIDENT_PHONE);
    // 北江社区 hands two of its needs to the in-service member linked to `zaizhi`: one on hand (taken), one rated.
    const zaizhi = demo.users.zaizhi;
    const handler = zaizhi ? await memberLinkedTo(db, zaizhi.id) : undefined;
    const toMember = (c: { id: string }, i: number) => Boolean(handler) && c.id === demo.places.community.id && (i === 3 || i === 9);
    for (const c of communities) {
      const own = units.filter((u) => u.place_path === c.path);
      own.forEach((u, i) => {
        const offers = OFFERS[u.partner_kind ?? 'company'];
        // Each unit publishes its kind's first offer; every other unit a second one too, every fourth still waiting for review.
        const picks = offers.length > 1 && i % 2 === 0 ? [offers[0]!, offers[1 + (i % (offers.length - 1))]!] : [offers[0]!];
        picks.forEach(([title, category, capacity], k) => {
          const state = k === 1 && i % 4 === 0 ? 'submitted' : 'published';
          const r: ResourceTable = { id: newId(), unit_id: u.id, title, description: `${u.name}提供:${title}`, category, capacity, remaining: capacity, period_of: month,
            place_id: c.id, place_path: c.path, schedule: SCHEDULES[(i + k) % SCHEDULES.length]!, conditions: k === 0 ? '限本社区居民,请提前一天向社区预约' : null, state, reject_reason: null, version: state === 'published' ? 2 : 1, created_at: ago(200 - i), updated_at: ago(198 - i) };
          resources.push(r);
          events.push({ entityType: 'resource', entityId: r.id, placeId: c.id, action: 'submit', at: r.created_at, to: { state: 'submitted', unitId: u.id }, reason: 'demo data' });
          if (state === 'published') events.push({ entityType: 'resource', entityId: r.id, placeId: c.id, action: 'publish', at: r.updated_at, from: { state: 'submitted' }, to: { state }, reason: 'demo data' });
        });
      });
      const published = resources.filter((r) => r.place_path === c.path && r.state === 'published');
      const places = compounds.filter((p) => p.path.startsWith(c.path));
      if (!places.length) continue;
      PLAN.forEach((target, i) => {
        const [title, category, description] = NEEDS[(i + communities.indexOf(c)) % NEEDS.length]!;
        const place = places[i % places.length]!;
        const resource = published.find((r) => r.category === category) ?? published[i % Math.max(1, published.length)];
        const days = 300 - i * 24 - random.int(0, 10);
        const steps = resource ? PATH_TO[target] : PATH_TO[target].filter((s) => ['published', 'rejected', 'merged'].includes(s));
        const state: NeedState = steps[steps.length - 1] ?? 'reported';
        const mine = c.id === demo.places.community.id && i === 4;
        const n: NeedTable = {
          id: newId(), title, description, category, urgency: i % 5 === 0 ? 'urgent' : 'normal', beneficiary: null, place_id: place.id, place_path: place.path,
          channel: mine || i % 3 === 0 ? 'h5' : i % 3 === 1 ? 'building_head' : 'grid_worker', reporter_user_id: null, reporter_phone_index: mine ? phoneIndex : null,
          work_order_id: null, state, reject_reason: state === 'rejected' ? '不属于三单服务范围,已转为工单办理' : null, merged_into: null,
          unit_id: null, resource_id: null, member_id: null, member_user_id: null, decline_reason: null, delivery_note: null, rating: null, rating_comment: null,
          dispatched_at: null, taken_at: null, delivered_at: null, rated_at: null, version: 1 + steps.length, created_at: ago(days), updated_at: ago(days - steps.length),
        };
        if (state === 'merged') n.merged_into = needs.find((x) => x.place_path.startsWith(c.path) && x.state !== 'merged' && x.state !== 'rejected')?.id ?? null;
        if (state === 'merged' && !n.merged_into) { n.state = 'published'; }
        events.push({ entityType: 'need', entityId: n.id, placeId: place.id, action: 'report', at: n.created_at, to: { state: 'reported', category, channel: n.channel }, reason: 'demo data' });
        let from: NeedState = 'reported';
        steps.forEach((s, k) => {
          if (s === 'merged' && !n.merged_into) return;
          const at = ago(days - k - 1);
          if (s === 'dispatched' && toMember(c, i)) { n.member_id = handler!.id; n.member_user_id = zaizhi!.id; n.dispatched_at = at; }
          else if (s === 'dispatched') { n.unit_id = resource!.unit_id; n.resource_id = resource!.id; n.dispatched_at = at; }
          if (s === 'taken') { n.taken_at = at; if (!n.member_id && at.slice(0, 7) === month) resource!.remaining = Math.max(0, resource!.remaining - 1); }
          if (s === 'delivered') { n.delivered_at = at; n.delivery_note = '已上门服务,居民问题已解决'; }
          if (s === 'rated') { n.rated_at = at; n.rating = random.int(3, 5); n.rating_comment = '服务很及时,感谢'; }
          events.push({ entityType: 'need', entityId: n.id, placeId: place.id, action: STEP_OF[s], at, from: { state: from }, to: { state: s, ...(s === 'rated' ? { rating: n.rating } : {}), ...(s === 'dispatched' ? (n.member_id ? { memberId: n.member_id, member: handler!.name } : { unitId: n.unit_id, resourceId: n.resource_id }) : {}) }, reason: 'demo data' });
          from = s;
        });
        needs.push(n);
      });
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < resources.length; i += 200) await trx.insertInto('resources').values(resources.slice(i, i + 200)).execute();
      for (let i = 0; i < needs.length; i += 100) await trx.insertInto('needs').values(needs.slice(i, i + 100)).execute();
      await appendEvents(trx, SYSTEM_ACTOR, events, now);
    });
  },
};
