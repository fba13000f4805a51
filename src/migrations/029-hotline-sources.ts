import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * 12345 exports as the platform emits them (issue #13):
 * - a work order may be confidential (是否保密: the reporter's name is then kept encrypted, never in clear) and has an
 *   urgency (紧急程度: 0 normal, 1 urgent, 2 critical, so the inbox sorts by the number);
 * - `hotline_sources`: per street, a named source (e.g. 市12345平台) and the column mapping its last import used, with the
 *   headers it was made for, so the next file with the same headers is read without asking.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('work_orders').addColumn('urgency', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('work_orders').addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('work_orders').addColumn('reporter_name_enc', 'text').execute();
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('hotline_sources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headers', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('hotline_sources_place_name').unique().on('hotline_sources').columns(['place_id', 'name']).execute();
  await db.schema.createIndex('hotline_sources_place_path').on('hotline_sources').column('place_path').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hotline_sources').ifExists().execute();
  await db.schema.alterTable('work_orders').dropColumn('reporter_name_enc').execute();
  await db.schema.alterTable('work_orders').dropColumn('confidential').execute();
  await db.schema.alterTable('work_orders').dropColumn('urgency').execute();
}
