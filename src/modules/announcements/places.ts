import type { Actor, RoleBinding } from '../../core/access/actor.js';
import { assertInScope, isWithin } from '../../core/access/scope.js';
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
const WRITERS: readonly string[] = announcementPolicy.rules.filter((r) => r.action === 'create').map((r) => r.role);

/** The office writing to a place: the caller's nearest binding over it with a writer's role (none: 403). */
export function officeFor(actor: Actor, placePath: string): RoleBinding {
  const over = actor.bindings.filter((b) => WRITERS.includes(b.role) && isWithin(placePath, b.placePath));
  if (!over.length) throw forbidden();
  return over.sort((a, b) => b.placePath.length - a.placePath.length)[0]!;
}

/** Where a staff reader counts: their deepest binding inside the notice's subtree, else their first one. */
export function staffReaderPlace(actor: Actor, placePath: string): RoleBinding {
  const inside = actor.bindings.filter((b) => isWithin(b.placePath, placePath)).sort((a, b) => b.placePath.length - a.placePath.length);
  return inside[0] ?? actor.bindings[0]!;
}
