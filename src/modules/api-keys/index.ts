export { apiKeysModule } from './manifest.js';
export { apiKeyActor, authenticateApiKey, hashApiKey, type ApiKeyRow } from './api-keys.js';
