import type { Point } from 'geojson';
import { sql } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import type { DbOrTrx } from '../../../core/db.js';
import { AppError, notFound, staleVersion } from '../../../core/errors.js';
import { appendEvent, appendEvents } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { findChildrenOf, findPlace, type PlaceRow } from '../../places/index.js';
import { toWgs84 } from '../crs.js';
import { geometryMsg } from '../messages.js';
import { forgetPlaceIndex } from '../place-index.js';
import { placeGeometryPolicy } from '../policy.js';
import { checkInParent, childrenOutside, isProblem, readShape, translateShape, type PlaceShape, type ShapeProblem } from '../shape.js';
import { siblingOverlaps } from '../sibling-overlaps.js';
import { findShapes, geometrySummary, rowOfShape, toGeometryView, writeShapes } from '../store.js';
import type { TSetGeometry } from '../schema.js';

export const refusal = (p: ShapeProblem) => new AppError(422, p.code, p.message, p.field);

/** The children of these places that have geometry, with their stored shapes. */
export async function mappedChildren(db: DbOrTrx, parentIds: readonly string[]): Promise<Map<string, { place: PlaceRow; shape: PlaceShape }[]>> {
  const out = new Map<string, { place: PlaceRow; shape: PlaceShape }[]>();
  const children = await findChildrenOf(db, parentIds);
  const shapes = await findShapes(db, children.map((c) => c.id));
  for (const c of children) {
    const shape = shapes.get(c.id);
    if (shape) (out.get(c.parent_id!) ?? out.set(c.parent_id!, []).get(c.parent_id!)!).push({ place: c, shape });
  }
  return out;
}

/**
 * Sets one place's geometry (the map editor's save): checked as an import checks a feature, against the place's version
 * (409 when someone changed the place since it was loaded), one `set_geometry` event; the place's version goes up.
 * Its children with geometry must still lie inside its new shape (422 `children_outside`, naming them). With `carry`, a
 * compound's or building's new point moves the whole place: its stored outline and its children's geometry move by the
 * same offset (one `set_geometry` event each), so a compound dragged across its grid keeps its buildings inside it.
 * A new boundary that overlaps a sibling's is saved, as an import's is, and the overlaps come back as warnings.
 */
export async function setPlaceGeometry(ctx: AppContext, actor: Actor, id: string, input: TSetGeometry) {
  const { db } = ctx.handle;
  const place = await findPlace(db, id);
  if (!place) throw notFound('place');
  authorize(actor, placeGeometryPolicy, 'edit', place.path, { level: place.level, path: place.path });
  const read = readShape(place.level, toWgs84(input.geometry as never, input.crs), toWgs84(input.outline as never, input.crs));
  if (isProblem(read)) throw refusal(read);
  const parent = place.parent_id ? await findPlace(db, place.parent_id) : undefined;
  const stored = await findShapes(db, [place.id, ...(parent ? [parent.id] : [])]);
  const before = stored.get(id);
  let shape = read;
  const storedChildren = (await mappedChildren(db, [id])).get(id) ?? [];
  let children = storedChildren;
  if (input.carry) {
    if (read.kind !== 'point' || before?.kind !== 'point') throw new AppError(422, 'invalid', geometryMsg.carryPointOnly, 'carry');
    const [from, to] = [(before.geometry as Point).coordinates, (read.geometry as Point).coordinates];
    const [dx, dy] = [to[0]! - from[0]!, to[1]! - from[1]!];
    const moved = translateShape(before, dx, dy);
    shape = { ...moved, geometry: read.geometry };
    children = children.map((c) => ({ ...c, shape: translateShape(c.shape, dx, dy) }));
  }
  const outside = checkInParent(shape, parent && { name: parent.name, shape: stored.get(parent.id) });
  if (outside) throw refusal(outside);
  const stranded = childrenOutside({ name: place.name, shape }, children.map((c) => ({ name: c.place.name, shape: c.shape })));
  if (stranded) throw refusal(stranded);
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
  const overlaps = shape.kind === 'boundary' ? await siblingOverlaps(db, new Map([[id, { place, shape }]])) : [];
  return { ...toGeometryView(id, shape), version: input.version + 1, overlaps };
}
