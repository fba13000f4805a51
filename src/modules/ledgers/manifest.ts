import { defineModule } from '../../core/module.js';
import { ledgerRoutes } from './routes.js';

/** Lists the ledgers the other modules declare; owns no table. */
export const ledgersModule = defineModule({ name: 'ledgers', routes: [ledgerRoutes], scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite) });
