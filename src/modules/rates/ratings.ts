import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dialectOf } from '../../core/db.js';
import type { ReadModel } from '../../core/module.js';
import { monthRange } from './rates.js';
import { rateableOrders } from '../work-orders/index.js';
import type { WorkOrderRatingTable } from './tables.js';

/**
 * The ratings read model: one row per (month, order) with the last `rate` event of that order in that month (Beijing
 * time, as `monthRange` in rates.ts cuts months), what it rated, and who the rating counts for. The satisfaction figures
 * of the three rates read this table instead of windowing the event log.
 *
 * It is a projection of the log: every row is what `derivedRatings` computes from the `rate` events (the rating in
 * to_state; the assignee whose work was rated in from_state, which the rate step records) and the order's office
 * (fixed at filing). appendEvents (core/events.ts) refreshes it for every `rate` event it appends, inside the caller's
 * transaction; bulk loaders that bypass appendEvents call `rebuildRatings` after loading. Unlike `events` it is updated
 * in place: a later rating of the same order in the same month replaces the row.
 */
export const RATING_COLUMNS = ['month', 'order_id', 'event_id', 'rated_at', 'rating', 'office_id', 'assignee_kind', 'assignee_id'] as const;

// Any Kysely or transaction (bulk loaders pass untyped ones).
type AnyDb = Kysely<any>;

/** Which rate events to derive from: one month, some orders, or (neither) all of them. */
export interface RatingsFilter {
  month?: string;
  orderIds?: readonly string[];
}

/**
 * The SELECT that derives the read model's rows from the log, one per (month, order), in RATING_COLUMNS order: the
 * last `rate` event per order and Beijing month (a window over the `rate` events of the month, of the orders, or all),
 * the rating from its to_state, the assignee from its from_state (else the order's), and the order's office.
 */
export function ratingsSelect(db: AnyDb, filter: RatingsFilter = {}): RawBuilder<WorkOrderRatingTable> {
  const pg = dialectOf(db) === 'postgres';
  // 'YYYY-MM' of an ISO instant in Beijing time (UTC+8, no daylight saving); a text cast to timestamp drops the 'Z'.
  const monthOf = (at: RawBuilder<unknown>) => (pg ? sql`to_char(${at}::timestamp + interval '8 hours', 'YYYY-MM')` : sql`strftime('%Y-%m', ${at}, '+8 hours')`);
  const rating = (doc: RawBuilder<unknown>) => (pg ? sql`(${doc}::json ->> 'rating')` : sql`json_extract(${doc}, '$.rating')`);
  const assignee = (doc: RawBuilder<unknown>, key: 'kind' | 'id') => (pg ? sql`(${doc}::json -> 'assignee' ->> ${sql.lit(key)})` : sql`json_extract(${doc}, ${sql.lit(`$.assignee.${key}`)})`);
  const conditions = [];
  if (filter.month !== undefined) {
    const [s, e] = monthRange(filter.month);
    conditions.push(sql`and ev.at >= ${s} and ev.at < ${e}`);
  }
  if (filter.orderIds !== undefined) conditions.push(filter.orderIds.length ? sql`and ev.entity_id in (${sql.join([...filter.orderIds])})` : sql`and 1 = 0`);
  const at = sql.ref('ev.at');
  // The outer WHERE also keeps SQLite's INSERT … SELECT … ON CONFLICT unambiguous.
  return sql<WorkOrderRatingTable>`select r.month, r.entity_id as order_id, r.id as event_id, r.at as rated_at, ${rating(sql.ref('r.to_state'))} as rating,
    wo.office_id, coalesce(${assignee(sql.ref('r.from_state'), 'kind')}, wo.assignee_kind) as assignee_kind,
    coalesce(${assignee(sql.ref('r.from_state'), 'id')}, wo.assignee_id) as assignee_id
  from (
    select ev.id, ev.entity_id, ev.at, ev.from_state, ev.to_state, ${monthOf(at)} as month,
      row_number() over (partition by ev.entity_id, ${monthOf(at)} order by ev.id desc) as rn
    from events ev where ev.entity_type = 'work_order' and ev.action = 'rate' ${sql.join(conditions, sql` `)}
  ) r
  join ${rateableOrders(db)} wo on wo.id = r.entity_id
  where r.rn = 1 and ${rating(sql.ref('r.to_state'))} is not null`;
}

/** The rows the log implies, for one month or all (sorted by month and order): what the table must hold. */
export async function derivedRatings(db: AnyDb, month?: string): Promise<WorkOrderRatingTable[]> {
  const rows = await sql<WorkOrderRatingTable>`select * from (${ratingsSelect(db, { month })}) t order by t.month, t.order_id`.execute(db);
  return rows.rows.map((r) => ({ ...r, event_id: Number(r.event_id) }));
}

/**
 * Re-derives the read model from the log: the rows of `month`, or the whole table when no month is given. One DELETE
 * and one INSERT … SELECT, in a transaction of their own unless given one. Used by the migration's backfill and by
 * bulk loaders that write events without appendEvents; returns the number of rows written.
 */
export async function rebuildRatings(db: AnyDb, month?: string): Promise<number> {
  const run = async (trx: AnyDb) => {
    let del = trx.deleteFrom('work_order_ratings');
    if (month !== undefined) del = del.where('month', '=', month);
    await del.execute();
    const r = await trx.insertInto('work_order_ratings').columns([...RATING_COLUMNS]).expression(ratingsSelect(trx, { month })).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * Brings the rows of these orders (every month they were rated in) up to date with the log: an upsert on
 * (month, order_id), so a new last rating in a month replaces the row. appendEvents calls it for the orders whose
 * `rate` events it just wrote, in the same transaction.
 */
export async function refreshRatings(db: AnyDb, orderIds: readonly string[]): Promise<void> {
  // Parameters per statement stay far below SQLite's and PostgreSQL's bounds.
  for (let i = 0; i < orderIds.length; i += 2000) {
    await db.insertInto('work_order_ratings').columns([...RATING_COLUMNS]).expression(ratingsSelect(db, { orderIds: orderIds.slice(i, i + 2000) }))
      .onConflict((oc) => oc.columns(['month', 'order_id']).doUpdateSet((eb) => ({
        event_id: eb.ref('excluded.event_id'), rated_at: eb.ref('excluded.rated_at'), rating: eb.ref('excluded.rating'), office_id: eb.ref('excluded.office_id'),
        assignee_kind: eb.ref('excluded.assignee_kind'), assignee_id: eb.ref('excluded.assignee_id'),
      })))
      .execute();
  }
}

// Every `rate` event appended anywhere (steps, seeds, tests) keeps the table in step, in its transaction.
/** Declared in the work-orders manifest: appendEvents keeps it for every `rate` event, in the event's transaction. */
export const ratingsReadModel: ReadModel = {
  name: 'work_order_ratings', entityType: 'work_order', action: 'rate', refresh: refreshRatings,
  rebuild: async (db) => void (await rebuildRatings(db)),
};
