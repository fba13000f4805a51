/** What other modules may use of the workbench. */
export { workbenchModule } from './manifest.js';
