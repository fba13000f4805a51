import type { Kysely } from 'kysely';

/** The purge of expired one-time codes, resident sessions and staff sessions finds them by expiry without reading the tables. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('one_time_codes_expires').on('one_time_codes').column('expires_at').execute();
  await db.schema.createIndex('resident_sessions_expires').on('resident_sessions').column('expires_at').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_expires').ifExists().execute();
  await db.schema.dropIndex('resident_sessions_expires').ifExists().execute();
  await db.schema.dropIndex('one_time_codes_expires').ifExists().execute();
}
