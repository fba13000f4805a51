import type { Kysely } from 'kysely';

/**
 * What one deployment records about itself, a value per name. The first: `data_key_fingerprint`, an HMAC of a constant
 * under the personal-data key (never the key), written at first start, so that a process started with another key
 * refuses to start instead of writing what the others cannot decrypt.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('instance_settings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('instance_settings').ifExists().execute();
}
