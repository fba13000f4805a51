/** What other modules may use of work orders. */
export { workOrdersModule } from './manifest.js';
export { takeWorkOrderStep } from './commands/transition.js';
export { countWorkOrders, countWorkOrdersByChannel } from './commands/count-work-orders.js';
export { findVisibleWorkOrder } from './detail.js';
export { isAssignee as isWorkOrderAssignee } from './relations.js';
export type { WorkOrderRecord } from './record.js';
export { workOrderLifecycle } from './lifecycle.js';
// What the other modules read and file through (they never name the work-order tables).
export { fileDemand } from './commands/file-demand.js';
export {
  filedExternalNos, findWorkOrderByExternalNo, findWorkOrderByTrackingNo, findWorkOrdersByIds, listReporterOrders, listWorkOrders, rateableOrders,
  satisfiedOrdersHeldByUsers,
  type WorkOrderFilter,
} from './lookups.js';
export { findWorkOrder, orderAttachmentOwner, orderPhotos, toWorkOrder, type TWorkOrder, type WorkOrderRow } from './queries.js';
export { assigneeUsers } from './notify.js';
export { photoRoutes } from './photo-routes.js';
export { ZFileDemand, type TFileDemand } from './schema.js';
export { receivedAtBounds, receivedAtProblem, type ReceivedAtBounds } from './received-at.js';
export { unresolvedCountsByChild } from './child-counts.js';
