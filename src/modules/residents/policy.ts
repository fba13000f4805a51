import { allow, definePolicy } from '../../core/access/policy.js';
import { STAFF_ROLES } from '../../core/access/roles.js';

export const residentPolicy = definePolicy<{ id: string }>('resident', [
  ...allow(['district_admin', 'street_staff', 'community_worker', 'grid_worker', 'building_head'], 'read'),
  ...allow(STAFF_ROLES, ['create', 'update', 'reveal']),
]);
