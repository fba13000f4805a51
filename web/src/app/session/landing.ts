import type { Role } from '../../../../contracts/roles';
import { webModules } from '../../modules';
import type { Me } from '../api/types';
import type { Landing } from '../module';

/** Where nobody's role says otherwise: the place tree (a building head's own building). */
const FALLBACK = '/places';

// Read on first use, not at load: a module that imports RequireAuth (work-orders' print page) would otherwise reach this
// file while modules/index.ts is still loading, and webModules would be undefined here (a blank app).
let landings: readonly Landing[] | undefined;
const LANDINGS = () => (landings ??= webModules.flatMap((m: { landings?: readonly Landing[] }) => m.landings ?? []).sort((a, b) => a.order - b.order));

/** The page signing in, `/` and unknown addresses lead to: the first landing a module declares for one of the user's roles. */
export function landingFor(me: Me | null | undefined): string {
  const roles = new Set<Role>((me?.roles ?? []).map((r) => r.role));
  return LANDINGS().find((l) => l.roles.some((r) => roles.has(r)))?.path ?? FALLBACK;
}
