import { defineModule } from '../../core/module.js';
import { hotlinePolicy } from './policy.js';
import { hotlineRoutes } from './routes.js';

export const hotlineModule = defineModule({ name: 'hotline', routes: [hotlineRoutes], policies: [hotlinePolicy], scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite) });
