import type { AppContext } from '../../../core/context.js';
import type { Job } from '../../../core/module.js';
import { appendEvent, SYSTEM_ACTOR } from '../../../core/events.js';
import { assigneeUsers, notify, streetStaffOver } from '../notify.js';

const HANDLING: readonly ['accepted', 'dispatched', 'taken'] = ['accepted', 'dispatched', 'taken'];
/** How long after the deadline an overdue order goes from "notify" to "supervise". */
export const SUPERVISE_AFTER_MS = 24 * 3600_000;

/**
 * Escalates overdue orders by rule: past the deadline, notify the taker and dispatcher (step 1); a day later, the
 * street supervises (step 2). Each step is a conditional update on `escalation`, so with several app processes a
 * step fires once: the process whose update matched writes the event, the others match nothing.
 */
export async function scanOverdue(ctx: AppContext, now = new Date()): Promise<{ notified: number; supervised: number }> {
  const { db } = ctx.handle;
  const nowIso = now.toISOString();
  const due = await db.selectFrom('work_orders').select(['id', 'escalation', 'resolve_due'])
    .where('state', 'in', HANDLING).where('resolve_due', '<', nowIso).where('escalation', '<', 2).execute();
  let notified = 0;
  let supervised = 0;
  for (const o of due) {
    const step = o.escalation === 0 ? 1 : new Date(o.resolve_due!).getTime() + SUPERVISE_AFTER_MS < now.getTime() ? 2 : 0;
    if (step === 0) continue;
    const fired = await db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('work_orders')
        .set({ escalation: step, ...(step === 2 ? { supervised: 1 } : {}), updated_at: nowIso })
        .where('id', '=', o.id).where('escalation', '=', o.escalation).where('state', 'in', HANDLING)
        .returningAll().executeTakeFirst();
      if (!row) return false;
      await appendEvent(trx, SYSTEM_ACTOR, {
        entityType: 'work_order', entityId: row.id, placeId: row.place_id, action: step === 1 ? 'overdue' : 'supervise',
        from: { escalation: o.escalation }, to: { escalation: step, ...(step === 2 ? { supervised: true } : {}) },
        reason: step === 1 ? 'overdue: past the deadline' : 'overdue: supervised by rule',
      }, nowIso);
      const who = step === 1 ? [...(await assigneeUsers(trx, row.assignee_kind, row.assignee_id)), row.dispatcher_id] : await streetStaffOver(trx, row.place_path);
      await notify(trx, who, step === 1
        ? { kind: 'overdue', entityId: row.id, zh: `工单已超期:${row.title}`, en: `Overdue: ${row.title}` }
        : { kind: 'supervise', entityId: row.id, zh: `超期自动督办:${row.title}`, en: `Overdue, supervised by rule: ${row.title}` });
      return true;
    });
    if (fired) step === 1 ? notified++ : supervised++;
  }
  return { notified, supervised };
}

/** Declared in the manifest; the one job runner (core/jobs.ts) runs it every minute in one app process at a time. */
export const overdueScanJob: Job = { name: 'work-orders.overdue-scan', everyMs: 60_000, run: (ctx) => scanOverdue(ctx) };
