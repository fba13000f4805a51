import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * The three lists (三单) and partner units. Units gain the partner unit's kind (agency, school, hospital, company, social
 * organisation, property company; departments have none) and a contact person; each partner unit has at most one
 * co-building agreement (term, commitments; the signed scan is an attachment of entity type `unit_agreement`). Needs
 * (需求) and resources (资源) are state tables (the lifecycle engine): a need is reported, published (or rejected, or
 * merged into another), dispatched to a unit, taken (or declined back to published), delivered and rated; a resource is
 * submitted, then published or rejected. A resource's remaining capacity is kept for its current period (a month) and
 * taken by one conditional update, so it never goes below zero.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.alterTable('units').addColumn('partner_kind', 'text').execute();
  await db.schema.alterTable('units').addColumn('contact_name', 'text').execute();
  await db.schema.alterTable('units').addColumn('contact_title', 'text').execute();

  await db.schema.createTable('unit_agreements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().unique().references('units.id'))
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text', (c) => c.notNull())
    .addColumn('commitments', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('unit_agreements_place_path').on('unit_agreements').columns(['place_path', 'term_end']).execute();

  await db.schema.createTable('resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('period_of', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('resources_remaining_not_negative', sql`remaining >= 0 and remaining <= capacity`)
    .execute();
  await db.schema.createIndex('resources_place_path').on('resources').columns(['place_path', 'state', 'category']).execute();
  await db.schema.createIndex('resources_unit').on('resources').columns(['unit_id', 'state']).execute();

  await db.schema.createTable('needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('beneficiary', 'text')
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('reporter_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reporter_phone_index', 'text')
    .addColumn('work_order_id', 'text', (c) => c.references('work_orders.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('merged_into', 'text', (c) => c.references('needs.id'))
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('resource_id', 'text', (c) => c.references('resources.id'))
    .addColumn('decline_reason', 'text')
    .addColumn('delivery_note', 'text')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('taken_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_place_path').on('needs').columns(['place_path', 'state']).execute();
  await db.schema.createIndex('needs_unit').on('needs').columns(['unit_id', 'state']).execute();
  await db.schema.createIndex('needs_resource').on('needs').columns(['resource_id', 'state']).execute();
  await db.schema.createIndex('needs_reporter_phone').on('needs').columns(['reporter_phone_index']).execute();
  // A work order turns into at most one need.
  await sql`create unique index needs_one_per_work_order on needs (work_order_id) where work_order_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('needs').ifExists().execute();
  await db.schema.dropTable('resources').ifExists().execute();
  await db.schema.dropTable('unit_agreements').ifExists().execute();
  await db.schema.alterTable('units').dropColumn('contact_title').execute();
  await db.schema.alterTable('units').dropColumn('contact_name').execute();
  await db.schema.alterTable('units').dropColumn('partner_kind').execute();
}
