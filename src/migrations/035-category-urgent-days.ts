import type { Kysely } from 'kysely';

/**
 * A demand category's urgency rule (issue #13): the working days an urgent (紧急) and a critical (特急) demand of the
 * category gets to be resolved. Empty keeps the default share of the normal time (a half, a quarter).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('categories').addColumn('urgent_days', 'integer').execute();
  await db.schema.alterTable('categories').addColumn('critical_days', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('categories').dropColumn('critical_days').execute();
  await db.schema.alterTable('categories').dropColumn('urgent_days').execute();
}
