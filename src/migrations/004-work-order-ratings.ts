import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';
import { rebuildRatings } from '../modules/work-orders/ratings.js';

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

  // The backfill derives the rows exactly as appendEvents keeps them. (Should the derivation later depend on a newer
  // migration's schema, freeze a copy of today's ratingsSelect here.)
  await rebuildRatings(db);
  if (pg) await sql`analyze work_order_ratings`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('work_order_ratings').ifExists().execute();
}
