import type { Db } from './db.js';

/** Tables whose rows carry `id` and `expires_at` and may go once expired (never the event log). */
export type ExpiringTable = 'one_time_codes' | 'resident_sessions' | 'sessions';

/**
 * Deletes the rows of `table` that expired before `before`, a batch at a time by id, so each statement holds its
 * locks briefly (PostgreSQL has no DELETE … LIMIT). Returns how many went.
 */
export async function purgeExpiredRows(db: Db, table: ExpiringTable, before: string, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = db.selectFrom(table).select('id').where('expires_at', '<', before).orderBy('expires_at').limit(batchSize);
    const n = Number((await db.deleteFrom(table).where('id', 'in', ids).executeTakeFirst()).numDeletedRows);
    total += n;
    if (n < batchSize) return total;
  }
}
