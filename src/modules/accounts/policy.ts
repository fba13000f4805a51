import { allow, definePolicy } from '../../core/access/policy.js';

export const userPolicy = definePolicy<{ id: string }>('user', [
  ...allow(['district_admin', 'street_staff', 'community_worker'], ['read', 'create', 'update']),
]);
