import { defineModule } from '../../core/module.js';
import { catalogueRoutes, cataloguePolicy } from './catalogue-routes.js';
import { overdueScanJob } from './commands/scan-overdue.js';
import { notificationRoutes } from './notification-routes.js';
import { workOrderLifecycle } from './lifecycle.js';
import { workOrderAbilities } from './policy.js';
import { ratesPolicy, ratesRoutes } from './rates-routes.js';
import { ratingsReadModel } from './ratings.js';
import { workOrderRoutes } from './routes.js';

export const workOrdersModule = defineModule({
  name: 'work-orders',
  tables: ['units', 'categories', 'holidays', 'work_orders', 'work_order_photos', 'work_order_units', 'extension_requests', 'notifications', 'work_order_ratings'],
  routes: [workOrderRoutes, catalogueRoutes, notificationRoutes, ratesRoutes],
  policies: [workOrderAbilities(workOrderLifecycle), ratesPolicy, cataloguePolicy],
  lifecycles: [workOrderLifecycle],
  pathCopies: [{ table: 'work_orders' }, { table: 'units' }, { table: 'categories' }],
  readModels: [ratingsReadModel],
  jobs: [overdueScanJob],
  ledgers: [{
    key: 'rates', title: { zh: '三率排名表', en: 'Three rates ranking' }, subject: 'rates', action: 'read',
    href: '/api/rates.xlsx?month={month}', params: ['month'],
  }],
});
