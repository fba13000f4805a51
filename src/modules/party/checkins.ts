import type { Actor } from '../../core/access/actor.js';
import { authorize } from '../../core/access/policy.js';
import { bindingsOf, inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { isUniqueViolation, type DbOrTrx } from '../../core/db.js';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import { DEFAULT_CHECKIN_RULES, type PartyCheckinState, type PartyReportPeriod, type TCheckIn, type TCheckinRules } from '../../../contracts/party-checkins.js';
import { periodMonths } from '../../../contracts/party-points.js';
import { currentDay } from '../../../contracts/months.js';
import { findPlace } from '../places/index.js';
import { findUnit } from '../units/index.js';
import { partyCheckinLifecycle, partyCheckinPolicy, toPartyCheckin, type PartyCheckinRow } from './checkin-lifecycle.js';
import { linkedMember } from './points-read.js';
import { partyMsg } from './messages.js';
import { communityOf } from './points-rules.js';

type Db = AppContext['handle']['db'];
export interface CheckinRules { placeId: string; deadline: string; reportPeriod: PartyReportPeriod; version: number; updatedAt: string | null }

/** The current half year (2026-H1) or year, in Beijing time. */
export const currentPeriod = (period: PartyReportPeriod, day = currentDay()) =>
  period === 'year' ? day.slice(0, 4) : `${day.slice(0, 4)}-H${Number(day.slice(5, 7)) <= 6 ? 1 : 2}`;

/** The instant a year's deadline (a Beijing-time month-day) ends, as a UTC ISO string comparable with created_at. */
export const deadlineEnd = (year: string, deadline: string) => new Date(Date.parse(`${year}-${deadline}T00:00:00.000+08:00`) + 86_400_000).toISOString();

/** The community the caller names: in their subtree for `action` (else 404), of level community (else 422). */
export async function checkinCommunity(ctx: AppContext, actor: Actor, placeId: string, action: 'read' | 'missing' | 'rules') {
  const place = await findPlace(ctx.handle.db, placeId);
  if (!place) throw notFound('place');
  authorize(actor, partyCheckinPolicy, action, place.path, {}, 'place');
  if (place.level !== 'community') throw invalid('placeId', partyMsg.checkinCommunityOnly, 'place_level');
  return place;
}

export async function readCheckinRules(db: DbOrTrx, community: { id: string }): Promise<CheckinRules> {
  const row = await db.selectFrom('party_checkin_rules').selectAll().where('place_id', '=', community.id).executeTakeFirst();
  return row
    ? { placeId: row.place_id, deadline: row.deadline, reportPeriod: row.report_period, version: row.version, updatedAt: row.updated_at }
    : { placeId: community.id, ...DEFAULT_CHECKIN_RULES, version: 0, updatedAt: null };
}

/** Replaces a community's rule at the version the caller saw (0: the default, none stored yet; else 409); an event on the place. */
export async function setCheckinRules(ctx: AppContext, actor: Actor, input: TCheckinRules): Promise<CheckinRules> {
  const place = await checkinCommunity(ctx, actor, input.placeId, 'rules');
  const now = nowIso();
  return ctx.handle.db.transaction().execute(async (trx) => {
    const before = await readCheckinRules(trx, place);
    if (before.version !== input.version) throw staleVersion();
    if (before.version === 0) {
      await trx.insertInto('party_checkin_rules').values({ place_id: place.id, place_path: place.path, deadline: input.deadline, report_period: input.reportPeriod,
        version: 1, created_at: now, updated_at: now }).execute();
    } else {
      const r = await trx.updateTable('party_checkin_rules').set({ deadline: input.deadline, report_period: input.reportPeriod, version: before.version + 1, updated_at: now })
        .where('place_id', '=', place.id).where('version', '=', before.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw staleVersion();
    }
    await appendEvent(trx, actor, { entityType: 'place', entityId: place.id, placeId: place.id, action: 'set_checkin_rules',
      from: { deadline: before.deadline, reportPeriod: before.reportPeriod }, to: { deadline: input.deadline, reportPeriod: input.reportPeriod } }, now);
    return { placeId: place.id, deadline: input.deadline, reportPeriod: input.reportPeriod, version: before.version + 1, updatedAt: now };
  }).catch((e) => {
    throw isUniqueViolation(e) ? staleVersion() : e;
  });
}

/** The member record a party member's sign-in is linked to (404 without one). */
async function ownMember(ctx: AppContext, actor: Actor) {
  if (!bindingsOf(actor, ['party_member']).length) throw forbidden();
  return linkedMember(ctx.handle.db, actor);
}

/**
 * A signed-in in-service member checks in to a community (their record's, unless they name another) for this year: one
 * live (submitted or confirmed) check-in per year (409); after a decline they check in again.
 */
export async function checkIn(ctx: AppContext, actor: Actor, input: TCheckIn) {
  const db = ctx.handle.db;
  const member = await ownMember(ctx, actor);
  if (member.state !== 'active') throw invalid('memberId', partyMsg.memberLeft);
  if (member.category !== 'in_service_member') throw invalid('kind', partyMsg.checkinInServiceOnly, 'invalid');
  const community = input.placeId ? await findPlace(db, input.placeId) : await communityOf(db, member.place_path);
  if (input.placeId && !community) throw notFound('place');
  if (!community || ('level' in community && community.level !== 'community')) throw invalid('placeId', partyMsg.checkinCommunityOnly, 'place_level');
  const now = nowIso();
  const row: PartyCheckinRow = { id: newId(), member_id: member.id, place_id: community.id, place_path: community.path, unit_id: member.unit_id, kind: input.kind,
    year: currentDay().slice(0, 4), note: input.note || null, state: 'submitted', decline_reason: null, decided_at: null, version: 1, created_at: now, updated_at: now };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('party_checkins').values(row).execute();
      await appendEvent(trx, actor, { entityType: 'party_checkin', entityId: row.id, placeId: row.place_id, action: 'check_in',
        to: { state: 'submitted', memberId: member.id, kind: row.kind, year: row.year } }, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('year', partyMsg.checkinAlready, 'duplicate');
    throw e;
  }
  return { ...toPartyCheckin(row), placeName: community.name };
}

/** The signed-in member's own check-ins, newest first, with their community's rule. */
export async function myCheckins(ctx: AppContext, actor: Actor) {
  const db = ctx.handle.db;
  const member = await ownMember(ctx, actor);
  const rows = await db.selectFrom('party_checkins').innerJoin('places', 'places.id', 'party_checkins.place_id').selectAll('party_checkins')
    .select('places.name as place_name').where('member_id', '=', member.id).orderBy('party_checkins.created_at', 'desc').orderBy('party_checkins.id', 'desc').execute();
  const community = await communityOf(db, member.place_path);
  return {
    member: { id: member.id, name: member.name, category: member.category },
    community: community && { id: community.id, name: community.name, rules: await readCheckinRules(db, community) },
    items: rows.map((r) => ({ ...toPartyCheckin(r), placeName: r.place_name })),
  };
}

const memberJoin = (db: Db) => db.selectFrom('party_checkins as c').innerJoin('party_members as m', 'm.id', 'c.member_id')
  .leftJoin('units as u', 'u.id', 'c.unit_id');

/** The check-ins to a community the caller sees, by state and year, oldest first (the queue to confirm). */
export async function listCheckins(ctx: AppContext, actor: Actor, q: { placeId: string; state?: PartyCheckinState; year?: string; limit: number; offset: number }) {
  const community = await checkinCommunity(ctx, actor, q.placeId, 'read');
  let query = memberJoin(ctx.handle.db).where((eb) => inSubtrees(eb, 'c.place_path', [community.path]));
  if (q.state) query = query.where('c.state', '=', q.state);
  if (q.year) query = query.where('c.year', '=', q.year);
  const [rows, total] = await Promise.all([
    query.selectAll('c').select(['m.name as member_name', 'u.name as unit_name']).orderBy('c.created_at').orderBy('c.id').limit(q.limit).offset(q.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({ ...toPartyCheckin(r), memberName: r.member_name, unitName: r.unit_name,
      actions: availableActions(partyCheckinLifecycle, actor, { id: r.id, version: r.version, placeId: r.place_id, placePath: r.place_path, state: r.state }) })),
    total: Number(total.n),
  };
}

/**
 * Who is missing, by the community's rule: `checkin`, the in-service members of the community without a live check-in
 * there made by the year's deadline (`late` when they checked in after it); `report`, the members confirmed there for the
 * period's year with no service entry in the period (a half year or a year, as the rule says; another period is 422).
 */
export async function missing(ctx: AppContext, actor: Actor, q: { placeId: string; kind: 'checkin' | 'report'; of?: string }) {
  const db = ctx.handle.db;
  const community = await checkinCommunity(ctx, actor, q.placeId, 'missing');
  const rules = await readCheckinRules(db, community);
  if (q.kind === 'checkin') {
    const year = q.of ?? currentDay().slice(0, 4);
    if (!/^\d{4}$/.test(year)) throw invalid('of', partyMsg.checkinBadPeriod);
    const by = deadlineEnd(year, rules.deadline);
    const rows = await db.selectFrom('party_members as m').leftJoin('units as u', 'u.id', 'm.unit_id')
      .select(['m.id', 'm.name', 'u.name as unit_name'])
      .select((eb) => eb.exists(eb.selectFrom('party_checkins as c').select('c.id').whereRef('c.member_id', '=', 'm.id').where('c.year', '=', year)
        .where('c.state', 'in', ['submitted', 'confirmed'])).as('late'))
      .where('m.category', '=', 'in_service_member').where('m.state', '=', 'active')
      .where((eb) => inSubtrees(eb, 'm.place_path', [community.path]))
      .where((eb) => eb.not(eb.exists(eb.selectFrom('party_checkins as c').select('c.id').whereRef('c.member_id', '=', 'm.id').where('c.year', '=', year)
        .where('c.place_id', '=', community.id).where('c.state', 'in', ['submitted', 'confirmed']).where('c.created_at', '<', by))))
      .orderBy('m.name').orderBy('m.id').execute();
    return { kind: q.kind, of: year, deadline: `${year}-${rules.deadline}`, deadlinePassed: nowIso() >= by,
      items: rows.map((r) => ({ memberId: r.id, name: r.name, unitName: r.unit_name, late: Boolean(r.late) })) };
  }
  const of = q.of ?? currentPeriod(rules.reportPeriod);
  const months = periodMonths(rules.reportPeriod, of);
  if (!months) throw invalid('of', partyMsg.checkinBadPeriod);
  const rows = await db.selectFrom('party_checkins as c').innerJoin('party_members as m', 'm.id', 'c.member_id').leftJoin('units as u', 'u.id', 'c.unit_id')
    .select(['m.id', 'm.name', 'u.name as unit_name']).distinct()
    .where('c.place_id', '=', community.id).where('c.state', '=', 'confirmed').where('c.year', '=', of.slice(0, 4))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('party_points as p').select('p.id').whereRef('p.member_id', '=', 'm.id')
      .where('p.item_kind', '=', 'service_hour').where('p.period', '>=', months.from).where('p.period', '<=', months.to))))
    .orderBy('m.name').orderBy('m.id').execute();
  return { kind: q.kind, of, reportPeriod: rules.reportPeriod, items: rows.map((r) => ({ memberId: r.id, name: r.name, unitName: r.unit_name, late: false })) };
}

