import { allow, definePolicy } from '../../core/access/policy.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';

/**
 * 积分: staff read the rules, rankings and ledgers of their subtree; an office (community worker of the community, street
 * or district staff above it) sets the rules, records service, meetings and awards, counters an entry and exports.
 */
export const partyPointsPolicy = definePolicy<Record<string, never>>('party_points', [
  ...allow(STAFF_ROLES, 'read'),
  ...allow(OFFICE_ROLES, ['rules', 'record', 'counter', 'export']),
]);
