export { hotlineModule } from './manifest.js';
export { DEMAND_TYPE_NAMES } from './layout.js';
