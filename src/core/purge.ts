import { sql } from 'kysely';
import type { Db } from './db.js';
import type { Job } from './module.js';
import { expiringRows } from './registry.js';

/**
 * Deletes the rows of `table` whose `column` is before `before`, a batch at a time by id, so each statement holds its
 * locks briefly (PostgreSQL has no DELETE … LIMIT). Returns how many went. Never the event log: it refuses deletes.
 */
export async function purgeExpiredRows(db: Db, table: string, before: string, batchSize: number, column = 'expires_at'): Promise<number> {
  let total = 0;
  const t = sql.table(table);
  const c = sql.ref(column);
  for (;;) {
    const r = await sql`delete from ${t} where id in (select id from ${t} where ${c} < ${before} order by ${c} limit ${batchSize})`.execute(db);
    const n = Number(r.numAffectedRows ?? 0);
    total += n;
    if (n < batchSize) return total;
  }
}

/** Deletes what every installed module declared as expiring; returns the count per table. */
export async function purgeExpired(db: Db, now = new Date(), batchSize = 500): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const e of expiringRows()) {
    out[e.table] = await purgeExpiredRows(db, e.table, new Date(now.getTime() - (e.graceMs ?? 0)).toISOString(), batchSize, e.column);
  }
  return out;
}

/** Expired rows are harmless meanwhile (every read checks expiry), only unwanted: every 15 minutes is enough. */
export const PURGE_EVERY_MS = 15 * 60_000;
export const purgeJob: Job = { name: 'purge-expired', everyMs: PURGE_EVERY_MS, firstAfterMs: 10_000, run: (ctx) => purgeExpired(ctx.handle.db) };
