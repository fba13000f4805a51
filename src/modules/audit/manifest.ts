import { defineModule } from '../../core/module.js';
import { auditPolicy } from './policy.js';
import { auditRoutes } from './routes.js';

export const auditModule = defineModule({ name: 'audit', routes: [auditRoutes], policies: [auditPolicy], scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite) });
