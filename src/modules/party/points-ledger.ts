import type { Actor } from '../../core/access/actor.js';
import { authorize } from '../../core/access/policy.js';
import type { AppContext } from '../../core/context.js';
import { dialectOf, isUniqueViolation, type Trx } from '../../core/db.js';
import { conflict, invalid, notFound } from '../../core/errors.js';
import { appendEvents, type EventActor, type NewEvent } from '../../core/events.js';
import { msg } from '../../core/i18n.js';
import { newId, nowIso } from '../../core/ids.js';
import { POINTS_ITEM_KIND_LABELS } from '../../../contracts/party-points.js';
import { partyMsg } from './messages.js';
import { partyPointsPolicy } from './points-policy.js';
import { communityOf, readRules } from './points-rules.js';
import type { PartyPointsTable, PointsItem } from './points-tables.js';

export type PointsRow = PartyPointsTable;
export interface Earner { id: string; place_id: string; place_path: string }

/** What one entry earns: a member, an item of their community's rules, how many of it, when and why. */
export interface Earning {
  member: Earner;
  item: PointsItem;
  quantity: number;
  earnedOn: string;
  reason: string;
  /** The event logged on the member beside the entry (record_service, attend_meeting, hold_post, award_points). */
  action: string;
  sourceKey?: string | null;
}

/** The months a cap counts over for an entry of `period` ('YYYY-MM'). */
const capRange = (item: PointsItem, period: string): [string, string] => (item.capPeriod === 'year' ? [`${period.slice(0, 4)}-01`, `${period.slice(0, 4)}-12`] : [period, period]);

/**
 * Writes the entries in the caller's transaction, each with the points it earns now (rate × quantity, rounded) and an
 * event on the member. Past its item's cap for the period an entry is still written, with what is left under the cap
 * (0 at the cap) and marked capped, so that the record of the service stays. On PostgreSQL the member's row is locked
 * first so that two writers cannot both fill the last of a cap; SQLite writes one transaction at a time.
 */
export async function writeEntries(trx: Trx, by: EventActor, earnings: readonly Earning[], now = nowIso()): Promise<PointsRow[]> {
  const pg = dialectOf(trx) === 'postgres';
  const rows: PointsRow[] = [];
  const events: NewEvent[] = [];
  for (const e of earnings) {
    if (pg) await trx.selectFrom('party_members').select('id').where('id', '=', e.member.id).forUpdate().execute();
    const period = e.earnedOn.slice(0, 7);
    const earned = Math.round(e.quantity * e.item.points);
    let points = earned;
    if (e.item.cap) {
      const [from, to] = capRange(e.item, period);
      const sum = await trx.selectFrom('party_points').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('n'))
        .where('member_id', '=', e.member.id).where('item_id', '=', e.item.id).where('period', '>=', from).where('period', '<=', to).executeTakeFirstOrThrow();
      points = Math.max(0, Math.min(earned, e.item.cap - Number(sum.n)));
    }
    const row: PointsRow = {
      id: newId(), member_id: e.member.id, place_id: e.member.place_id, place_path: e.member.place_path, item_id: e.item.id, item_kind: e.item.kind,
      item_name: e.item.name, quantity: e.quantity, points, capped: points < earned ? 1 : 0, period, earned_on: e.earnedOn, reason: e.reason,
      source_key: e.sourceKey ?? null, counters_id: null, created_by: by.userId, created_by_name: by.displayName, created_at: now,
    };
    await trx.insertInto('party_points').values(row).execute();
    rows.push(row);
    events.push({ entityType: 'party_member', entityId: e.member.id, placeId: e.member.place_id, action: e.action, reason: e.reason,
      to: { entryId: row.id, item: row.item_name, quantity: row.quantity, points: row.points, capped: row.capped === 1, earnedOn: row.earned_on } });
  }
  await appendEvents(trx, by, events, now);
  return rows;
}

/** The item of `kind` in the rules of the member's community (422 when the community gives no points for it). */
export async function ruleItem(trx: Trx, placePath: string, pick: { kind: PointsItem['kind'] } | { id: string }): Promise<PointsItem> {
  const community = await communityOf(trx, placePath);
  const rules = community ? await readRules(trx, community) : undefined;
  const item = rules?.items.find((i) => ('id' in pick ? i.id === pick.id : i.kind === pick.kind));
  if (!item) {
    const what = 'kind' in pick ? POINTS_ITEM_KIND_LABELS[pick.kind] : partyMsg.pointsItemUnknown;
    throw invalid('id' in pick ? 'itemId' : 'kind', msg(partyMsg.pointsNoRule, { item: what }), 'invalid');
  }
  return item;
}

/**
 * Corrects an entry by a counter-entry: its negation, same item and period, with the reason and the person who made it.
 * An office over the entry's place (404 outside, 403 without the role); a counter-entry is not countered (422); an entry
 * is countered once (409, also for two corrections at once: the unique key lets one in).
 */
export async function counterEntry(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<PointsRow> {
  const db = ctx.handle.db;
  const entry = await db.selectFrom('party_points').selectAll().where('id', '=', id).executeTakeFirst();
  if (!entry) throw notFound('points entry');
  authorize(actor, partyPointsPolicy, 'counter', entry.place_path, {}, 'points entry');
  if (entry.counters_id) throw invalid('id', partyMsg.pointsCounterOfCounter);
  const now = nowIso();
  const row: PointsRow = {
    ...entry, id: newId(), quantity: -entry.quantity, points: -entry.points, capped: 0, reason, source_key: null, counters_id: entry.id,
    created_by: actor.userId, created_by_name: actor.displayName, created_at: now,
  };
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('party_points').values(row).execute();
      await appendEvents(trx, actor, [{ entityType: 'party_member', entityId: entry.member_id, placeId: entry.place_id, action: 'counter_points', reason,
        to: { entryId: row.id, counters: entry.id, item: entry.item_name, quantity: row.quantity, points: row.points, earnedOn: entry.earned_on } }], now);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('id', partyMsg.pointsAlreadyCountered, 'duplicate');
    throw e;
  }
  return row;
}

/** An entry as the API shows it. */
export const toPointsEntry = (r: PointsRow) => ({
  id: r.id, memberId: r.member_id, itemId: r.item_id, itemKind: r.item_kind, itemName: r.item_name, quantity: Number(r.quantity), points: Number(r.points),
  capped: Number(r.capped) === 1, period: r.period, earnedOn: r.earned_on, reason: r.reason, countersId: r.counters_id,
  createdByName: r.created_by_name, createdAt: r.created_at,
});
