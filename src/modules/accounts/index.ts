export { accountsModule } from './manifest.js';
export { loadActor, SESSION_COOKIE, forgetActors, deleteUserSessions } from './sessions.js';
export { holdsRoleOver, userIdsNamed, userNames, usersOfUnit, usersWithRoleOver } from './queries.js';
