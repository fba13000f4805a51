import type { Role } from '../../core/access/roles.js';

import type { WorkOrderState } from '../../../contracts/work-orders.js';

export { STATES, OPEN_STATES, CHANNELS, DEMAND_TYPES, RATINGS, type WorkOrderState, type Channel, type DemandType, type Rating } from '../../../contracts/work-orders.js';

/** Who acts: an office role over the order's place, the order's assignee, or the resident who filed it. */
export type Actor = Role | 'assignee' | 'reporter';

export interface Transition {
  from: readonly WorkOrderState[];
  /** The next state; `null` keeps the state (a flag or a side record changes). */
  to: WorkOrderState | null;
  who: readonly Actor[];
  /** Which fields the step needs, checked by its zod schema too. */
  requires: readonly string[];
  event: string;
  /** A precondition beyond state and role: without it the step is not offered, and taking it answers 409 and writes nothing. */
  guard?: Guard;
}

/**
 * - `unit_not_reported`: the caller's unit was called in and has not reported in yet (a unit reports in once).
 * - `extension_pending`: an extension request waits for a decision.
 */
export type Guard = 'unit_not_reported' | 'extension_pending';

const OFFICE: readonly Actor[] = ['district_admin', 'street_staff', 'community_worker'];
const SUPERIOR: readonly Actor[] = ['district_admin', 'street_staff'];

/** The one transition table: routes, UI buttons, abilities and tests all read it. */
export const TRANSITIONS = {
  accept: { from: ['received'], to: 'accepted', who: OFFICE, requires: [], event: 'accept' },
  reject: { from: ['received'], to: 'rejected', who: OFFICE, requires: ['reason'], event: 'reject' },
  answer: { from: ['received'], to: 'closed', who: OFFICE, requires: ['result'], event: 'answer' },
  dispatch: { from: ['accepted'], to: 'dispatched', who: OFFICE, requires: ['assignee'], event: 'dispatch' },
  take: { from: ['dispatched'], to: 'taken', who: ['assignee'], requires: [], event: 'take' },
  return: { from: ['dispatched', 'taken'], to: 'accepted', who: ['assignee'], requires: ['reason'], event: 'return' },
  contact: { from: ['taken'], to: null, who: ['assignee'], requires: ['note'], event: 'contact' },
  resolve: { from: ['taken'], to: 'resolved', who: ['assignee'], requires: ['result'], event: 'resolve' },
  follow_up: { from: ['resolved'], to: 'followed_up', who: OFFICE, requires: ['note'], event: 'follow_up' },
  rate: { from: ['resolved', 'followed_up'], to: 'closed', who: ['reporter', ...OFFICE], requires: ['rating'], event: 'rate' },
  supervise: { from: ['accepted', 'dispatched', 'taken'], to: null, who: SUPERIOR, requires: ['reason'], event: 'supervise' },
  call_in: { from: ['accepted', 'dispatched', 'taken'], to: null, who: SUPERIOR, requires: ['units'], event: 'call_in' },
  report_in: { from: ['dispatched', 'taken'], to: null, who: ['partner_contact'], requires: ['note'], event: 'report_in', guard: 'unit_not_reported' },
  request_extension: { from: ['taken'], to: null, who: ['assignee'], requires: ['days', 'reason'], event: 'request_extension' },
  decide_extension: { from: ['taken'], to: null, who: OFFICE, requires: ['approve'], event: 'decide_extension', guard: 'extension_pending' },
  merge: { from: ['received', 'accepted'], to: 'merged', who: OFFICE, requires: ['into'], event: 'merge' },
} as const satisfies Record<string, Transition>;

export type Action = keyof typeof TRANSITIONS;
export const ACTIONS = Object.keys(TRANSITIONS) as Action[];

/** "Not satisfied" reopens the order once; the second time it goes to the street for supervision. */
export const MAX_REOPENS = 1;

export function allowedFrom(action: Action, state: WorkOrderState): boolean {
  return (TRANSITIONS[action].from as readonly WorkOrderState[]).includes(state);
}
