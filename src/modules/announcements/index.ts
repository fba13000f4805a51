/** What other modules may use of announcements. */
export { announcementsModule } from './manifest.js';
export { announcementLifecycle } from './lifecycle.js';
export { publishedNoticesSql } from './public-sql.js';
