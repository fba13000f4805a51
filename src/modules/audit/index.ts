export { auditModule } from './manifest.js';
