import { allow, definePolicy } from '../../core/access/policy.js';
import { OFFICE_ROLES } from '../../core/access/roles.js';

export const userPolicy = definePolicy<{ id: string }>('user', [
  ...allow(OFFICE_ROLES, ['read', 'create', 'update']),
]);
