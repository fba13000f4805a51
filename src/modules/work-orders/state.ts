import { WORK_ORDER_ACTIONS, WORK_ORDER_STEPS, type WorkOrderAction } from '../../../contracts/work-order-steps.js';
import type { WorkOrderState } from '../../../contracts/work-orders.js';

export { STATES, OPEN_STATES, CHANNELS, DEMAND_TYPES, RATINGS, URGENCIES, type WorkOrderState, type Channel, type DemandType, type Rating, type Urgency } from '../../../contracts/work-orders.js';

/** The state table itself is contracts/work-order-steps.ts (public part) and lifecycle.ts (each step's work). */
export type Action = WorkOrderAction;
export const ACTIONS = WORK_ORDER_ACTIONS;

/** "Not satisfied" reopens the order once; the second time it goes to the street for supervision. */
export const MAX_REOPENS = 1;

export function allowedFrom(action: Action, state: WorkOrderState): boolean {
  return (WORK_ORDER_STEPS[action].from as readonly WorkOrderState[]).includes(state);
}
