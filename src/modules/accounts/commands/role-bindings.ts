import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import { ROLE_PLACE_LEVELS, type Role } from '../../../core/access/roles.js';
import type { DbOrTrx } from '../../../core/db.js';
import { invalid, notFound } from '../../../core/errors.js';
import { userPolicy } from '../policy.js';
import { findVisibleUnit } from '../../units/index.js';
import { findPlaces, type PlaceLevel } from '../../places/index.js';
import { accountMsg } from '../messages.js';
import { msg } from '../../../core/i18n.js';

export interface CheckedBinding {
  role: Role;
  placeId: string;
  placePath: string;
  placeLevel: PlaceLevel;
}

/**
 * The unit a contact works for: a department or partner unit the caller sees (over or inside one of their places,
 * as GET /api/units lists them), else 404; and only for an account holding the partner_contact role, else 422.
 */
export async function checkUnit(db: DbOrTrx, actor: Actor, unitId: string | null, roles: readonly { role: Role }[]): Promise<string | null> {
  if (unitId === null) return null;
  const unit = await findVisibleUnit(db, actor, unitId);
  if (!unit) throw Object.assign(notFound('unit'), { field: 'unitId' });
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
