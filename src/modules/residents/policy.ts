import { allow, definePolicy } from '../../core/access/policy.js';

export const residentPolicy = definePolicy<{ id: string }>('resident', [
  ...allow(['district_admin', 'street_staff', 'community_worker', 'grid_worker', 'building_head'], 'read'),
  ...allow(['district_admin', 'street_staff', 'community_worker', 'grid_worker'], ['create', 'update', 'reveal']),
]);
