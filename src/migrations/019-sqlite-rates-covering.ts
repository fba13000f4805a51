import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * The three rates scan a month of orders by the time received and by the resolve deadline. PostgreSQL has covering
 * indexes for both since 002/006 (`include`); SQLite read every order's row from the table beside its index entry, about
 * 80 ms a month at 200,000 orders. These give SQLite the same index-only scans: the same names, the columns the
 * month queries read after the ones they range over. On PostgreSQL they exist already and this does nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await sql`create index if not exists work_orders_received_cover on work_orders
    (received_at, office_id, state, accepted_at, closed_at, accept_due, assignee_kind, assignee_id)`.execute(db);
  await sql`create index if not exists work_orders_due_cover on work_orders
    (resolve_due, office_id, state, resolved_at, rating, assignee_kind, assignee_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') return;
  await db.schema.dropIndex('work_orders_received_cover').ifExists().execute();
  await db.schema.dropIndex('work_orders_due_cover').ifExists().execute();
}
