export { residentsModule } from './manifest.js';
