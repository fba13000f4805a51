import type { Kysely } from 'kysely';

/**
 * A service centre's or service point's optional outline: a GeoJSON Polygon (WGS-84) as text, null when none is drawn.
 * The server keeps it around the site's point and inside its place; the column is the same on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('service_sites').addColumn('outline', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('service_sites').dropColumn('outline').execute();
}
