import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * 党群服务中心(站) and 便民服务点: a site hung on a place, with its kind, address, opening hours, services and an optional
 * WGS-84 point (double precision on both databases), open or closed on its state table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pathType = dialectOf(db) === 'postgres' ? sql`text collate "C"` : sql`text`;
  await db.schema.createTable('service_sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('place_id', 'text', (c) => c.notNull().references('places.id'))
    .addColumn('place_path', pathType, (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hours', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('services', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('service_sites_kind', sql`kind in ('service_centre', 'service_point')`)
    .addCheckConstraint('service_sites_point', sql`(lng is null) = (lat is null)`)
    .execute();
  await db.schema.createIndex('service_sites_place_path').on('service_sites').columns(['place_path', 'state']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_sites').ifExists().execute();
}
