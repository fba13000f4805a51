import { allow, definePolicy } from '../../core/access/policy.js';
import { OFFICE_ROLES, STAFF_ROLES } from '../../core/access/roles.js';
import type { PlaceLevel } from '../places/index.js';

export interface PlaceGeometrySubject {
  level: PlaceLevel;
  path: string;
}

// An office draws what lies below it; its own outline comes from the office above (the district's from its admin).
const below = (b: { placePath: string }, s: PlaceGeometrySubject) => s.path !== b.placePath;
const pointLevel = (_b: unknown, s: PlaceGeometrySubject) => s.level === 'compound' || s.level === 'building';

export const placeGeometryPolicy = definePolicy<PlaceGeometrySubject>('placeGeometry', [
  ...allow(STAFF_ROLES, ['read', 'locate']),
  ...allow('district_admin', 'edit'),
  ...allow(['street_staff', 'community_worker'], 'edit', below),
  // A grid worker drags the points of his compounds and buildings; boundaries are the offices'.
  ...allow('grid_worker', 'edit', pointLevel),
  ...allow(['district_admin', 'street_staff'], 'import'),
]);
