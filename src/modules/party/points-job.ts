import type { AppContext } from '../../core/context.js';
import { SYSTEM_ACTOR } from '../../core/events.js';
import type { Job } from '../../core/module.js';
import { currentDay, lastCompleteMonth, monthRange } from '../../../contracts/months.js';
import { satisfiedOrdersHeldByUsers } from '../work-orders/index.js';
import { writeEntries, type Earning } from './points-ledger.js';
import { communityOf, readRules } from './points-rules.js';

/** The instant a Beijing-time month 'YYYY-MM' ends (the next month's first midnight at UTC+8), as ISO. */
const monthEnd = (month: string): string => monthRange(month)[1];

const lastDay = (month: string) => new Date(Date.parse(monthEnd(month)) + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

/**
 * Credits each member holding a post (claimed before the month ended, still holding) with their community's post_month
 * item for `month`. Each credit's unique key (claim and month) is written once: a second run, or one on another process,
 * finds the keys there and writes nothing new. Communities without the item give nothing. Returns the entries written.
 */
export async function creditPostMonths(ctx: AppContext, month: string): Promise<number> {
  const db = ctx.handle.db;
  const holders = await db.selectFrom('party_claims as c').innerJoin('party_members as m', 'm.id', 'c.member_id').innerJoin('party_posts as p', 'p.id', 'c.post_id')
    .select(['c.id as claim_id', 'p.title', 'p.place_path as post_path', 'm.id', 'm.place_id', 'm.place_path'])
    .where('c.state', '=', 'holding').where('m.state', '=', 'active').where('c.updated_at', '<', monthEnd(month)).orderBy('c.id').execute();
  const keyOf = (claimId: string) => `post_month:${claimId}:${month}`;
  const done = new Set<string>();
  for (let i = 0; i < holders.length; i += 500) {
    const keys = holders.slice(i, i + 500).map((h) => keyOf(h.claim_id));
    for (const r of await db.selectFrom('party_points').select('source_key').where('source_key', 'in', keys).execute()) done.add(r.source_key!);
  }
  const rulesByCommunity = new Map<string, Awaited<ReturnType<typeof readRules>> | null>();
  const earnings: Earning[] = [];
  for (const h of holders.filter((x) => !done.has(keyOf(x.claim_id)))) {
    const community = await communityOf(db, h.post_path);
    if (!community) continue;
    if (!rulesByCommunity.has(community.id)) rulesByCommunity.set(community.id, await readRules(db, community));
    const item = rulesByCommunity.get(community.id)?.items.find((x) => x.kind === 'post_month');
    if (!item) continue;
    earnings.push({ member: { id: h.id, place_id: h.place_id, place_path: h.place_path }, item, quantity: 1, earnedOn: lastDay(month),
      reason: `${month} ${h.title}`, action: 'hold_post', sourceKey: keyOf(h.claim_id) });
  }
  if (earnings.length) await db.transaction().execute((trx) => writeEntries(trx, SYSTEM_ACTOR, earnings));
  return earnings.length;
}

/** Runs every six hours and credits the month just ended; the keys make every run after the first write nothing. */
export const postMonthPointsJob: Job = {
  name: 'party.post-month-points',
  everyMs: 6 * 3600_000,
  firstAfterMs: 60_000,
  run: (ctx) => creditPostMonths(ctx, lastCompleteMonth()),
};

/** The first instant (ISO) of a Beijing-time month 'YYYY-MM'. */

/**
 * Credits the community's rating item (居民评价满意) to the party member whose sign-in held each work order a resident
 * rated "satisfied", closed since the start of last month. One entry per order (its key): a second run writes nothing;
 * an order held by someone who is no member, or a community without the item, gives nothing. Returns the entries written.
 */
export async function creditSatisfiedRatings(ctx: AppContext, now = new Date()): Promise<number> {
  const db = ctx.handle.db;
  const rated = await satisfiedOrdersHeldByUsers(db, monthRange(lastCompleteMonth(now))[0]);
  if (!rated.length) return 0;
  const members = new Map<string, { id: string; place_id: string; place_path: string }>();
  const done = new Set<string>();
  const keyOf = (orderId: string) => `rating:${orderId}`;
  for (let i = 0; i < rated.length; i += 500) {
    const slice = rated.slice(i, i + 500);
    const linked = await db.selectFrom('party_member_accounts as a').innerJoin('party_members as m', 'm.id', 'a.member_id')
      .select(['a.user_id', 'm.id', 'm.place_id', 'm.place_path']).where('m.state', '=', 'active').where('a.user_id', 'in', slice.map((r) => r.userId)).execute();
    for (const l of linked) members.set(l.user_id, { id: l.id, place_id: l.place_id, place_path: l.place_path });
    for (const r of await db.selectFrom('party_points').select('source_key').where('source_key', 'in', slice.map((r) => keyOf(r.orderId))).execute()) done.add(r.source_key!);
  }
  const rulesByCommunity = new Map<string, Awaited<ReturnType<typeof readRules>> | null>();
  const earnings: Earning[] = [];
  for (const r of rated) {
    const member = members.get(r.userId);
    if (!member || done.has(keyOf(r.orderId))) continue;
    const community = await communityOf(db, member.place_path);
    if (!community) continue;
    if (!rulesByCommunity.has(community.id)) rulesByCommunity.set(community.id, await readRules(db, community));
    const item = rulesByCommunity.get(community.id)?.items.find((x) => x.kind === 'rating');
    if (!item) continue;
    earnings.push({ member, item, quantity: 1, earnedOn: currentDay(new Date(r.closedAt)), reason: r.trackingNo, action: 'rated_satisfied', sourceKey: keyOf(r.orderId) });
  }
  if (earnings.length) await db.transaction().execute((trx) => writeEntries(trx, SYSTEM_ACTOR, earnings));
  return earnings.length;
}

/** Hourly: a satisfied rating shows in the member's points within the hour. */
export const ratingPointsJob: Job = {
  name: 'party.rating-points',
  everyMs: 3600_000,
  firstAfterMs: 90_000,
  run: (ctx) => creditSatisfiedRatings(ctx),
};
