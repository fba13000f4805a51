import type { Kysely } from 'kysely';

/**
 * A place's geometry (边界 / 位置), WGS-84 GeoJSON as text beside its bounding box: no database extension is needed on
 * either database. A boundary (district, street, community, grid) is a Polygon or MultiPolygon; a point (compound,
 * building) is a Point with an optional outline Polygon. One row a place, kept apart from `places` so that reading the
 * tree never drags polygons along. The in-memory index is rebuilt when the newest `updated_at` changes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('place_geometries')
    .addColumn('place_id', 'text', (c) => c.primaryKey().references('places.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('geometry', 'text', (c) => c.notNull())
    .addColumn('outline', 'text')
    .addColumn('min_lon', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lon', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('place_geometries_updated_at').on('place_geometries').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('place_geometries').ifExists().execute();
}
