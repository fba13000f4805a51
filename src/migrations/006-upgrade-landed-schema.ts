import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * The indexes added to 001 and 002 after they first landed (18fefaf; c2f2c02, 21e3316, 6ab96fb), which a database
 * migrated before then never got. `if not exists` makes this a no-op on a database created since. A landed migration
 * is never edited again: a schema change is a new migration. No down: on a database created since, these indexes belong to
 * 001 and 002, and dropping them here would break it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).ifNotExists().on(table).columns(columns).execute();

  // 001, 18fefaf.
  await index('places_path_level', 'places', ['path', 'level']);
  // 002, c2f2c02 and 21e3316.
  await index('work_orders_due_month', 'work_orders', ['resolve_due', 'office_id']);
  await index('events_action_at', 'events', ['entity_type', 'action', 'at']);
  await index('work_orders_received', 'work_orders', ['received_at', 'id']);
  // 002, 6ab96fb: the same text as there (covering on PostgreSQL), so both paths give the same definitions.
  if (pg) {
    await sql`create index if not exists events_rate_at on events (at) include (entity_id, id, to_state) where entity_type = 'work_order' and action = 'rate'`.execute(db);
    await sql`create index if not exists work_orders_received_cover on work_orders (received_at) include (office_id, state, accepted_at, closed_at, accept_due, assignee_kind, assignee_id)`.execute(db);
    await sql`create index if not exists work_orders_due_cover on work_orders (resolve_due) include (office_id, state, resolved_at, rating, assignee_kind, assignee_id)`.execute(db);
    await sql`create index if not exists work_orders_id_office on work_orders (id) include (office_id, assignee_kind, assignee_id)`.execute(db);
  } else {
    await sql`create index if not exists events_rate_at on events (at, entity_id, id) where entity_type = 'work_order' and action = 'rate'`.execute(db);
  }
}
