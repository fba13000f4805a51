import type { Kysely } from 'kysely';

/**
 * The point lookup keeps each indexed place's path and name in memory and rebuilds when a place changes: the newest
 * `places.updated_at` (a move or a rename sets it) is read with the newest geometry stamp on every lookup, one indexed `max`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('places_updated_at').on('places').column('updated_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('places_updated_at').ifExists().execute();
}
