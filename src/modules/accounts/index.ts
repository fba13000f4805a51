export { accountsModule } from './manifest.js';
export { loadActor, SESSION_COOKIE, forgetActors, deleteUserSessions } from './sessions.js';
export { accountsWithRoleUnder, holdsRoleOver, userIdsNamed, userNames, usersOfUnit, usersWithRoleOver } from './queries.js';
