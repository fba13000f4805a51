import { type Kysely, sql } from 'kysely';

/**
 * Files any record can carry (attachments), in place of the work-order photos table: each photo becomes an attachment
 * of its work order (entity_type 'work_order'), keeping its id, file and time, with the order's place and its path beside it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull())
    .addColumn('place_path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('attachments_entity').on('attachments').columns(['entity_type', 'entity_id', 'created_at']).execute();
  // A move re-paths the copies by a range on the path.
  await db.schema.createIndex('attachments_place_path').on('attachments').column('place_path').execute();
  await sql`insert into attachments (id, entity_type, entity_id, stage, file, mime, size, place_id, place_path, created_at)
    select p.id, 'work_order', p.work_order_id, p.stage, p.file, p.mime, p.size, o.place_id, o.place_path, p.created_at
    from work_order_photos p join work_orders o on o.id = p.work_order_id`.execute(db);
  await db.schema.dropTable('work_order_photos').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('work_order_photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('work_order_photos_order').on('work_order_photos').column('work_order_id').execute();
  await sql`insert into work_order_photos (id, work_order_id, stage, file, mime, size, created_at)
    select id, entity_id, stage, file, mime, size, created_at from attachments where entity_type = 'work_order'`.execute(db);
  await db.schema.dropTable('attachments').execute();
}
