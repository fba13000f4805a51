import { sql } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import type { AppContext } from '../../../core/context.js';
import { AppError, staleVersion } from '../../../core/errors.js';
import { appendEvent, appendEvents } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { forgetPlaceIndex } from '../place-index.js';
import type { ShapeProblem } from '../shape.js';
import { geometrySummary, rowOfShape, toGeometryView, writeShapes } from '../store.js';
import type { TSetGeometry } from '../schema.js';
import { overlapsOf, planPlaceGeometry } from './check-geometry.js';

export const refusal = (p: ShapeProblem) => new AppError(422, p.code, p.message, p.field);

/**
 * Sets one place's geometry (the map editor's save): checked as an import checks a feature, against the place's version
 * (409 when someone changed the place since it was loaded), one `set_geometry` event; the place's version goes up.
 * Its children with geometry must still lie inside its new shape (422 `children_outside`, naming them). With `carry`, a
 * compound's or building's new point moves the whole place: its stored outline and its children's geometry move by the
 * same offset (one `set_geometry` event each), so a compound dragged across its grid keeps its buildings inside it.
 * A new boundary that overlaps a sibling's is saved, as an import's is, and the overlaps come back as warnings.
 * The checks are the dry run's (check-geometry.ts), so the editor hears of a refusal while the worker draws.
 */
export async function setPlaceGeometry(ctx: AppContext, actor: Actor, id: string, input: TSetGeometry) {
  const { db } = ctx.handle;
  const { place, problem, before, shape, storedChildren, children } = await planPlaceGeometry(db, actor, id, input);
  if (problem || !shape) throw refusal(problem!);
  if (input.version !== place.version) throw staleVersion();
  const carried = input.carry ? children : [];
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const bumped = await trx.updateTable('places').set({ version: input.version + 1, updated_at: now })
      .where('id', '=', id).where('version', '=', input.version).executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1) throw staleVersion();
    if (carried.length > 0) {
      await trx.updateTable('places').set({ version: sql`version + 1`, updated_at: now }).where('id', 'in', carried.map((c) => c.place.id)).execute();
    }
    await writeShapes(trx, [rowOfShape(id, shape, now), ...carried.map((c) => rowOfShape(c.place.id, c.shape, now))]);
    await appendEvent(trx, actor, {
      entityType: 'place', entityId: id, placeId: id, action: 'set_geometry',
      from: geometrySummary(before), to: { ...geometrySummary(shape), ...(input.crs === 'GCJ02' ? { crs: 'GCJ02' } : {}) }, reason: input.reason,
    }, now);
    if (carried.length > 0) {
      await appendEvents(trx, actor, carried.map((c, i) => ({
        entityType: 'place', entityId: c.place.id, placeId: c.place.id, action: 'set_geometry',
        from: geometrySummary(storedChildren[i]!.shape), to: geometrySummary(c.shape), reason: input.reason,
      })), now);
    }
  });
  forgetPlaceIndex(db);
  return { ...toGeometryView(id, shape), version: input.version + 1, overlaps: await overlapsOf(db, place, shape) };
}
