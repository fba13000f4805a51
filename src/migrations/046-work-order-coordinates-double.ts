import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../core/db.js';

/**
 * A work order's pin (lat/lng) was `real`: 8 bytes on SQLite but 4 on PostgreSQL, where a pin kept only 7 significant
 * digits (up to a metre off, and not what SQLite gave back). Both now keep a double; SQLite's REAL already is one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table work_orders alter column lat type double precision, alter column lng type double precision`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await sql`alter table work_orders alter column lat type real, alter column lng type real`.execute(db);
}
