import { type Kysely, sql } from 'kysely';

/**
 * Who filed each work order (a staff account; null for residents and machines): a building head sees the demands he
 * filed. Backfilled from each order's `file` event.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_orders').addColumn('filed_by', 'text').execute();
  await sql`update work_orders set filed_by = (
      select e.actor_id from events e where e.entity_type = 'work_order' and e.entity_id = work_orders.id and e.action = 'file' order by e.id limit 1)
    where exists (select 1 from events e where e.entity_type = 'work_order' and e.entity_id = work_orders.id and e.action = 'file' and e.actor_id is not null)`.execute(db);
  await db.schema.createIndex('work_orders_filed_by').on('work_orders').columns(['filed_by', 'received_at']).where(sql.ref('filed_by'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('work_orders_filed_by').ifExists().execute();
  await db.schema.alterTable('work_orders').dropColumn('filed_by').execute();
}
