import { allow, definePolicy, type Policy } from '../../core/access/policy.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';

/** Staff see the posts and claims in their subtree; offices publish posts and nominate members. */
export const partyPostReadPolicy = definePolicy<unknown>('party_post', [...allow<unknown>(STAFF_ROLES, 'read')]);
export const partyPostPolicy = definePolicy<Record<string, never>>('party_post', [...allow(OFFICE_ROLES, ['create', 'nominate'])]);

export function partyPostAbilities(posts: Parameters<typeof lifecyclePolicy>[0], claims: Parameters<typeof lifecyclePolicy>[0]): Policy<any>[] {
  return [
    definePolicy<any>('party_post', [...partyPostReadPolicy.rules, ...partyPostPolicy.rules, ...lifecyclePolicy(posts).rules]),
    definePolicy<any>('party_claim', [...allow(STAFF_ROLES, 'read'), ...lifecyclePolicy(claims).rules]),
  ];
}
