/** What other modules may use of the joint meetings. */
export { jointMeetingsModule } from './manifest.js';
