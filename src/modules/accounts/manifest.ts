import { defineModule } from '../../core/module.js';
import { userPolicy } from './policy.js';
import { accountRoutes } from './routes.js';

export const accountsModule = defineModule({
  name: 'accounts',
  recordNames: [
    { entityType: 'user', names: (db) => db.selectFrom('users').select(['users.id', 'users.display_name as name']) },
  ],
  tables: ['users', 'role_bindings', 'sessions'],
  routes: [accountRoutes],
  policies: [userPolicy],
  pathCopies: [{ table: 'users' }],
  expiring: [{ table: 'sessions' }],
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
