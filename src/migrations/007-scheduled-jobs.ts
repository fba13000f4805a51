import type { Kysely } from 'kysely';

/** The job runner's claims (core/jobs.ts): one row per job, claimed by a conditional UPDATE per run. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('scheduled_jobs')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_started_at', 'text', (c) => c.notNull())
    .addColumn('last_finished_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scheduled_jobs').ifExists().execute();
}
