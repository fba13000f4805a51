/** What other modules may use of service sites. */
export { serviceSitesModule } from './manifest.js';
export { openSitesSql } from './public-sql.js';
