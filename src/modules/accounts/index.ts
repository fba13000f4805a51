export { accountsModule } from './manifest.js';
export { loadActor, SESSION_COOKIE, forgetActors, deleteUserSessions } from './sessions.js';
export { userIdsNamed, usersOfUnit, usersWithRoleOver } from './queries.js';
