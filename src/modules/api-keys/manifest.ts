import { defineModule } from '../../core/module.js';
import { apiKeyPolicy } from './api-keys.js';
import { apiKeyRoutes } from './routes.js';
import { apiKeySeed } from './seed.js';

/** Keys for the machines that file demands (the 12345 push, Open311 clients), issued, listed and revoked under /api. */
export const apiKeysModule = defineModule({ name: 'api-keys', tables: ['api_keys'], routes: [apiKeyRoutes], policies: [apiKeyPolicy], pathCopies: [{ table: 'api_keys' }],
  seed: apiKeySeed, scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite) });
