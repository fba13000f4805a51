export { ledgersModule } from './manifest.js';
