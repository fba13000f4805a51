export { residentsModule } from './manifest.js';
export { personalColumns } from './commands/personal-fields.js';
