import { defineModule } from '../../core/module.js';
import { serviceSiteLifecycle } from './lifecycle.js';
import { serviceSiteAbilities } from './policy.js';
import { serviceSiteRoutes } from './routes.js';
import { serviceSiteSeed } from './seed.js';

/** 党群服务中心(站) and 便民服务点 hung on the places of the one net, listed on the compound's public QR page. */
export const serviceSitesModule = defineModule({
  name: 'service-sites',
  recordNames: [{ entityType: 'service_site', names: (db) => db.selectFrom('service_sites').select(['service_sites.id', 'service_sites.name as name']) }],
  tables: ['service_sites'],
  routes: [serviceSiteRoutes],
  policies: [serviceSiteAbilities(serviceSiteLifecycle)],
  lifecycles: [serviceSiteLifecycle],
  pathCopies: [{ table: 'service_sites' }],
  seed: serviceSiteSeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
