export { ROLES, ROLE_PLACE_LEVELS, STAFF_ROLES, OFFICE_ROLES, SUPERIOR_ROLES, WORKER_ROLES, type Role } from '../../../contracts/roles.js';
