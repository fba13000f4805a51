import { definePolicy, type Rule } from '../../core/access/policy.js';
import { ROLES, type Role } from '../../core/access/roles.js';
import { CHANNEL_ROLES } from './commands/file-demand.js';
import { TRANSITIONS, type Action } from './state.js';

/**
 * The work-order abilities sent to the UI, read off the transition table and the channel roles. The commands check
 * the same table per order (scope, assignee, state); this only tells the UI which menus and buttons can ever apply.
 */
export const workOrderPolicy = definePolicy<Record<string, never>>('work_order', [
  ...(Object.entries(TRANSITIONS) as [Action, (typeof TRANSITIONS)[Action]][]).flatMap(([action, t]) =>
    (t.who as readonly string[]).filter((w): w is Role => (ROLES as readonly string[]).includes(w)).map((role): Rule<Record<string, never>> => ({ role, action }))),
  ...Object.values(CHANNEL_ROLES).flatMap((roles) => roles.map((role): Rule<Record<string, never>> => ({ role, action: 'file' }))),
  ...(['district_admin', 'street_staff', 'community_worker', 'grid_worker', 'partner_contact'] as const).map((role) => ({ role, action: 'read' })),
]);
