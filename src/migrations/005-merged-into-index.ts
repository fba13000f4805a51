import type { Kysely } from 'kysely';

/** An order lists the duplicates merged into it (the order detail): find them by `merged_into`, not by a scan. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('work_orders_merged_into').on('work_orders').column('merged_into').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('work_orders_merged_into').ifExists().execute();
}
