/** What other modules may use of the three lists. */
export { threeListsModule } from './manifest.js';
export { needLifecycle, resourceLifecycle } from './lifecycle.js';
export { unmatchedNeeds } from './unmatched.js';
export { unitYearFigures } from './unit-figures.js';
