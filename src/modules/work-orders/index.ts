/** What other modules may use of work orders. */
export { workOrdersModule } from './manifest.js';
export { takeWorkOrderStep } from './commands/transition.js';
export { findVisibleWorkOrder } from './detail.js';
export { isAssignee as isWorkOrderAssignee } from './relations.js';
export type { WorkOrderRecord } from './record.js';
export { workOrderLifecycle } from './lifecycle.js';
