import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { AppError, notFound, staleVersion } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { findPlace } from '../../places/index.js';
import { toWgs84 } from '../crs.js';
import { forgetPlaceIndex } from '../place-index.js';
import { placeGeometryPolicy } from '../policy.js';
import { checkInParent, isProblem, readShape, type ShapeProblem } from '../shape.js';
import { findShapes, geometrySummary, rowOfShape, toGeometryView, writeShapes } from '../store.js';
import type { TSetGeometry } from '../schema.js';

export const refusal = (p: ShapeProblem) => new AppError(422, p.code, p.message, p.field);

/**
 * Sets one place's geometry (the map editor's save): checked as an import checks a feature, against the place's version
 * (409 when someone changed the place since it was loaded), one `set_geometry` event; the place's version goes up.
 */
export async function setPlaceGeometry(ctx: AppContext, actor: Actor, id: string, input: TSetGeometry) {
  const { db } = ctx.handle;
  const place = await findPlace(db, id);
  if (!place) throw notFound('place');
  authorize(actor, placeGeometryPolicy, 'edit', place.path, { level: place.level, path: place.path });
  const shape = readShape(place.level, toWgs84(input.geometry as never, input.crs), toWgs84(input.outline as never, input.crs));
  if (isProblem(shape)) throw refusal(shape);
  const parent = place.parent_id ? await findPlace(db, place.parent_id) : undefined;
  const stored = await findShapes(db, [place.id, ...(parent ? [parent.id] : [])]);
  const outside = checkInParent(shape, parent && { name: parent.name, shape: stored.get(parent.id) });
  if (outside) throw refusal(outside);
  if (input.version !== place.version) throw staleVersion();
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const bumped = await trx.updateTable('places').set({ version: input.version + 1, updated_at: now })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1) throw staleVersion();
    await writeShapes(trx, [rowOfShape(id, shape, now)]);
    await appendEvent(trx, actor, {
      entityType: 'place', entityId: id, placeId: id, action: 'set_geometry',
      from: geometrySummary(stored.get(id)), to: { ...geometrySummary(shape), ...(input.crs === 'GCJ02' ? { crs: 'GCJ02' } : {}) }, reason: input.reason,
    }, now);
  });
  forgetPlaceIndex(db);
  return { ...toGeometryView(id, shape), version: input.version + 1 };
}
