import { defineModule } from '../../core/module.js';
import { needAbilities, needLifecycle, resourceAbilities, resourceLifecycle } from './lifecycle.js';
import { NEEDS_LEDGER, RESOURCES_LEDGER } from './ledger.js';
import { threeListH5Routes, threeListRoutes } from './routes.js';
import { threeListsSeed } from './seed.js';

/** 三单: needs, partner units' resources and the service loop that matches them (点单、派单、接单、评单). */
export const threeListsModule = defineModule({
  name: 'three-lists',
  tables: ['needs', 'resources'],
  routes: [threeListRoutes, threeListH5Routes],
  policies: [needAbilities(), resourceAbilities()],
  lifecycles: [needLifecycle, resourceLifecycle],
  pathCopies: [{ table: 'needs' }, { table: 'resources' }],
  recordNames: [
    { entityType: 'need', names: (db) => db.selectFrom('needs').select(['needs.id', 'needs.title as name']) },
    { entityType: 'resource', names: (db) => db.selectFrom('resources').select(['resources.id', 'resources.title as name']) },
  ],
  ledgers: [
    { key: NEEDS_LEDGER.key, title: NEEDS_LEDGER.title, subject: 'need', action: 'export', href: '/api/needs.xlsx?placeId={placeId}', params: ['placeId'] },
    { key: RESOURCES_LEDGER.key, title: RESOURCES_LEDGER.title, subject: 'resource', action: 'export', href: '/api/resources.xlsx?placeId={placeId}', params: ['placeId'] },
  ],
  seed: threeListsSeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
