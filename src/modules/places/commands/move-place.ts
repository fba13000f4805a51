import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { invalid, notFound, staleVersion } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { repath } from '../../../core/place-paths.js';
import { forgetActors } from '../../../core/auth/actor-cache.js';
import { placePolicy } from '../policy.js';
import { findPlace, toPlace } from '../queries.js';
import type { TMovePlace, TPlace } from '../schema.js';
import { parentLevelOf } from './create-place.js';
import { msg } from '../../../core/i18n.js';
import { placeMsg } from '../messages.js';

/** Moves a place (e.g. a compound to another grid) and re-paths its whole subtree in one transaction. */
export async function movePlace(ctx: AppContext, actor: Actor, id: string, input: TMovePlace): Promise<TPlace> {
  const { db } = ctx.handle;
  const place = await findPlace(db, id);
  if (!place) throw notFound('place');
  authorize(actor, placePolicy, 'move', place.path, { level: place.level });
  const target = await findPlace(db, input.newParentId);
  if (!target) throw notFound('new parent place');
  authorize(actor, placePolicy, 'move', target.path, { level: place.level }, 'new parent place');
  if (target.level !== parentLevelOf(place.level)) {
    throw invalid('newParentId', msg(placeMsg.wrongMoveParent, { level: place.level, parent: String(parentLevelOf(place.level)) }), 'wrong_parent_level');
  }
  // The version first, as the lifecycle engine does: a caller who loaded an older version (someone moved it since) reloads.
  if (input.version !== place.version) throw staleVersion();
  if (target.id === place.parent_id) throw invalid('newParentId', placeMsg.sameParent, 'same_parent');
  const oldPath = place.path;
  const newPath = `${target.path}${place.id}/`;
  const result = await db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('places')
      .set({ parent_id: target.id, version: input.version + 1, updated_at: nowIso() })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returningAll()
      .executeTakeFirst();
    if (!moved) throw staleVersion();
    await repath(trx, oldPath, newPath);
    await appendEvent(trx, actor, {
      entityType: 'place',
      entityId: id,
      placeId: id,
      action: 'move',
      from: { parentId: place.parent_id, path: oldPath },
      to: { parentId: target.id, path: newPath },
      reason: input.reason,
    });
    return toPlace({ ...moved, path: newPath, depth: target.depth + 1 });
  });
  // Role bindings below the moved place now have new paths: drop cached actors once that is committed.
  forgetActors();
  return result;
}
