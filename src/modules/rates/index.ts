export { ratesModule } from './manifest.js';
export { ranking } from './routes.js';
export { monthRange } from './rates.js';
export { derivedRatings, rebuildRatings } from './ratings.js';
