import type { Point } from 'geojson';
import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import type { DbOrTrx } from '../../../core/db.js';
import { notFound } from '../../../core/errors.js';
import { findChildrenOf, findPlace, type PlaceRow } from '../../places/index.js';
import { toWgs84 } from '../crs.js';
import { geometryMsg } from '../messages.js';
import { placeGeometryPolicy } from '../policy.js';
import { checkInParent, childrenOutside, isProblem, readShape, translateShape, type PlaceShape, type ShapeProblem } from '../shape.js';
import { siblingOverlaps } from '../sibling-overlaps.js';
import type { TCheckGeometry } from '../schema.js';
import { findShapes } from '../store.js';

type Child = { place: PlaceRow; shape: PlaceShape };

/** The children of these places that have geometry, with their stored shapes. */
export async function mappedChildren(db: DbOrTrx, parentIds: readonly string[]): Promise<Map<string, Child[]>> {
  const out = new Map<string, Child[]>();
  const children = await findChildrenOf(db, parentIds);
  const shapes = await findShapes(db, children.map((c) => c.id));
  for (const c of children) {
    const shape = shapes.get(c.id);
    if (shape) (out.get(c.parent_id!) ?? out.set(c.parent_id!, []).get(c.parent_id!)!).push({ place: c, shape });
  }
  return out;
}

/** What a save would write, or why it is refused (`problem`; `shape` is missing when the geometry itself is unreadable). */
export interface GeometryPlan {
  place: PlaceRow;
  problem: ShapeProblem | null;
  before?: PlaceShape;
  shape?: PlaceShape;
  /** The children as stored, and as they would be after the save (moved with `carry`). */
  storedChildren: Child[];
  children: Child[];
}

/**
 * The save's checks, in the save's order, writing nothing: the place in the caller's area (404) and editable by them (403),
 * then the shape (readShape), `carry` only for a point, the parent holding the new shape and the new shape its children.
 */
export async function planPlaceGeometry(db: DbOrTrx, actor: Actor, id: string, input: TCheckGeometry): Promise<GeometryPlan> {
  const place = await findPlace(db, id);
  if (!place) throw notFound('place');
  authorize(actor, placeGeometryPolicy, 'edit', place.path, { level: place.level, path: place.path });
  const read = readShape(place.level, toWgs84(input.geometry as never, input.crs), toWgs84(input.outline as never, input.crs));
  if (isProblem(read)) return { place, problem: read, storedChildren: [], children: [] };
  const parent = place.parent_id ? await findPlace(db, place.parent_id) : undefined;
  const stored = await findShapes(db, [place.id, ...(parent ? [parent.id] : [])]);
  const before = stored.get(id);
  let shape = read;
  const storedChildren = (await mappedChildren(db, [id])).get(id) ?? [];
  let children = storedChildren;
  if (input.carry) {
    if (read.kind !== 'point' || before?.kind !== 'point') {
      return { place, before, problem: { code: 'invalid', field: 'carry', message: geometryMsg.carryPointOnly }, storedChildren, children };
    }
    const [from, to] = [(before.geometry as Point).coordinates, (read.geometry as Point).coordinates];
    const [dx, dy] = [to[0]! - from[0]!, to[1]! - from[1]!];
    shape = { ...translateShape(before, dx, dy), geometry: read.geometry };
    children = children.map((c) => ({ ...c, shape: translateShape(c.shape, dx, dy) }));
  }
  const problem = checkInParent(shape, parent && { name: parent.name, shape: stored.get(parent.id) })
    ?? childrenOutside({ name: place.name, shape }, children.map((c) => ({ name: c.place.name, shape: c.shape })));
  return { place, problem, before, shape, storedChildren, children };
}

/** A boundary's overlaps with its siblings' stored boundaries (a warning); none for a point. */
export const overlapsOf = async (db: DbOrTrx, place: PlaceRow, shape: PlaceShape | undefined) =>
  (shape?.kind === 'boundary' ? siblingOverlaps(db, new Map([[place.id, { place, shape }]])) : []);

/**
 * The map editor's dry run (`POST /api/places/{id}/geometry/check`): the save's checks and its overlap warnings for a
 * shape still being drawn; a refusal comes back as `problem` (what the save would answer with 422), nothing is written.
 */
export async function checkPlaceGeometry(ctx: AppContext, actor: Actor, id: string, input: TCheckGeometry) {
  const { db } = ctx.handle;
  const plan = await planPlaceGeometry(db, actor, id, input);
  return { ok: plan.problem === null, ...(plan.problem ? { problem: plan.problem } : {}), overlaps: await overlapsOf(db, plan.place, plan.shape) };
}
