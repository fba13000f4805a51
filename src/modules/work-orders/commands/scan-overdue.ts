import type { AppContext } from '../../../core/context.js';
import type { Job } from '../../../core/module.js';
import { applyStep } from '../../../core/lifecycle/engine.js';
import type { StepResult, SystemCaller } from '../../../core/lifecycle/types.js';
import { escalationLifecycle, escalationState } from '../escalation-lifecycle.js';
import type { WorkOrderRow } from '../queries.js';
import { assigneeUsers, notify, streetStaffOver } from '../notify.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

const HANDLING: readonly ['accepted', 'dispatched', 'taken'] = ['accepted', 'dispatched', 'taken'];
/** Who the event log names for the scan's steps. */
export const SCHEDULER: SystemCaller = { userId: null, displayName: workOrderMsg.scheduler.zh, system: true, bindings: [] };
/** How long after the deadline an overdue order goes from "notify" to "supervise". */
export const SUPERVISE_AFTER_MS = 24 * 3600_000;

/**
 * Escalates overdue orders by rule: past the deadline, notify the taker and dispatcher (step 1); a day later, the
 * street supervises (step 2): the escalation state table (escalation-lifecycle.ts). Each step is a conditional update on
 * `escalation`, so with several app processes a step fires once: the process whose update matched writes the event.
 */
export async function scanOverdue(ctx: AppContext, now = new Date()): Promise<{ notified: number; supervised: number }> {
  const { db } = ctx.handle;
  const nowIso = now.toISOString();
  const due = await db.selectFrom('work_orders').select(['id', 'version', 'place_id', 'place_path', 'escalation', 'resolve_due'])
    .where('state', 'in', HANDLING).where('resolve_due', '<', nowIso).where('escalation', '<', 2).execute();
  let notified = 0;
  let supervised = 0;
  for (const o of due) {
    const step = o.escalation === 0 ? 'notify_overdue' : new Date(o.resolve_due!).getTime() + SUPERVISE_AFTER_MS < now.getTime() ? 'supervise_overdue' : null;
    if (!step) continue;
    const record = { id: o.id, version: o.version, placeId: o.place_id, placePath: o.place_path, state: escalationState(o.escalation) };
    const result: StepResult<WorkOrderRow> = {
      set: step === 'supervise_overdue' ? { supervised: 1 } : {},
      data: step === 'supervise_overdue' ? { supervised: true } : {},
      reason: (step === 'notify_overdue' ? workOrderMsg.overdueReason : workOrderMsg.supervisedByRuleReason).zh,
      onlyIf: { state: HANDLING },
      after: async (trx, row) => {
        const who = step === 'notify_overdue' ? [...(await assigneeUsers(trx, row.assignee_kind, row.assignee_id)), row.dispatcher_id] : await streetStaffOver(trx, row.place_path);
        await notify(trx, who, step === 'notify_overdue'
          ? { kind: 'overdue', entityId: row.id, ...msg(workOrderMsg.overdue, { title: row.title }) }
          : { kind: 'supervise', entityId: row.id, ...msg(workOrderMsg.supervisedByRule, { title: row.title }) });
      },
    };
    // Another process may have fired this level first: its conditional update then matches nothing here.
    const fired = await db.transaction().execute((trx) => applyStep(trx, escalationLifecycle, SCHEDULER, record, step, result, nowIso)).then(() => true, (e) => {
      if (e?.code === 'stale_version') return false;
      throw e;
    });
    if (fired) step === 'notify_overdue' ? notified++ : supervised++;
  }
  return { notified, supervised };
}

/** Declared in the manifest; the one job runner (core/jobs.ts) runs it every minute in one app process at a time. */
export const overdueScanJob: Job = { name: 'work-orders.overdue-scan', everyMs: 60_000, run: (ctx) => scanOverdue(ctx) };
