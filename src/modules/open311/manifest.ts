import { defineModule } from '../../core/module.js';
import { apiKeyRoutes } from './api-key-routes.js';
import { apiKeyPolicy } from './api-keys.js';
import { open311Routes } from './routes.js';

/** API keys are served under /api; GeoReport v2 under the path its clients expect. */
export const apiKeysModule = defineModule({ name: 'api-keys', tables: ['api_keys'], routes: [apiKeyRoutes], policies: [apiKeyPolicy], pathCopies: [{ table: 'api_keys' }] });
export const open311Module = defineModule({ name: 'open311', routes: [open311Routes], prefix: '/open311/v2' });
