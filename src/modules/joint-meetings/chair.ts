import type { Actor } from '../../core/access/actor.js';
import { allowedWhere, authorize, can } from '../../core/access/policy.js';
import { inSubtrees } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { isUniqueViolation } from '../../core/db.js';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.js';
import { appendEvent } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { newId, nowIso } from '../../core/ids.js';
import { availableActions } from '../../core/lifecycle/engine.js';
import type { Caller } from '../../core/lifecycle/types.js';
import { isResidentCaller } from '../../core/lifecycle/types.js';
import { currentMonth } from '../../../contracts/months.js';
import { unitSize, type TScheduleChair } from '../../../contracts/rotating-chair.js';
import type { PartnerKind } from '../../../contracts/units.js';
import { chairLifecycle, chairPolicy, chairReadPolicy, chairRecord, chairVisible, loadChairMonth, toChairMonth, type ChairMonthRow, type ChairRecord } from './chair-lifecycle.js';
import { findPlace, findPlaceInScope, findUnits } from './deps.js';
import { chairMsg } from './messages.js';

/**
 * An office schedules a month of its community's roster: one partner unit of the community, or several (collective).
 * A month has one chair (409). One `schedule` event.
 */
export async function scheduleChair(ctx: AppContext, actor: Actor, input: TScheduleChair) {
  const db = ctx.handle.db;
  const place = await findPlace(db, input.placeId);
  if (!place) throw notFound('place');
  authorize(actor, chairPolicy, 'schedule', place.path, {}, 'place');
  if (place.level !== 'community') throw invalid('placeId', chairMsg.placeLevel, 'place_level');
  const unitIds = [...new Set(input.unitIds)];
  const units = await findUnits(db, unitIds);
  if (units.length !== unitIds.length || units.some((u) => u.kind !== 'partner_unit' || u.place_id !== place.id)) throw invalid('unitIds', chairMsg.notCommunityUnit);
  const now = nowIso();
  const row: ChairMonthRow = { id: newId(), place_id: place.id, place_path: place.path, month: input.month, state: 'scheduled', plan: null, report: null, version: 1, created_at: now, updated_at: now };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('chair_months').values(row).execute();
      await trx.insertInto('chair_month_units').values(unitIds.map((unit_id) => ({ month_id: row.id, unit_id }))).execute();
      await appendEvent(trx, actor, { entityType: 'chair_month', entityId: row.id, placeId: place.id, action: 'schedule', to: { state: 'scheduled', month: row.month, units: unitIds.length } }, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('month', chairMsg.monthTaken, 'duplicate');
    throw e;
  }
  return chairDetail(ctx, actor, row.id);
}

type MonthUnit = { month_id: string; unit_id: string; name: string; partner_kind: PartnerKind | null };

/** The balance warnings of a year's roster: collective months of one size, and a year leaning to one size by more than two months. */
export function balanceWarnings(months: { month: string; units: { size: 'large' | 'small' }[] }[]) {
  const warnings: { code: string; month: string | null; message: { zh: string; en: string } }[] = [];
  let large = 0, small = 0;
  for (const m of months) {
    const sizes = new Set(m.units.map((u) => u.size));
    if (sizes.size === 1) (sizes.has('large') ? large++ : small++);
    if (m.units.length > 1 && sizes.size === 1) {
      const size = sizes.has('large') ? chairMsg.large : chairMsg.small;
      warnings.push({ code: 'collective_unbalanced', month: m.month, message: msg(chairMsg.collectiveUnbalanced, { month: m.month, size }) });
    }
  }
  if (Math.abs(large - small) > 2 && months.length) {
    warnings.push({ code: 'year_unbalanced', month: null, message: msg(chairMsg.yearUnbalanced, { year: months[0]!.month.slice(0, 4), large, small }) });
  }
  return warnings;
}