/** The partner unit a contact works for (403 for any other caller). */
function employerOf(actor: Actor): string {
  if (!bindingsOf(actor, ['partner_contact']).length || !actor.unitId) throw forbidden();
  return actor.unitId;
}

/**
 * The employer's view: each of its members' check-ins of the period's year and their service in the period (hours,
 * posts held, resident ratings). Names only: no phone, ID number or address leaves here.
 */
export async function employerView(ctx: AppContext, actor: Actor, q: { of?: string }) {
  const db = ctx.handle.db;
  const unitId = employerOf(actor);
  const of = q.of ?? currentPeriod('half');
  const months = periodMonths(of.length === 4 ? 'year' : 'half', of);
  if (!months) throw invalid('of', partyMsg.checkinBadPeriod);
  const year = of.slice(0, 4);
  const [unit, checkins] = await Promise.all([
    findUnit(db, unitId),
    db.selectFrom('party_checkins as c').innerJoin('party_members as m', 'm.id', 'c.member_id').innerJoin('places as p', 'p.id', 'c.place_id')
      .select(['c.id', 'c.member_id', 'c.kind', 'c.state', 'c.decline_reason', 'c.created_at', 'c.decided_at', 'm.name', 'p.name as place_name'])
      .where('c.unit_id', '=', unitId).where('c.year', '=', year).orderBy('m.name').orderBy('c.created_at').execute(),
  ]);
  const ids = [...new Set(checkins.map((c) => c.member_id))];
  const [service, posts] = ids.length ? await Promise.all([
    db.selectFrom('party_points').select(['member_id', 'item_kind', (eb) => eb.fn.sum<number>('quantity').as('q')])
      .where('member_id', 'in', ids).where('item_kind', 'in', ['service_hour', 'rating']).where('period', '>=', months.from).where('period', '<=', months.to)
      .groupBy(['member_id', 'item_kind']).execute(),
    db.selectFrom('party_claims as k').innerJoin('party_posts as t', 't.id', 'k.post_id').select(['k.member_id', 't.title'])
      .where('k.member_id', 'in', ids).where('k.state', '=', 'holding').orderBy('t.title').execute(),
  ]) : [[], []];
  const sum = (id: string, kind: string) => Number(service.find((s) => s.member_id === id && s.item_kind === kind)?.q ?? 0);
  const members = ids.map((id) => {
    const own = checkins.filter((c) => c.member_id === id);
    const last = own[own.length - 1]!;
    return {
      memberId: id, name: last.name, placeName: last.place_name, kind: last.kind, state: last.state, declineReason: last.decline_reason,
      checkedInAt: last.created_at, decidedAt: last.decided_at,
      hours: sum(id, 'service_hour'), ratings: sum(id, 'rating'), posts: posts.filter((p) => p.member_id === id).map((p) => p.title),
    };
  });
  return { unitId, unitName: unit?.name ?? '', of, from: months.from, to: months.to, members };
}
