import { defineModule } from '../../core/module.js';
import { calendarRoutes } from './routes.js';
import { calendarSeed } from './seed.js';

/** The working-day calendar (holidays and make-up days) and the deadline arithmetic on it, for any module with time limits. */
export const workCalendarModule = defineModule({ name: 'work-calendar', tables: ['holidays'], routes: [calendarRoutes], seed: calendarSeed,
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite) });
