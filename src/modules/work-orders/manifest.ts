import { defineModule } from '../../core/module.js';
import { overdueScanJob } from './commands/scan-overdue.js';
import { photoUploadRoutes } from './photo-routes.js';
import { escalationLifecycle } from './escalation-lifecycle.js';
import { workOrderFigures } from './figures.js';
import { extensionLifecycle } from './extension-lifecycle.js';
import { WORK_ORDERS_LEDGER } from './ledger.js';
import { workOrderLifecycle } from './lifecycle.js';
import { workOrderAbilities } from './policy.js';
import { workOrderRoutes } from './routes.js';
import { workOrderSeed } from './seed.js';

export const workOrdersModule = defineModule({
  name: 'work-orders',
  recordNames: [
    { entityType: 'work_order', names: (db) => db.selectFrom('work_orders').select(['work_orders.id', 'work_orders.tracking_no as name']) },
    // An extension request is read by the order it extends.
    { entityType: 'extension_request', names: (db) => db.selectFrom('extension_requests').innerJoin('work_orders', 'work_orders.id', 'extension_requests.work_order_id')
      .select(['extension_requests.id', 'work_orders.tracking_no as name']) },
  ],
  tables: ['work_orders', 'work_order_units', 'extension_requests'],
  routes: [workOrderRoutes, photoUploadRoutes],
  policies: [workOrderAbilities(workOrderLifecycle)],
  lifecycles: [workOrderLifecycle, extensionLifecycle, escalationLifecycle],
  pathCopies: [{ table: 'work_orders' }],
  jobs: [overdueScanJob],
  ledgers: [{
    key: WORK_ORDERS_LEDGER.key, title: WORK_ORDERS_LEDGER.title, subject: 'work_order', action: 'export',
    href: '/api/work-orders.xlsx?placeId={placeId}', params: ['placeId'],
  }],
  figures: workOrderFigures,
  seed: workOrderSeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
