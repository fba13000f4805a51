import { type RawBuilder, sql } from 'kysely';
import type { Config } from '../../config.js';
import { dialectOf, type DbOrTrx } from '../../core/db.js';
import { nowIso } from '../../core/ids.js';
import { rateableOrders } from '../work-orders/index.js';
import { monthRange } from '../../../contracts/months.js';

export { currentMonth, lastCompleteMonth, monthRange } from '../../../contracts/months.js';

export interface OfficeFigures {
  officeId: string;
  received: number;
  responded: number;
  due: number;
  resolved: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
}

export interface RankedOffice extends OfficeFigures {
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  score: number | null;
  rank: number | null;
}

export type Grouping = 'community' | 'department';

/**
 * The raw counts behind the three rates for one month, per community (office) or per department (assignee unit):
 * received and responded on time by received_at; due and resolved on time (and not finally rated "not satisfied") by
 * resolve_due, an order counting as due only once its deadline has passed or it was resolved (`dueByNow`); ratings from
 * the ratings read model (ratings.ts: the last `rate` event per order in the month, counted for the order's office,
 * or for the unit it was assigned to when rated).
 */
export async function monthFigures(db: DbOrTrx, month: string, by: Grouping, now = nowIso()): Promise<OfficeFigures[]> {
  return (await monthsFigures(db, [month], by, now)).get(month) ?? [];
}

/**
 * An order due in a month counts there once its deadline has passed or it was resolved: one due on the 9th and still in
 * time is no failure on the 1st. Both columns are in the covering index work_orders_due_cover.
 */
const dueByNow = (now: string) => sql`and (wo.resolve_due <= ${now} or wo.resolved_at is not null)`;
/** In a range that ended by `now` every deadline has passed: the condition is left out (the plan of a past month stays the plain range). */
const dueByNowIn = (end: string, now: string) => (end <= now ? sql`` : dueByNow(now));

/** Beijing month of a UTC ISO text column: the bucket of a range of months (one month needs none). */
function beijingMonth(db: DbOrTrx, column: RawBuilder<unknown>) {
  return dialectOf(db) === 'postgres'
    ? sql<string>`to_char((${column})::timestamptz at time zone 'UTC' + interval '8 hours', 'YYYY-MM')`
    : sql<string>`strftime('%Y-%m', ${column}, '+8 hours')`;
}

/** monthFigures for consecutive months at once (the trend): three statements whatever the number of months. */
export async function monthsFigures(db: DbOrTrx, months: readonly string[], by: Grouping, now = nowIso()): Promise<Map<string, OfficeFigures[]>> {
  const [s] = monthRange(months[0]!);
  const [, e] = monthRange(months[months.length - 1]!);
  const key = by === 'community' ? sql.ref('wo.office_id') : sql.ref('wo.assignee_id');
  const onlyDept = by === 'department' ? sql`and wo.assignee_kind = 'unit'` : sql``;
  const ratedKey = by === 'community' ? sql.ref('r.office_id') : sql.ref('r.assignee_id');
  const one = months.length === 1;
  // One month groups by office alone (no month column to compute and group on); a range adds each row's Beijing month.
  const bucket = (column: string) => (one ? sql`` : sql`${beijingMonth(db, sql.ref(column))} as m, `);
  const groups = one ? sql`group by 1` : sql`group by 1, 2`;
  const orders = rateableOrders(db);
  const [recv, due, rated] = await Promise.all([
    sql<{ m?: string; k: string; received: number; responded: number }>`select ${key} as k, ${bucket('wo.received_at')}count(*) as received,
      sum(case when coalesce(wo.accepted_at, wo.closed_at) <= wo.accept_due then 1 else 0 end) as responded
      from ${orders} wo where wo.received_at >= ${s} and wo.received_at < ${e} and wo.state <> 'merged' ${onlyDept} ${groups}`.execute(db),
    sql<{ m?: string; k: string; due: number; resolved: number }>`select ${key} as k, ${bucket('wo.resolve_due')}count(*) as due,
      sum(case when wo.resolved_at is not null and wo.resolved_at <= wo.resolve_due and (wo.rating is null or wo.rating <> 'not_satisfied') then 1 else 0 end) as resolved
      from ${orders} wo where wo.resolve_due >= ${s} and wo.resolve_due < ${e} and wo.state not in ('merged', 'rejected') ${dueByNowIn(e, now)} ${onlyDept} ${groups}`.execute(db),
    // One index range: work_order_ratings_office (month, office_id, rating) or _assignee (month, assignee_kind, assignee_id, rating).
    sql<{ m: string; k: string; rated: number; satisfied: number; basically: number }>`select r.month as m, ${ratedKey} as k, count(*) as rated,
      sum(case when r.rating = 'satisfied' then 1 else 0 end) as satisfied,
      sum(case when r.rating = 'basically_satisfied' then 1 else 0 end) as basically
      from work_order_ratings r where ${one ? sql`r.month = ${months[0]!}` : sql`r.month in (${sql.join(months)})`} ${by === 'department' ? sql`and r.assignee_kind = 'unit'` : sql``} group by r.month, ${ratedKey}`.execute(db),
  ]);
  const out = new Map<string, Map<string, OfficeFigures>>(months.map((m) => [m, new Map()]));
  const get = (m: string | undefined, k: string) => {
    const month = out.get(m ?? months[0]!);
    if (!month) return undefined;
    return month.get(k) ?? month.set(k, { officeId: k, received: 0, responded: 0, due: 0, resolved: 0, rated: 0, satisfied: 0, basicallySatisfied: 0 }).get(k)!;
  };
  for (const r of recv.rows) Object.assign(get(r.m, r.k) ?? {}, { received: Number(r.received), responded: Number(r.responded) });
  for (const r of due.rows) Object.assign(get(r.m, r.k) ?? {}, { due: Number(r.due), resolved: Number(r.resolved) });
  for (const r of rated.rows) Object.assign(get(r.m, r.k) ?? {}, { rated: Number(r.rated), satisfied: Number(r.satisfied), basicallySatisfied: Number(r.basically) });
  return new Map([...out].map(([m, figures]) => [m, [...figures.values()]]));
}

