import { defineModule } from '../../core/module.js';
import { notificationRoutes } from './routes.js';

/** The staff inbox (the bell) every module writes to through notify(). */
export const notificationsModule = defineModule({ name: 'notifications', tables: ['notifications'], routes: [notificationRoutes], scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite) });
