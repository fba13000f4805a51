import type { Kysely } from 'kysely';

/**
 * One row per phone that asked for a one-time code lately: the send of a code claims it by one conditional upsert,
 * so of parallel requests for one phone a single one sends (core of the one-a-minute limit, on both databases).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('one_time_code_gates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('one_time_code_gates_expires').on('one_time_code_gates').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('one_time_code_gates').ifExists().execute();
}
