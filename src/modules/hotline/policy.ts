import { allow, definePolicy } from '../../core/access/policy.js';

/** The street and the district take 12345 orders in; communities receive them as work orders. */
export const hotlinePolicy = definePolicy<Record<string, never>>('hotline', [...allow(['district_admin', 'street_staff'], 'import')]);
