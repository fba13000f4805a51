import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import { ROLE_PLACE_LEVELS, type Role } from '../../../core/access/roles.js';
import type { DbOrTrx } from '../../../core/db.js';
import { invalid, notFound } from '../../../core/errors.js';
import { userPolicy } from '../policy.js';
import type { PlaceLevel } from '../../places/tables.js';

export interface CheckedBinding {
  role: Role;
  placeId: string;
  placePath: string;
  placeLevel: PlaceLevel;
}

/** Each role must be bound to a place of its level inside the granting user's own subtree. */
export async function checkBindings(db: DbOrTrx, actor: Actor, roles: { role: Role; placeId: string }[]): Promise<CheckedBinding[]> {
  const ids = [...new Set(roles.map((r) => r.placeId))];
  const places = await db.selectFrom('places').select(['id', 'path', 'level']).where('id', 'in', ids).execute();
  return roles.map((r, i) => {
    const place = places.find((p) => p.id === r.placeId);
    if (!place) throw Object.assign(notFound('place'), { field: `roles.${i}.placeId` });
    authorize(actor, userPolicy, 'create', place.path, { id: '' }, 'place');
    if (!ROLE_PLACE_LEVELS[r.role].includes(place.level)) {
      throw invalid(`roles.${i}.placeId`, `该角色不能绑定到这一层级(${place.level})`,
        `Role ${r.role} binds to a ${ROLE_PLACE_LEVELS[r.role].join(' or ')}, not a ${place.level}`, 'wrong_place_level');
    }
    return { role: r.role, placeId: place.id, placePath: place.path, placeLevel: place.level };
  });
}
