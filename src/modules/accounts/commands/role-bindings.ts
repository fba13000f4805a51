import type { Actor } from '../../../core/access/actor.js';
import { authorize, can } from '../../../core/access/policy.js';
import { ROLE_PLACE_LEVELS, type Role } from '../../../core/access/roles.js';
import type { DbOrTrx } from '../../../core/db.js';
import { AppError, invalid, notFound } from '../../../core/errors.js';
import { userPolicy } from '../policy.js';
import { findUnit } from '../../units/index.js';
import { findPlaces, type PlaceLevel } from '../../places/index.js';
import type { UserWithRoles } from '../queries.js';
import { accountMsg } from '../messages.js';
import { msg } from '../../../core/i18n.js';

export interface CheckedBinding {
  role: Role;
  placeId: string;
  placePath: string;
  placeLevel: PlaceLevel;
}

/** Whether the caller manages accounts at `path`: it lies in the subtree of one of their bindings that may (userPolicy). */
const manages = (actor: Actor, path: string) => can(actor, userPolicy, 'create', path, { id: '' });

/**
 * The unit a contact works for: a department or partner unit inside the subtree the caller manages accounts in, else
 * 404 (a unit over it, such as the street's departments, would open the orders of places beyond it); and only for an
 * account holding the partner_contact role, else 422.
 */
export async function checkUnit(db: DbOrTrx, actor: Actor, unitId: string | null, roles: readonly { role: Role }[]): Promise<string | null> {
  if (unitId === null) return null;
  const unit = await findUnit(db, unitId);
  if (!unit || !manages(actor, unit.place_path)) throw Object.assign(notFound('unit'), { field: 'unitId' });
  if (!roles.some((r) => r.role === 'partner_contact')) {
    throw invalid('unitId', accountMsg.unitNeedsPartnerContact, 'unit_needs_partner_contact');
  }
  return unit.id;
}

/** Each role must be bound to a place of its level inside the granting user's own subtree. */
export async function checkBindings(db: DbOrTrx, actor: Actor, roles: { role: Role; placeId: string }[]): Promise<CheckedBinding[]> {
  const ids = [...new Set(roles.map((r) => r.placeId))];
  const places = await findPlaces(db, ids);
  return roles.map((r, i) => {
    const place = places.find((p) => p.id === r.placeId);
    if (!place) throw Object.assign(notFound('place'), { field: `roles.${i}.placeId` });
    authorize(actor, userPolicy, 'create', place.path, { id: '' }, 'place');
    if (!ROLE_PLACE_LEVELS[r.role].includes(place.level)) {
      throw invalid(`roles.${i}.placeId`,
        msg(accountMsg.roleWrongLevel, { level: place.level, role: r.role, levels: ROLE_PLACE_LEVELS[r.role].join(' or ') }), 'wrong_place_level');
    }
    return { role: r.role, placeId: place.id, placePath: place.path, placeLevel: place.level };
  });
}

/**
 * An account is edited only by someone who manages all it holds: every binding and its unit inside the editor's
 * subtree. Otherwise a password reset would hand the editor the roles beyond their own (403: the account is in view).
 */
export async function assertManagesAll(db: DbOrTrx, actor: Actor, user: UserWithRoles): Promise<void> {
  const places = await findPlaces(db, user.roles.map((r) => r.placeId));
  const unit = user.unit_id ? await findUnit(db, user.unit_id) : undefined;
  const paths = [...places.map((p) => p.path), ...(unit ? [unit.place_path] : [])];
  if (!paths.every((p) => manages(actor, p))) throw new AppError(403, 'forbidden', accountMsg.holdsOutside);
}

/** The same bindings, in any order. */
export const sameBindings = (a: readonly { role: Role; placeId: string }[], b: readonly { role: Role; placeId: string }[]) => {
  const key = (list: readonly { role: Role; placeId: string }[]) => [...new Set(list.map((r) => `${r.role}@${r.placeId}`))].sort().join();
  return key(a) === key(b);
};
