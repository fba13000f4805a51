import type { AppContext } from '../../../core/context.js';
import { purgeExpiredRows } from '../../../core/purge.js';
import { CODE_HOURLY_WINDOW_MS } from './send-code.js';

const BATCH = 500;
/** How often the purge runs: expired rows are harmless meanwhile (every read checks expiry), only unwanted. */
export const PURGE_EVERY_MS = 15 * 60_000;

/**
 * Deletes expired resident sessions, staff sessions and one-time codes in batches. A code stays an hour past its
 * expiry: the hourly limit of codes per phone counts the codes sent in the last hour (see sendCode).
 */
export async function purgeExpired(ctx: AppContext, now = new Date(), batchSize = BATCH): Promise<{ codes: number; sessions: number; staffSessions: number }> {
  const { db } = ctx.handle;
  const codes = await purgeExpiredRows(db, 'one_time_codes', new Date(now.getTime() - CODE_HOURLY_WINDOW_MS).toISOString(), batchSize);
  const sessions = await purgeExpiredRows(db, 'resident_sessions', now.toISOString(), batchSize);
  const staffSessions = await purgeExpiredRows(db, 'sessions', now.toISOString(), batchSize);
  return { codes, sessions, staffSessions };
}

/** Runs the purge in the in-process scheduler, once soon after start and then every PURGE_EVERY_MS. */
export function startPurge(ctx: AppContext, log: (err: unknown) => void, everyMs = PURGE_EVERY_MS): () => void {
  const run = () => void purgeExpired(ctx).catch(log);
  const first = setTimeout(run, Math.min(everyMs, 10_000));
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