async function ratingsOf(ctx: AppContext, ids: string[]) {
  if (!ids.length) return new Map<string, { avg: number; n: number }>();
  const rows = await ctx.handle.db.selectFrom('chair_ratings').select(['month_id', (eb) => eb.fn.avg<number>('rating').as('avg'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('month_id', 'in', ids).groupBy('month_id').execute();
  return new Map(rows.map((r) => [r.month_id, { avg: Math.round(Number(r.avg) * 10) / 10, n: Number(r.n) }]));
}

async function unitsOf(ctx: AppContext, ids: string[]): Promise<MonthUnit[]> {
  if (!ids.length) return [];
  return ctx.handle.db.selectFrom('chair_month_units as cu').innerJoin('units as u', 'u.id', 'cu.unit_id').select(['cu.month_id', 'cu.unit_id', 'u.name', 'u.partner_kind'])
    .where('cu.month_id', 'in', ids).orderBy('u.name').execute();
}

/** A community's roster for a year (staff: their subtree; a contact: their unit's community), month by month, with its balance warnings. */
export async function listChairMonths(ctx: AppContext, actor: Actor, q: { placeId?: string; year?: number }) {
  const db = ctx.handle.db;
  const year = q.year ?? Number(currentMonth().slice(0, 4));
  let query = db.selectFrom('chair_months').innerJoin('places as p', 'p.id', 'chair_months.place_id').selectAll('chair_months').select('p.name as place_name')
    .where((eb) => allowedWhere(eb, actor, chairReadPolicy, 'read', 'chair_months.place_path'))
    .where('chair_months.month', '>=', `${year}-01`).where('chair_months.month', '<=', `${year}-12`);
  if (q.placeId) {
    const place = await findPlaceInScope(db, actor, q.placeId).catch(async (e) => {
      // A contact reads its community's roster, outside its (unit-bound) subtree.
      const p = await findPlace(db, q.placeId!);
      if (p && actor.unitId && (await db.selectFrom('units').select('id').where('id', '=', actor.unitId).where('place_id', '=', p.id).executeTakeFirst())) return p;
      throw e;
    });
    query = query.where((eb) => inSubtrees(eb, 'chair_months.place_path', [place.path]));
  }
  const rows = await query.orderBy('chair_months.place_path').orderBy('chair_months.month').limit(500).execute();
  const [units, ratings] = await Promise.all([unitsOf(ctx, rows.map((r) => r.id)), ratingsOf(ctx, rows.map((r) => r.id))]);
  const items = rows.map((r) => {
    const own = units.filter((u) => u.month_id === r.id);
    const record = chairRecord(r, own.map((u) => u.unit_id), []);
    return {
      ...toChairMonth(r), placeName: r.place_name, units: own.map((u) => ({ id: u.unit_id, name: u.name, size: unitSize(u.partner_kind) })),
      rating: ratings.get(r.id)?.avg ?? null, ratings: ratings.get(r.id)?.n ?? 0, actions: availableActions(chairLifecycle, actor, record),
    };
  });
  const byPlace = new Map<string, typeof items>();
  for (const it of items) byPlace.set(it.placeId, [...(byPlace.get(it.placeId) ?? []), it]);
  return { year, items, warnings: [...byPlace.values()].flatMap((months) => balanceWarnings(months)) };
}

async function visibleChair(ctx: AppContext, caller: Caller, id: string): Promise<ChairRecord> {
  const r = await loadChairMonth(ctx.handle.db, id);
  if (!r || !chairVisible(caller, r)) throw notFound('chair_month');
  return r;
}

/** One month: its chair units, plan, report, ratings (a resident's without who), and the caller's next steps and whether they may rate. */
export async function chairDetail(ctx: AppContext, actor: Actor, id: string) {
  const record = await visibleChair(ctx, actor, id);
  const db = ctx.handle.db;
  const [units, ratings, place] = await Promise.all([
    unitsOf(ctx, [id]),
    db.selectFrom('chair_ratings as r').leftJoin('units as u', (j) => j.onRef('u.id', '=', 'r.rater_key').on('r.rater_kind', '=', 'unit'))
      .select(['r.id', 'r.rater_kind', 'r.rating', 'r.comment', 'r.created_at', 'u.name as unit_name']).where('r.month_id', '=', id).orderBy('r.created_at').orderBy('r.id').execute(),
    findPlace(db, record.placeId),
  ]);
  const rated = !!actor.unitId && !!(await db.selectFrom('chair_ratings').select('id').where('month_id', '=', id).where('rater_key', '=', actor.unitId).executeTakeFirst());
  return {
    ...toChairMonth(record.row), placeName: place?.name ?? '', units: units.map((u) => ({ id: u.unit_id, name: u.name, size: unitSize(u.partner_kind) })),
    ratings: ratings.map((r) => ({ id: r.id, raterKind: r.rater_kind, unitName: r.unit_name, rating: r.rating, comment: r.comment, at: r.created_at })),
    actions: availableActions(chairLifecycle, actor, record),
    mayRate: record.state === 'reported' && !rated && mayRateAsUnit(actor, record),
  };
}

const mayRateAsUnit = (actor: Actor, r: ChairRecord) =>
  !!actor.unitId && can(actor, chairPolicy, 'rate', r.placePath, {}) && r.communityUnitIds.includes(actor.unitId) && !r.unitIds.includes(actor.unitId);

/**
 * The other units of the community (their contacts) and residents rate a reported month 1–5, once each (409
 * `already_rated`); not before the report (409), not the chair itself (403). One `rate` event on the month.
 */
export async function rateChair(ctx: AppContext, caller: Caller, id: string, input: { rating: number; comment?: string }) {
  const record = isResidentCaller(caller) ? await loadChairMonth(ctx.handle.db, id) : await visibleChair(ctx, caller, id);
  if (!record) throw notFound('chair_month');
  let rater: { kind: 'unit' | 'resident'; key: string };
  if (isResidentCaller(caller)) rater = { kind: 'resident', key: caller.phoneIndex };
  else {
    const actor = caller as Actor;
    if (actor.unitId && record.unitIds.includes(actor.unitId)) throw conflict(null, chairMsg.ownMonth, 'not_chair');
    if (!mayRateAsUnit(actor, record)) throw forbidden();
    rater = { kind: 'unit', key: actor.unitId! };
  }
  if (record.state !== 'reported') throw conflict(null, chairMsg.notReported, 'illegal_transition');
  const now = nowIso();
  try {
    await ctx.handle.db.transaction().execute(async (trx) => {
      await trx.insertInto('chair_ratings').values({ id: newId(), month_id: id, rater_kind: rater.kind, rater_key: rater.key, rating: input.rating, comment: input.comment || null, created_at: now }).execute();
      await appendEvent(trx, caller, { entityType: 'chair_month', entityId: id, placeId: record.placeId, action: 'rate', to: { rating: input.rating, raterKind: rater.kind } }, now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(null, chairMsg.alreadyRated, 'already_rated');
    throw e;
  }
  return { ok: true };
}

/** A reported month as a resident reads it on the phone, from the link the community shares: the chair and its report. */
export async function chairForResident(ctx: AppContext, id: string) {
  const r = await loadChairMonth(ctx.handle.db, id);
  if (!r || r.state !== 'reported') throw notFound('chair_month');
  const units = await unitsOf(ctx, [id]);
  const place = await findPlace(ctx.handle.db, r.placeId);
  return { id: r.id, month: r.row.month, placeName: place?.name ?? '', units: units.map((u) => u.name), report: r.row.report };
}
