import { allow, definePolicy, type Policy } from '../../core/access/policy.js';
import { isWithin, selfAndAncestorPaths } from '../../core/access/scope.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import type { PartyOrgRecord } from './lifecycle.js';

/**
 * Who sees a party org (outside it, it does not exist: 404): staff see the orgs in their subtree and those above it
 * (a grid worker sees the community party committee his branches belong to).
 */
export const partyOrgReadPolicy = definePolicy<PartyOrgRecord>('party_org', [
  ...allow<PartyOrgRecord>(STAFF_ROLES, 'read'),
  ...allow<PartyOrgRecord>(STAFF_ROLES, 'read', (b, r) => isWithin(b.placePath, r.placePath), {
    anywhere: true, where: (eb, b) => eb('party_orgs.place_path', 'in', selfAndAncestorPaths(b.placePath)),
  }),
]);

/** Subject-free rules, checked per binding: setting up an org (an office at or above its place) and the gaps of a subtree. */
export const partyOrgPolicy = definePolicy<Record<string, never>>('party_org', [
  ...allow(OFFICE_ROLES, 'create'),
  // 码上通: printing the community's QR codes.
  ...allow(OFFICE_ROLES, 'print_qr'),
  ...allow(STAFF_ROLES, 'gaps'),
]);

/** The abilities sent to the UI: read, create, gaps and every step of the org's state table. */
export function partyOrgAbilities(lifecycle: Parameters<typeof lifecyclePolicy>[0]): Policy<any> {
  return definePolicy<any>('party_org', [...partyOrgReadPolicy.rules, ...partyOrgPolicy.rules, ...lifecyclePolicy(lifecycle).rules]);
}
