import { z } from 'zod';
import type { LifecycleDef, LifecycleRecord } from '../../core/lifecycle/types.js';
import { isSystemCaller } from '../../core/lifecycle/types.js';
import { conflict } from '../../core/errors.js';
import { ZVersion } from '../../core/validation.js';
import { ESCALATION_STATES, type EscalationState } from '../../../contracts/work-orders.js';
import { loadWorkOrderRecord, type WorkOrderRecord } from './record.js';
import { workOrderLifecycle } from './lifecycle.js';
import { workOrderMsg } from './messages.js';

/** The escalation level of an order, beside its main state: 0, 1, 2 in work_orders.escalation. */
export interface EscalationRecord extends LifecycleRecord {
  order: WorkOrderRecord;
}

export const ESCALATION_VALUES: Record<EscalationState, number> = { none: 0, notified: 1, supervised: 2 };
export const escalationState = (value: number): EscalationState => ESCALATION_STATES[value] ?? 'supervised';
export const toEscalationRecord = (order: WorkOrderRecord): EscalationRecord =>
  ({ id: order.id, version: order.version, placeId: order.placeId, placePath: order.placePath, state: escalationState(order.row.escalation), order });

const ZNone = z.object({ version: ZVersion });
const byRule = () => conflict('state', workOrderMsg.schedulerOnly, 'scheduler_only');

/**
 * Overdue escalation as a state table: past the deadline the scheduler notifies the taker and dispatcher; a day later
 * the street supervises. Only the scheduler takes these steps; the conditional update on the level makes each fire once
 * whatever the number of app processes. It keeps the order's version: a person's step in between is not refused for it.
 */
export const escalationLifecycle: LifecycleDef<EscalationRecord, 'notify_overdue' | 'supervise_overdue', 'scheduler', EscalationState> = {
  entityType: 'work_order',
  table: 'work_orders',
  stateColumn: 'escalation',
  stateValues: ESCALATION_VALUES,
  versioned: false,
  states: ESCALATION_STATES,
  relations: { scheduler: { roles: [], holds: (c) => isSystemCaller(c) } },
  guards: { by_rule: { holds: (c) => isSystemCaller(c), refuse: byRule } },
  steps: {
    notify_overdue: { from: ['none'], to: 'notified', who: ['scheduler'], guard: 'by_rule', input: ZNone, event: 'overdue' },
    supervise_overdue: { from: ['notified'], to: 'supervised', who: ['scheduler'], guard: 'by_rule', input: ZNone, event: 'supervise' },
  },
  load: async (ctx, id) => {
    const order = await loadWorkOrderRecord(ctx.handle.db, id);
    return order && toEscalationRecord(order);
  },
  visible: (caller, r) => isSystemCaller(caller) || workOrderLifecycle.visible(caller, r.order),
  view: (_ctx, row) => row,
  labels: {
    steps: { notify_overdue: workOrderMsg.stepNotifyOverdue, supervise_overdue: workOrderMsg.stepSuperviseOverdue },
    states: { none: workOrderMsg.stateNotOverdue, notified: workOrderMsg.stateNotified, supervised: workOrderMsg.stateSupervised },
  },
};