/** Adds up offices into their parents (communities into streets). */
export function rollUp(rows: OfficeFigures[], parentOf: (officeId: string) => string | undefined): OfficeFigures[] {
  const out = new Map<string, OfficeFigures>();
  for (const r of rows) {
    const p = parentOf(r.officeId);
    if (!p) continue;
    const acc = out.get(p) ?? { officeId: p, received: 0, responded: 0, due: 0, resolved: 0, rated: 0, satisfied: 0, basicallySatisfied: 0 };
    for (const k of ['received', 'responded', 'due', 'resolved', 'rated', 'satisfied', 'basicallySatisfied'] as const) acc[k] += r[k];
    out.set(p, acc);
  }
  return [...out.values()];
}

const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
const round = (x: number | null, digits = 4) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/** The rates, the weighted score (0-100; a rate with nothing to count is left out and the weights re-normalised), and the rank. */
export function rank(rows: OfficeFigures[], w: Config['rateWeights']): RankedOffice[] {
  const scored = rows.map((r) => {
    const responseRate = ratio(r.responded, r.received);
    const resolutionRate = ratio(r.resolved, r.due);
    const satisfactionRate = ratio(r.satisfied + w.basicallySatisfied * r.basicallySatisfied, r.rated);
    const parts = [[responseRate, w.response], [resolutionRate, w.resolution], [satisfactionRate, w.satisfaction]] as const;
    const weight = parts.reduce((acc, [v, wt]) => acc + (v === null ? 0 : wt), 0);
    const score = weight === 0 ? null : (100 * parts.reduce((acc, [v, wt]) => acc + (v ?? 0) * wt, 0)) / weight;
    return { ...r, responseRate: round(responseRate), resolutionRate: round(resolutionRate), satisfactionRate: round(satisfactionRate), score: round(score, 2), rank: null as number | null };
  });
  const ordered = scored.filter((r) => r.score !== null).sort((a, b) => b.score! - a.score! || b.received - a.received);
  ordered.forEach((r, i) => (r.rank = i > 0 && ordered[i - 1]!.score === r.score ? ordered[i - 1]!.rank : i + 1));
  return [...ordered, ...scored.filter((r) => r.score === null)];
}

export const FIGURE_NAMES = ['received', 'responded', 'due', 'resolved', 'rated', 'satisfied', 'basicallySatisfied', 'notSatisfied'] as const;
export type Figure = (typeof FIGURE_NAMES)[number];

/** The ids of the orders behind one figure: the same conditions as monthFigures, so every figure links to its orders. */
export async function figureOrderIds(db: DbOrTrx, month: string, by: Grouping, keys: string[], figure: Figure, limit: number, now = nowIso()): Promise<string[]> {
  if (keys.length === 0) return [];
  const [s, e] = monthRange(month);
  const key = by === 'community' ? sql.ref('wo.office_id') : sql.ref('wo.assignee_id');
  const inKeys = sql`${key} in (${sql.join(keys)})`;
  const onlyDept = by === 'department' ? sql`and wo.assignee_kind = 'unit'` : sql``;
  if (figure === 'rated' || figure === 'satisfied' || figure === 'basicallySatisfied' || figure === 'notSatisfied') {
    // The rows monthFigures counts: the ratings read model, keyed as it groups them.
    const ratedKey = by === 'community' ? sql.ref('r.office_id') : sql.ref('r.assignee_id');
    const rating = { rated: null, satisfied: 'satisfied', basicallySatisfied: 'basically_satisfied', notSatisfied: 'not_satisfied' }[figure];
    const rows = await sql<{ id: string }>`select wo.id from work_order_ratings r join ${rateableOrders(db)} wo on wo.id = r.order_id
      where r.month = ${month} and ${ratedKey} in (${sql.join(keys)}) ${by === 'department' ? sql`and r.assignee_kind = 'unit'` : sql``}
      ${rating ? sql`and r.rating = ${rating}` : sql``} order by wo.received_at limit ${limit}`.execute(db);
    return rows.rows.map((r) => r.id);
  }
  let where;
  if (figure === 'received' || figure === 'responded') {
    where = sql`wo.received_at >= ${s} and wo.received_at < ${e} and wo.state <> 'merged'
      ${figure === 'responded' ? sql`and coalesce(wo.accepted_at, wo.closed_at) <= wo.accept_due` : sql``}`;
  } else {
    where = sql`wo.resolve_due >= ${s} and wo.resolve_due < ${e} and wo.state not in ('merged', 'rejected') ${dueByNowIn(e, now)}
      ${figure === 'resolved' ? sql`and wo.resolved_at is not null and wo.resolved_at <= wo.resolve_due and (wo.rating is null or wo.rating <> 'not_satisfied')` : sql``}`;
  }
  const rows = await sql<{ id: string }>`select wo.id from ${rateableOrders(db)} wo where ${inKeys} ${onlyDept} and ${where} order by wo.received_at limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}
