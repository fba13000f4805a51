import { allow, definePolicy } from '../../core/access/policy.js';

/** The audit log is for the office heads; any staff member reads a record's timeline. */
export const auditPolicy = definePolicy<Record<string, never>>('audit', [
  ...allow(['district_admin', 'street_staff', 'community_worker'], 'read'),
  ...allow(['district_admin', 'street_staff', 'community_worker', 'grid_worker'], 'timeline'),
]);
