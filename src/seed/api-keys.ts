// The demo key moved to the api-keys module's seed; this keeps the older imports working.
export { DEMO_API_KEY, seedDemoApiKey } from '../modules/api-keys/seed.js';
