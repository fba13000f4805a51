import type { AppContext } from '../../core/context.js';
import { appendEvents, SYSTEM_ACTOR, type NewEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import type { DemoContext } from '../../core/module.js';
import { createRandom } from '../../seed/random.js';
import { currentMonth } from '../../../contracts/months.js';
import type { PartyClaimTable, PartyMemberTable } from './tables.js';
import type { PartyPointsTable, PointsItem } from './points-tables.js';

const SERVICE = ['楼道清理', '文明劝导', '关爱独居老人', '垃圾分类督导', '疫苗接种引导', '反诈宣传', '夜间巡逻', '助老送餐'];
const MEETINGS = ['支部主题党日', '“三会一课”党员大会', '小区议事协商会', '党史学习教育'];

/** The demo rules of every community: what the platform suggests a community start from. */
export const demoItems = (): PointsItem[] => [
  { id: newId(), kind: 'service_hour', name: '志愿服务(每小时)', points: 2, cap: 40, capPeriod: 'month' },
  { id: newId(), kind: 'meeting', name: '参加会议(每次)', points: 3, cap: null, capPeriod: null },
  { id: newId(), kind: 'post_month', name: '在岗(每月)', points: 10, cap: null, capPeriod: null },
  { id: newId(), kind: 'rating', name: '居民评价满意(每次)', points: 2, cap: 20, capPeriod: 'year' },
  { id: newId(), kind: 'other', name: '带头参与小区议事', points: 5, cap: 20, capPeriod: 'year' },
];

const monthsBack = (n: number) => {
  const [y, m] = currentMonth().split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(y, m - 2 - i, 1)).toISOString().slice(0, 7)).reverse();
};

/**
 * Points rules for every community of the street, the demo party member's account linked to a member of the demo
 * household's community, and (outside tests) a year of plausible entries: service a few hours most months, meetings,
 * each building head's months on the post, the odd rating. The seed keeps under the caps itself and uses its own random
 * numbers, so the other seeds' data stay as they were.
 */
export async function seedPoints(ctx: AppContext, demo: DemoContext, members: PartyMemberTable[], claims: PartyClaimTable[]) {
  const { db } = ctx.handle;
  const now = nowIso();
  const communities = await db.selectFrom('places').select(['id', 'path']).where('parent_id', '=', (await db.selectFrom('places').select('id')
    .where('path', '=', demo.places.street.path).executeTakeFirstOrThrow()).id).where('level', '=', 'community').execute();
  const rules = new Map(communities.map((c) => [c.path, demoItems()]));
  const rulesOf = (path: string) => [...rules.entries()].find(([p]) => path.startsWith(p))?.[1];
  const random = createRandom(20261202);
  const entries: PartyPointsTable[] = [];
  const events: NewEvent[] = [];
  const entry = (m: PartyMemberTable, item: PointsItem, quantity: number, earnedOn: string, reason: string, action: string, sourceKey: string | null = null) => {
    const row: PartyPointsTable = { id: newId(), member_id: m.id, place_id: m.place_id, place_path: m.place_path, item_id: item.id, item_kind: item.kind,
      item_name: item.name, quantity, points: Math.round(quantity * item.points), capped: 0, period: earnedOn.slice(0, 7), earned_on: earnedOn, reason,
      source_key: sourceKey, counters_id: null, created_by: null, created_by_name: SYSTEM_ACTOR.displayName, created_at: now };
    entries.push(row);
    events.push({ entityType: 'party_member', entityId: m.id, placeId: m.place_id, action, reason: 'demo data', at: `${earnedOn}T10:00:00.000Z`,
      to: { entryId: row.id, item: row.item_name, quantity, points: row.points, capped: false, earnedOn } });
  };
  const holders = new Map(claims.filter((c) => c.state === 'holding').map((c) => [c.member_id, c]));
  for (const month of monthsBack(demo.historyMonths)) {
    const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
    for (const m of members) {
      const items = rulesOf(m.place_path);
      if (!items) continue;
      const item = (kind: PointsItem['kind']) => items.find((i) => i.kind === kind)!;
      for (let s = random.int(0, 3); s > 0; s--) entry(m, item('service_hour'), random.int(1, 8) / 2, day(random.int(1, 28)), random.pick(SERVICE), 'record_service');
      if (random.next() < 0.7) entry(m, item('meeting'), 1, day(random.int(1, 28)), random.pick(MEETINGS), 'attend_meeting');
      if (random.next() < 0.1) entry(m, item('rating'), 1, day(random.int(1, 28)), '居民评价满意', 'award_points');
      const claim = holders.get(m.id);
      if (claim) entry(m, item('post_month'), 1, day(28), `${month} 党员楼长`, 'hold_post', `post_month:${claim.id}:${month}`);
    }
  }
  const account = demo.users.dangyuan;
  const own = members.find((m) => m.place_path.startsWith(demo.places.household.path))
    ?? members.find((m) => m.household_id && m.place_path.startsWith(demo.places.community.path));
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('party_points_rules').values(communities.map((c) => ({ place_id: c.id, place_path: c.path, items: JSON.stringify(rules.get(c.path)),
      version: 1, created_at: now, updated_at: now }))).execute();
    for (let i = 0; i < entries.length; i += 500) await trx.insertInto('party_points').values(entries.slice(i, i + 500)).execute();
    if (account && own) await trx.insertInto('party_member_accounts').values({ user_id: account.id, member_id: own.id, created_at: now }).execute();
    await appendEvents(trx, SYSTEM_ACTOR, [
      ...communities.map((c) => ({ entityType: 'place', entityId: c.id, placeId: c.id, action: 'set_points_rules', to: { items: rules.get(c.path) }, reason: 'demo data' })),
      ...events,
    ], now);
  });
}
