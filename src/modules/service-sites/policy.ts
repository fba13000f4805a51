import { allow, definePolicy, type Policy } from '../../core/access/policy.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';

/** Staff see the sites of their subtree; offices register them (and take the state table's steps, see contracts). */
export const serviceSiteReadPolicy = definePolicy<unknown>('service_site', [...allow<unknown>(STAFF_ROLES, 'read')]);
export const serviceSitePolicy = definePolicy<Record<string, never>>('service_site', [...allow(OFFICE_ROLES, ['create'])]);

export function serviceSiteAbilities(lifecycle: Parameters<typeof lifecyclePolicy>[0]): Policy<any> {
  return definePolicy<any>('service_site', [...serviceSiteReadPolicy.rules, ...serviceSitePolicy.rules, ...lifecyclePolicy(lifecycle).rules]);
}
