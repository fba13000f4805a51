import { type Kysely, type RawBuilder, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * The ratings read model (modules/work-orders/ratings.ts): one row per (month, order) with the order's last rating in
 * that Beijing month, its office and the assignee rated. The satisfaction figures read a month of it from one index
 * range (the key columns cover what they count), instead of windowing the event log and joining the orders.
 * Backfilled from the events already logged in one INSERT … SELECT.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  await db.schema.createTable('work_order_ratings')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('event_id', pg ? 'bigint' : 'integer', (c) => c.notNull())
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull())
    .addColumn('assignee_kind', 'text')
    .addColumn('assignee_id', 'text')
    .addPrimaryKeyConstraint('work_order_ratings_pk', ['month', 'order_id'])
    // SQLite: the table is its primary-key b-tree, so a month is one range of it and the indexes carry (month, order_id).
    .$call((t) => (pg ? t : t.modifyEnd(sql`without rowid`)))
    .execute();
  // A month grouped by office, or by assignee for departments, with its counts per rating: an index-only range scan.
  await db.schema.createIndex('work_order_ratings_office').on('work_order_ratings').columns(['month', 'office_id', 'rating']).execute();
  await db.schema.createIndex('work_order_ratings_assignee').on('work_order_ratings').columns(['month', 'assignee_kind', 'assignee_id', 'rating']).execute();

  // The backfill derives the rows exactly as appendEvents keeps them.
  await backfillRatings(db, pg);
  if (pg) await sql`analyze work_order_ratings`.execute(db);
}

/**
 * A frozen copy of `rebuildRatings(db)` (ratingsSelect without a filter) from modules/work-orders/ratings.ts as of 228c166:
 * a migration never imports live module code, whose later changes would change what this migration does. Replacing that
 * import with this copy is the only edit made to 004 after it landed; it writes the same rows into the same schema.
 */
async function backfillRatings(db: Kysely<any>, pg: boolean): Promise<void> {
  // 'YYYY-MM' of an ISO instant in Beijing time (UTC+8, no daylight saving); a text cast to timestamp drops the 'Z'.
  const monthOf = (at: RawBuilder<unknown>) => (pg ? sql`to_char(${at}::timestamp + interval '8 hours', 'YYYY-MM')` : sql`strftime('%Y-%m', ${at}, '+8 hours')`);
  const rating = (doc: RawBuilder<unknown>) => (pg ? sql`(${doc}::json ->> 'rating')` : sql`json_extract(${doc}, '$.rating')`);
  const assignee = (doc: RawBuilder<unknown>, key: 'kind' | 'id') => (pg ? sql`(${doc}::json -> 'assignee' ->> ${sql.lit(key)})` : sql`json_extract(${doc}, ${sql.lit(`$.assignee.${key}`)})`);
  const at = sql.ref('ev.at');
  await sql`insert into work_order_ratings (month, order_id, event_id, rated_at, rating, office_id, assignee_kind, assignee_id)
  select r.month, r.entity_id as order_id, r.id as event_id, r.at as rated_at, ${rating(sql.ref('r.to_state'))} as rating,
    wo.office_id, coalesce(${assignee(sql.ref('r.from_state'), 'kind')}, wo.assignee_kind) as assignee_kind,
    coalesce(${assignee(sql.ref('r.from_state'), 'id')}, wo.assignee_id) as assignee_id
  from (
    select ev.id, ev.entity_id, ev.at, ev.from_state, ev.to_state, ${monthOf(at)} as month,
      row_number() over (partition by ev.entity_id, ${monthOf(at)} order by ev.id desc) as rn
    from events ev where ev.entity_type = 'work_order' and ev.action = 'rate'
  ) r
  join work_orders wo on wo.id = r.entity_id
  where r.rn = 1 and ${rating(sql.ref('r.to_state'))} is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_order_ratings').ifExists().execute();
}
