import type { Actor, RoleBinding } from '../../core/access/actor.js';
import { rolesAllowed } from '../../core/access/policy.js';
import { assertInScope, bindingsOver, bindingsUnder, isWithin } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { forbidden, invalid } from '../../core/errors.js';
import { ANNOUNCEMENT_PLACE_LEVELS } from '../../../contracts/announcements.js';
import { findPlace, type PlaceRow } from '../places/index.js';
import { announcementPolicy } from './policy.js';
import { announcementMsg } from './messages.js';

/** The place a notice is addressed to: in the caller's subtree (else 404), a district to compound, inside `within` when given. */
export async function announcementPlace(ctx: AppContext, actor: Actor, placeId: string, within?: string): Promise<PlaceRow> {
  const place = await findPlace(ctx.handle.db, placeId);
  assertInScope(actor, place?.path, 'place');
  if (!(ANNOUNCEMENT_PLACE_LEVELS as readonly string[]).includes(place!.level)) {
    throw invalid('placeId', announcementMsg.placeLevel, 'place_level');
  }
  if (within && !isWithin(place!.path, within)) {
    throw invalid('placeId', announcementMsg.outsideOffice, 'outside_office');
  }
  return place!;
}

/** The roles the policy lets write a notice. */
const WRITERS = rolesAllowed(announcementPolicy, 'create');

/** The office writing to a place: the caller's nearest binding over it with a writer's role (none: 403). */
export function officeFor(actor: Actor, placePath: string): RoleBinding {
  const office = bindingsOver(actor, placePath, WRITERS)[0];
  if (!office) throw forbidden();
  return office;
}

/** Where a staff reader counts: their deepest binding inside the notice's subtree, else their first one. */
export function staffReaderPlace(actor: Actor, placePath: string): RoleBinding {
  return bindingsUnder(actor, placePath)[0] ?? actor.bindings[0]!;
}
