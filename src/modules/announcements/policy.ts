import { allow, definePolicy, type Policy } from '../../core/access/policy.js';
import { selfAndAncestorPaths, isWithin } from '../../core/access/scope.js';
import { lifecyclePolicy } from '../../core/lifecycle/abilities.js';
import { OFFICE_ROLES, ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import type { AnnouncementRecord } from './lifecycle.js';

/**
 * Who sees a notice (outside it, it does not exist: 404). Its audience: every account bound in the place's subtree sees it
 * while published, i.e. notices whose place is at or above their own (a street's notice reaches its communities' staff).
 * The offices over the place see it published or withdrawn, as any record in their subtree; a draft only the office that wrote it.
 */
export const announcementReadPolicy = definePolicy<AnnouncementRecord>('announcement', [
  ...allow<AnnouncementRecord>(ROLES, 'read', (b, r) => r.state === 'published' && isWithin(b.placePath, r.placePath), {
    anywhere: true, where: (eb, b) => eb.and([eb('announcements.state', '=', 'published'), eb('announcements.place_path', 'in', selfAndAncestorPaths(b.placePath))]),
  }),
  ...allow<AnnouncementRecord>(OFFICE_ROLES, 'read', (_b, r) => r.state !== 'draft', { where: (eb) => eb('announcements.state', '<>', 'draft') }),
  ...allow<AnnouncementRecord>(OFFICE_ROLES, 'read', (b, r) => r.state === 'draft' && r.officePath === b.placePath, {
    where: (eb, b) => eb.and([eb('announcements.state', '=', 'draft'), eb('announcements.office_path', '=', b.placePath)]),
  }),
]);

/**
 * Subject-free rules, checked per binding: writing a notice (over the place it goes to), the read receipts (per compound,
 * within the caller's subtree) and the ledger export.
 */
export const announcementPolicy = definePolicy<Record<string, never>>('announcement', [
  ...allow(OFFICE_ROLES, ['create', 'export']),
  ...allow(STAFF_ROLES, 'receipts'),
]);

/** The abilities sent to the UI: read, create, receipts, export and every step of the state table. */
export function announcementAbilities(lifecycle: Parameters<typeof lifecyclePolicy>[0]): Policy<any> {
  return definePolicy<any>('announcement', [...announcementReadPolicy.rules, ...announcementPolicy.rules, ...lifecyclePolicy(lifecycle).rules]);
}
