import { allow, definePolicy } from '../../core/access/policy.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';

/** The audit log is for the office heads; any staff member reads a record's timeline. */
export const auditPolicy = definePolicy<Record<string, never>>('audit', [
  ...allow(OFFICE_ROLES, 'read'),
  ...allow(STAFF_ROLES, 'timeline'),
]);
