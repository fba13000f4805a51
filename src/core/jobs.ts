import { sql } from 'kysely';
import type { AppContext } from './context.js';
import type { Job } from './module.js';
import { purgeJob } from './purge.js';
import { jobs as declaredJobs } from './registry.js';

export interface ScheduledJobTable {
  name: string;
  /** When the last run was claimed; a run is claimed by one conditional UPDATE, so one process wins each slot. */
  last_started_at: string;
  last_finished_at: string | null;
  last_error: string | null;
}
export interface JobsTables {
  scheduled_jobs: ScheduledJobTable;
}

/** Every job: the platform's own (purge) and those the modules declare. */
export const allJobs = (): Job[] => [purgeJob, ...declaredJobs()];

/**
 * Claims this run of `job`: true for exactly one of any number of app processes (on one database) per interval. The
 * claim is one conditional UPDATE (or the first INSERT), the same on SQLite and PostgreSQL, so no lock is held while the
 * job runs and a process that dies mid-run only delays the next slot.
 */
export async function claimRun(ctx: AppContext, job: Job, now = new Date()): Promise<boolean> {
  const { db } = ctx.handle;
  const at = now.toISOString();
  // A slot is 90 % of the interval: timers of different processes drift, and a run must not be skipped for it.
  const slotStart = new Date(now.getTime() - job.everyMs * 0.9).toISOString();
  const inserted = await sql`insert into scheduled_jobs (name, last_started_at) values (${job.name}, ${at}) on conflict (name) do nothing`.execute(db);
  if (Number(inserted.numAffectedRows ?? 0) === 1) return true;
  const r = await db.updateTable('scheduled_jobs').set({ last_started_at: at })
    .where('name', '=', job.name).where('last_started_at', '<=', slotStart).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function runJobOnce(ctx: AppContext, job: Job, now = new Date()): Promise<boolean> {
  if (!(await claimRun(ctx, job, now))) return false;
  let error: string | null = null;
  try {
    await job.run(ctx);
  } catch (e) {
    error = String((e as Error)?.stack ?? e).slice(0, 2000);
    throw e;
  } finally {
    await ctx.handle.db.updateTable('scheduled_jobs').set({ last_finished_at: new Date().toISOString(), last_error: error })
      .where('name', '=', job.name).execute().catch(() => {});
  }
  return true;
}

/** The one in-process runner: every job on its interval, in every app process; claimRun lets one of them run each slot. */
export function startJobs(ctx: AppContext, log: (err: unknown, job: string) => void, list = allJobs()): () => void {
  const timers: NodeJS.Timeout[] = [];
  for (const job of list) {
    const run = () => void runJobOnce(ctx, job).catch((err) => log(err, job.name));
    const first = setTimeout(run, Math.min(job.firstAfterMs ?? 5_000, job.everyMs));
    const every = setInterval(run, job.everyMs);
    first.unref();
    every.unref();
    timers.push(first, every);
  }
  return () => timers.forEach((t) => clearTimeout(t));
}
