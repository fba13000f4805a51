import { installModules } from './core/registry.js';
import { modules } from './modules/index.js';

/** The one place the module list is installed into core: everything that runs the app (server, tests, CLI, bench) imports this. */
installModules(modules);

export { modules };
