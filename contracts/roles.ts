import type { PlaceLevel } from './places.js';

export const ROLES = [
  'district_admin',
  'street_staff',
  'community_worker',
  'grid_worker',
  'building_head',
  'party_member',
  'partner_contact',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

/** The levels a role may be bound to: a grid worker is bound to one grid, a building head to one building. */
export const ROLE_PLACE_LEVELS: Record<Role, readonly PlaceLevel[]> = {
  district_admin: ['district'],
  street_staff: ['street'],
  community_worker: ['community'],
  grid_worker: ['grid'],
  building_head: ['building'],
  party_member: ['community', 'grid', 'compound', 'building', 'household'],
  partner_contact: ['street', 'community'],
  resident: ['household'],
};

/** Staff roles work in the back office; the others use the phone pages. */
export const STAFF_ROLES: readonly Role[] = ['district_admin', 'street_staff', 'community_worker', 'grid_worker'];

/** The offices: they accept, dispatch and follow up, and answer for the three rates of their place. */
export const OFFICE_ROLES = ['district_admin', 'street_staff', 'community_worker'] as const satisfies readonly Role[];

/** Superiors of a community: they supervise and call units in. */
export const SUPERIOR_ROLES = ['district_admin', 'street_staff'] as const satisfies readonly Role[];

/** Who takes a dispatched order in person. */
export const WORKER_ROLES = ['grid_worker', 'community_worker'] as const satisfies readonly Role[];
