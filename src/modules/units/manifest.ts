import { defineModule } from '../../core/module.js';
import { unitRoutes } from './routes.js';

/** Departments and partner units: what work orders are dispatched to and contact accounts are linked to. */
export const unitsModule = defineModule({
  name: 'units',
  tables: ['units'],
  routes: [unitRoutes],
  pathCopies: [{ table: 'units' }],
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
