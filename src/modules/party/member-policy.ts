import { allow, definePolicy, type Policy } from '../../core/access/policy.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import type { PartyMemberRecord } from './member-lifecycle.js';

/** Staff see the members in their subtree (outside it a member does not exist: 404). */
export const partyMemberReadPolicy = definePolicy<PartyMemberRecord>('party_member', [...allow<PartyMemberRecord>(STAFF_ROLES, 'read')]);

/** Subject-free rules, per binding: entering members, revealing personal data (audited), the roster in and out. */
export const partyMemberPolicy = definePolicy<Record<string, never>>('party_member', [
  ...allow(OFFICE_ROLES, ['create', 'reveal', 'export', 'import']),
]);

export function partyMemberAbilities(lifecycle: Parameters<typeof lifecyclePolicy>[0]): Policy<any> {
  return definePolicy<any>('party_member', [...partyMemberReadPolicy.rules, ...partyMemberPolicy.rules, ...lifecyclePolicy(lifecycle).rules]);
}
