import { defineModule } from '../../core/module.js';
import { open311Routes } from './routes.js';

/** GeoReport v2, under the path its clients expect. */
export const open311Module = defineModule({ name: 'open311', routes: [open311Routes], prefix: '/open311/v2', scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite) });
