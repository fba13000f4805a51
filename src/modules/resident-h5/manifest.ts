import { defineModule } from '../../core/module.js';
import { photoRoutes } from '../work-orders/index.js';
import { CODE_HOURLY_WINDOW_MS } from './commands/send-code.js';
import { residentH5Routes } from './routes.js';
import { staffOrResident } from './sessions.js';

export const residentH5Module = defineModule({
  name: 'resident-h5',
  tables: ['one_time_codes', 'one_time_code_gates', 'resident_sessions'],
  // The work-order photo URL serves staff and the resident who filed the order; the resident identity is ours, so we install it.
  routes: [residentH5Routes, photoRoutes({ caller: staffOrResident })],
  // A code stays an hour past its expiry: the hourly limit of codes per phone counts the codes sent in the last hour.
  expiring: [{ table: 'one_time_codes', graceMs: CODE_HOURLY_WINDOW_MS }, { table: 'one_time_code_gates' }, { table: 'resident_sessions' }],
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
