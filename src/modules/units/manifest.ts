import { defineModule } from '../../core/module.js';
import { unitRoutes } from './routes.js';
import { unitSeed } from './seed.js';

/** Departments and partner units: what work orders are dispatched to and contact accounts are linked to. */
export const unitsModule = defineModule({
  name: 'units',
  recordNames: [
    { entityType: 'unit', names: (db) => db.selectFrom('units').select(['units.id', 'units.name']) },
  ],
  tables: ['units'],
  routes: [unitRoutes],
  pathCopies: [{ table: 'units' }],
  seed: unitSeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
