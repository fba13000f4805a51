import { defineModule } from '../../core/module.js';
import { hotlinePolicy } from './policy.js';
import { hotlineRoutes } from './routes.js';
import './tables.js';

export const hotlineModule = defineModule({
  name: 'hotline', routes: [hotlineRoutes], policies: [hotlinePolicy], tables: ['hotline_sources'], pathCopies: [{ table: 'hotline_sources' }],
  recordNames: [{ entityType: 'hotline_source', names: (db) => db.selectFrom('hotline_sources').select(['hotline_sources.id', 'hotline_sources.name']) }],
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
