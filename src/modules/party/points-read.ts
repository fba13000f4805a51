import { sql } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { allowedWhere } from '../../core/access/policy.js';
import { inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import type { DbOrTrx } from '../../core/db.js';
import { invalid, notFound } from '../../core/errors.js';
import { periodMonths, type TRankingQuery } from '../../../contracts/party-points.js';
import { loadPartyOrg, partyOrgLifecycle } from './lifecycle.js';
import { loadPartyMember, partyMemberLifecycle, type PartyMemberRow } from './member-lifecycle.js';
import { partyMsg } from './messages.js';
import { toPointsEntry } from './points-ledger.js';
import { partyPointsPolicy } from './points-policy.js';
import { visibleCommunity } from './points-rules.js';

/** The months of a ranking's period, or 422. */
export function monthsOf(q: Pick<TRankingQuery, 'period' | 'of'>) {
  const months = periodMonths(q.period, q.of);
  if (!months) throw invalid('of', partyMsg.pointsBadPeriod);
  return months;
}

/**
 * The members of a community (or of one org in it) ranked by the points their entries in the period add up to, highest
 * first: one grouped read of the ledger's ranking index (place path, period, member, points), then names for the page
 * (ties by member id).
 * Entries count where they were earned (their place path), so a member who moved keeps old points in the old community.
 */
export async function ranking(ctx: AppContext, actor: Actor, q: TRankingQuery) {
  const db = ctx.handle.db;
  const community = await visibleCommunity(ctx, actor, q.placeId, 'read');
  const { from, to } = monthsOf(q);
  if (q.orgId) {
    const org = await loadPartyOrg(db, q.orgId);
    if (!org || !partyOrgLifecycle.visible(actor, org)) throw notFound('party org');
  }
  // Grouped by `member_id || ''`, not the bare column: otherwise SQLite walks the member index (party_points_member) in
  // member order to skip the sort, reading every entry of the ledger (4.4 s at 2M entries instead of 80 ms, bench/points.ts).
  const member = sql<string>`p.member_id || ''`;
  let sums = db.selectFrom('party_points as p').select([member.as('member_id'), (eb) => eb.fn.sum<number>('p.points').as('total')])
    .where((eb) => inSubtrees(eb, 'p.place_path', [community.path]))
    .where((eb) => allowedWhere(eb, actor, partyPointsPolicy, 'read', 'p.place_path'))
    .where('p.period', '>=', from).where('p.period', '<=', to)
    .groupBy(member);
  if (q.orgId) sums = sums.where('p.member_id', 'in', (eb) => eb.selectFrom('party_members').select('id').where('org_id', '=', q.orgId!));
  // One pass: the page of sums and, beside each row, how many members the period ranks.
  const page = await db.selectFrom(sums.as('s')).select(['s.member_id', 's.total', sql<number>`count(*) over ()`.as('n')])
    .orderBy('s.total', 'desc').orderBy('s.member_id').limit(q.limit).offset(q.offset).execute();
  const names = page.length ? await db.selectFrom('party_members as m').innerJoin('party_orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'm.category', 'm.phone_masked', 'o.name as org_name']).where('m.id', 'in', page.map((r) => r.member_id)).execute() : [];
  const byId = new Map(names.map((m) => [m.id, m]));
  return {
    placeId: community.id, from, to, total: Number(page[0]?.n ?? 0),
    items: page.map((r, i) => {
      const m = byId.get(r.member_id)!;
      return { rank: q.offset + i + 1, memberId: r.member_id, name: m.name, category: m.category, orgName: m.org_name, phoneMasked: m.phone_masked, points: Number(r.total) };
    }),
  };
}

/** A member's ledger, newest first, and totals: all time and the year asked for, each the sum of the entries. */
export async function memberLedger(db: DbOrTrx, member: PartyMemberRow, year: string) {
  const [entries, totals] = await Promise.all([
    db.selectFrom('party_points').selectAll().where('member_id', '=', member.id).where('period', '>=', `${year}-01`).where('period', '<=', `${year}-12`)
      .orderBy('earned_on', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').execute(),
    db.selectFrom('party_points').where('member_id', '=', member.id)
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('all'),
        eb.fn.coalesce(eb.fn.sum<number>(eb.case().when(eb.and([eb('period', '>=', `${year}-01`), eb('period', '<=', `${year}-12`)])).then(eb.ref('points')).else(0).end()), eb.lit(0)).as('year'),
      ]).executeTakeFirstOrThrow(),
  ]);
  const countered = new Set(entries.map((e) => e.counters_id).filter(Boolean));
  return {
    member: { id: member.id, name: member.name, category: member.category },
    year, total: Number(totals.all), yearTotal: Number(totals.year),
    entries: entries.map((e) => ({ ...toPointsEntry(e), countered: countered.has(e.id) })),
  };
}

/** Staff: a member they see (404 otherwise). */
export async function staffMemberLedger(ctx: AppContext, actor: Actor, memberId: string, year: string) {
  const member = await loadPartyMember(ctx.handle.db, memberId);
  if (!member || !partyMemberLifecycle.visible(actor, member)) throw notFound('party member');
  return memberLedger(ctx.handle.db, member.row, year);
}

/** The member record a signed-in account is linked to (404 without one). */
export async function linkedMember(db: DbOrTrx, actor: Actor) {
  const link = await db.selectFrom('party_member_accounts').select('member_id').where('user_id', '=', actor.userId).executeTakeFirst();
  const member = link && (await loadPartyMember(db, link.member_id));
  if (!member) throw notFound('party member');
  return member.row;
}

/** A party member signed in: their own ledger, through the link of their account to their member record (404 without). */
export async function myLedger(ctx: AppContext, actor: Actor, year: string) {
  return memberLedger(ctx.handle.db, await linkedMember(ctx.handle.db, actor), year);
}
