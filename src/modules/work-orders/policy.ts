import { allow, definePolicy, type Policy } from '../../core/access/policy.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { OFFICE_ROLES } from '../../../contracts/roles.js';
import { CHANNEL_ROLES } from './commands/file-demand.js';
import type { WorkOrderRecord } from './record.js';
import { assigneeWhere, calledInWhere, isAssignee, isCalledIn } from './relations.js';

/**
 * Who sees an order (outside it, it does not exist: 404). Offices and grid workers: their place's subtree. A building
 * head: the demands he filed, with their progress. A department or partner-unit contact, and a worker it went to: what
 * is dispatched or called in to them, wherever it lies. Residents see their own through the reporter relation.
 */
export const workOrderReadPolicy = definePolicy<WorkOrderRecord>('work_order', [
  ...allow(['district_admin', 'street_staff', 'community_worker', 'grid_worker'], 'read'),
  ...allow<WorkOrderRecord>('building_head', 'read', (_b, r, a) => r.row.filed_by === a.userId, { where: (eb, _b, a) => eb('work_orders.filed_by', '=', a.userId) }),
  ...allow<WorkOrderRecord>(['partner_contact', 'grid_worker', 'community_worker'], 'read', (_b, r, a) => isAssignee(a, r.row) || isCalledIn(a, r), {
    anywhere: true, where: (eb, _b, a) => eb.or([assigneeWhere(eb, a), calledInWhere(eb, a)]),
  }),
]);

/** Filing by channel (CHANNEL_ROLES) is checked per place when a demand is filed. */
const filePolicy = definePolicy<Record<string, never>>('work_order', Object.values(CHANNEL_ROLES).flatMap((roles) => allow(roles, 'file')));

/** The work-order ledger (工单台账) is the offices' export of what they read in their area. */
export const workOrderExportPolicy = definePolicy<Record<string, never>>('work_order', allow(OFFICE_ROLES, 'export'));

/** The abilities sent to the UI: read, file, export, and every step of the state table by the roles that may ever take it. */
export function workOrderAbilities(lifecycle: Parameters<typeof lifecyclePolicy>[0]): Policy<any> {
  return definePolicy<any>('work_order', [...workOrderReadPolicy.rules, ...filePolicy.rules, ...workOrderExportPolicy.rules, ...lifecyclePolicy(lifecycle).rules]);
}
