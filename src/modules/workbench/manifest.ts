import { defineModule } from '../../core/module.js';
import { workbenchRoutes } from './routes.js';
import { workbenchPolicy } from './workbench.js';

/** 工作台: a staff user's landing, read from the work orders' and the rates' own figures; no table of its own. */
export const workbenchModule = defineModule({
  name: 'workbench',
  routes: [workbenchRoutes],
  policies: [workbenchPolicy],
  scopeCases: () => import('./scope-cases.js').then((m) => m.scopeSuite),
});
