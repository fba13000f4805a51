import { allow, definePolicy } from '../../core/access/policy.js';
import type { PlaceLevel } from './tables.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';

export interface PlaceSubject {
  level: PlaceLevel;
}

/** Places typed in the UI; district, street and community come from the official codes only. */
export const EDITABLE_LEVELS: readonly PlaceLevel[] = ['grid', 'compound', 'building', 'household'];
const editable = (_b: unknown, p: PlaceSubject) => EDITABLE_LEVELS.includes(p.level);
const buildingsAndHouseholds = (_b: unknown, p: PlaceSubject) => p.level === 'building' || p.level === 'household';

export const placePolicy = definePolicy<PlaceSubject>('place', [
  ...allow(
    ['district_admin', 'street_staff', 'community_worker', 'grid_worker', 'building_head', 'party_member', 'partner_contact', 'resident'],
    'read',
  ),
  ...allow(OFFICE_ROLES, ['create', 'update', 'move'], editable),
  ...allow('grid_worker', ['create', 'update'], buildingsAndHouseholds),
  ...allow(STAFF_ROLES, ['reveal', 'exportRoster', 'importRoster']),
]);
