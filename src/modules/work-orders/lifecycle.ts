import { can } from '../../core/access/policy.js';
import { isStaffCaller, type LifecycleDef, type StepDef } from '../../core/lifecycle/types.js';
import { STATES, type WorkOrderState } from '../../../contracts/work-orders.js';
import {
  WORK_ORDER_LABELS, WORK_ORDER_STEPS, ZStep, type WorkOrderAction, type WorkOrderRelation,
} from '../../../contracts/work-order-steps.js';
import { workOrderReadPolicy } from './policy.js';
import { toWorkOrder, type WorkOrderRow } from './queries.js';
import { loadWorkOrderRecord, type WorkOrderRecord } from './record.js';
import { GUARDS, RELATIONS } from './relations.js';
import type { Step } from './steps/step.js';
import { accept } from './steps/accept.js';
import { answer } from './steps/answer.js';
import { callIn } from './steps/call-in.js';
import { contact } from './steps/contact.js';
import { decideExtension } from './steps/decide-extension.js';
import { dispatch } from './steps/dispatch.js';
import { followUp } from './steps/follow-up.js';
import { merge } from './steps/merge.js';
import { place } from './steps/place.js';
import { rate } from './steps/rate.js';
import { recall } from './steps/recall.js';
import { reject } from './steps/reject.js';
import { reportIn } from './steps/report-in.js';
import { requestExtension } from './steps/request-extension.js';
import { resolve } from './steps/resolve.js';
import { giveBack } from './steps/return.js';
import { supervise } from './steps/supervise.js';
import { take } from './steps/take.js';
import { takeOnSpot } from './steps/take-on-spot.js';

const RUN: { [A in WorkOrderAction]: Step<A> } = {
  accept, place, reject, answer, dispatch, recall, redispatch: dispatch as unknown as Step<'redispatch'>, take, take_on_spot: takeOnSpot, return: giveBack, contact, resolve, follow_up: followUp, rate, supervise,
  call_in: callIn, report_in: reportIn, request_extension: requestExtension, decide_extension: decideExtension, merge,
};

function stepOf<A extends WorkOrderAction>(action: A): StepDef<WorkOrderRecord, WorkOrderRelation, WorkOrderState> {
  const run = RUN[action] as Step<WorkOrderAction>;
  return { ...WORK_ORDER_STEPS[action], input: ZStep[action], run: (s, input) => run({ ...s, order: s.record.row }, input) };
}

/** The work-order state table on the lifecycle engine: the public table (contracts) plus each step's work and checks. */
export const workOrderLifecycle: LifecycleDef<WorkOrderRecord, WorkOrderAction, WorkOrderRelation, WorkOrderState> = {
  entityType: 'work_order',
  table: 'work_orders',
  states: STATES,
  relations: RELATIONS,
  guards: GUARDS,
  steps: Object.fromEntries(Object.keys(WORK_ORDER_STEPS).map((a) => [a, stepOf(a as WorkOrderAction)])) as Record<WorkOrderAction, StepDef<WorkOrderRecord, WorkOrderRelation, WorkOrderState>>,
  load: (ctx, id) => loadWorkOrderRecord(ctx.handle.db, id),
  visible: (caller, r) => (isStaffCaller(caller) ? can(caller, workOrderReadPolicy, 'read', r.placePath, r) : RELATIONS.reporter.holds(caller, r)),
  view: (_ctx, row: WorkOrderRow) => toWorkOrder(row),
  labels: WORK_ORDER_LABELS,
};
