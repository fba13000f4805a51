import { defineModule } from '../../core/module.js';
import { categoryPolicy, categoryRoutes } from './routes.js';
import { categorySeed } from './seed.js';

/**
 * The demand categories (诉求分类) a work order is filed under and Open311 offers as services. Named apart from the
 * service catalogue (服务事项目录) of the one-window module to come.
 */
export const demandCategoriesModule = defineModule({
  name: 'demand-categories',
  recordNames: [
    { entityType: 'category', names: (db) => db.selectFrom('categories').select(['categories.id', 'categories.name']) },
  ],
  tables: ['categories'],
  routes: [categoryRoutes],
  policies: [categoryPolicy],
  pathCopies: [{ table: 'categories' }],
  seed: categorySeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
