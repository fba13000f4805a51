export { accountsModule } from './manifest.js';
export { loadActor, SESSION_COOKIE, forgetActors, deleteUserSessions } from './sessions.js';
export { holdsRoleOver, userIdsNamed, usersOfUnit, usersWithRoleOver } from './queries.js';
