// Frozen test fixture: src/migrations/002-work-orders.ts as it first landed in 97e3d98 (only the import path changed); never edit.
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../../core/db.js';

/** Demands and work orders: units, categories with deadlines, holidays, orders, photos, call-ins, extensions, inbox. */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  const pathType = pg ? sql`text collate "C"` : sql`text`;
  const stamps = (t: any) => t.addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c: any) => c.notNull()).addColumn('updated_at', 'text', (c: any) => c.notNull());

  await stamps(db.schema.createTable('units')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())).execute();
  await db.schema.createIndex('units_path').on('units').column('place_path').execute();
  await db.schema.alterTable('users').addColumn('unit_id', 'text', (c) => c.references('units.id')).execute();

  await stamps(db.schema.createTable('categories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('default_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('priority', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('complex', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())).execute();

  await db.schema.createTable('holidays')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('workday', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await stamps(db.schema.createTable('work_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tracking_no', 'text', (c) => c.notNull().unique())
    .addColumn('external_no', 'text', (c) => c.unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('demand_type', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull().references('categories.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('office_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('address_enc', 'text')
    .addColumn('address_masked', 'text')
    .addColumn('lat', 'real')
    .addColumn('lng', 'real')
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone_enc', 'text')
    .addColumn('reporter_phone_masked', 'text')
    .addColumn('reporter_phone_index', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('assignee_kind', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('dispatcher_id', 'text')
    .addColumn('reopen_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('supervised', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('accept_due', 'text', (c) => c.notNull())
    .addColumn('contact_due', 'text')
    .addColumn('resolve_due', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('first_contact_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('result', 'text')
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')).execute();
  await db.schema.createIndex('work_orders_path').on('work_orders').columns(['place_path', 'state']).execute();
  await db.schema.createIndex('work_orders_state_due').on('work_orders').columns(['state', 'resolve_due']).execute();
  await db.schema.createIndex('work_orders_office_received').on('work_orders').columns(['office_id', 'received_at']).execute();
  await db.schema.createIndex('work_orders_assignee').on('work_orders').columns(['assignee_kind', 'assignee_id', 'state']).execute();
  await db.schema.createIndex('work_orders_reporter').on('work_orders').column('reporter_phone_index').execute();

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

  await db.schema.createTable('work_order_units')
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('called_at', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('part', 'text')
    .addPrimaryKeyConstraint('work_order_units_pk', ['work_order_id', 'unit_id'])
    .execute();

  await stamps(db.schema.createTable('extension_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_order_id', 'text', (c) => c.notNull().references('work_orders.id'))
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')).execute();
  await db.schema.createIndex('extension_requests_order').on('extension_requests').column('work_order_id').execute();

  await db.schema.createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('text_zh', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'created_at']).execute();

  // Open311 clients and the 12345 platform's push authenticate with an api key issued by an office.
  await db.schema.createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Residents on the H5 page sign in with their phone and a one-time code; no staff account.
  await db.schema.createTable('one_time_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('one_time_codes_phone').on('one_time_codes').columns(['phone_index', 'created_at']).execute();
  await db.schema.createTable('resident_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone_index', 'text', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['resident_sessions', 'one_time_codes', 'api_keys', 'notifications', 'extension_requests', 'work_order_units', 'work_order_photos', 'work_orders', 'holidays', 'categories']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await db.schema.alterTable('users').dropColumn('unit_id').execute();
  await db.schema.dropTable('units').ifExists().execute();
}
