import { sql } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { can } from '../../../core/access/policy.js';
import { inSubtrees, scopeRoots } from '../../../core/access/scope.js';
import type { AppContext } from '../../../core/context.js';
import { AppError, type Message } from '../../../core/errors.js';
import { appendEvents } from '../../../core/events.js';
import { msg } from '../../../core/i18n.js';
import { nowIso } from '../../../core/ids.js';
import { findPlaces, type PlaceRow } from '../../places/index.js';
import { crsOfName, toWgs84, type TCrs } from '../crs.js';
import { geometryMsg } from '../messages.js';
import { forgetPlaceIndex } from '../place-index.js';
import { placeGeometryPolicy } from '../policy.js';
import type { TGeometryImport } from '../schema.js';
import { checkInParent, childrenOutside, isProblem, readShape, type PlaceShape } from '../shape.js';
import { siblingOverlaps, type SiblingOverlap } from '../sibling-overlaps.js';
import { findShapes, geometrySummary, rowOfShape, writeShapes } from '../store.js';
import { mappedChildren } from './check-geometry.js';

interface Matched { index: number; ref: string; placeId: string; name: string; level: PlaceRow['level']; changed: boolean }
export interface GeometryImportReport {
  crs: TCrs;
  matched: Matched[];
  unmatched: { index: number; ref: string | null; message: Message }[];
  invalid: { index: number; ref: string | null; placeId: string | null; code: string; field: string; message: Message }[];
  /** Boundaries overlapping a sibling's: imported all the same, reported so the office can look. */
  overlaps: SiblingOverlap[];
}

const refOf = (props: Record<string, unknown> | null | undefined) => {
  const v = props?.code ?? props?.id;
  return typeof v === 'string' || typeof v === 'number' ? String(v).trim() || null : null;
};

/** The places the file names inside the caller's subtrees, by division code or id; a place outside them is not found. */
async function placesNamed(ctx: AppContext, actor: Actor, refs: string[]): Promise<Map<string, PlaceRow>> {
  const out = new Map<string, PlaceRow>();
  const roots = scopeRoots(actor);
  for (let i = 0; i < refs.length; i += 400) {
    const chunk = refs.slice(i, i + 400);
    const rows = await ctx.handle.db.selectFrom('places').selectAll()
      .where((eb) => eb.or([eb('code', 'in', chunk), eb('id', 'in', chunk)])).where((eb) => inSubtrees(eb, 'path', roots)).execute();
    for (const r of rows) {
      if (r.code) out.set(r.code, r);
      out.set(r.id, r);
    }
  }
  return out;
}

/**
 * Reads a FeatureCollection into what it would change, writing nothing: each feature matched to a place, converted from
 * GCJ-02 when declared (the `crs` parameter, else the collection's `crs` member), checked as one edit is (shape, the
 * caller's right to edit the place, inside its parent: the parent's new boundary from the same file, else its stored one).
 */
export async function planGeometryImport(ctx: AppContext, actor: Actor, input: TGeometryImport, crsParam?: TCrs) {
  const crs = crsParam ?? crsOfName(input.crs?.properties.name);
  if (!crs) throw new AppError(400, 'bad_crs', geometryMsg.badCrs, 'crs');
  const refs = input.features.map((f) => refOf(f.properties));
  const places = await placesNamed(ctx, actor, [...new Set(refs.filter((r): r is string => r !== null))]);
  const report: GeometryImportReport = { crs, matched: [], unmatched: [], invalid: [], overlaps: [] };
  const planned = new Map<string, { index: number; place: PlaceRow; shape: PlaceShape }>();
  input.features.forEach((f, index) => {
    const ref = refs[index]!;
    const place = ref === null ? undefined : places.get(ref);
    const invalid = (code: string, field: string, message: Message) => report.invalid.push({ index, ref, placeId: place?.id ?? null, code, field, message });
    if (ref === null) return invalid('feature_unreferenced', 'properties', geometryMsg.noReference);
    if (!place) return void report.unmatched.push({ index, ref, message: msg(geometryMsg.unmatched, { ref }) });
    if (planned.has(place.id)) return invalid('feature_duplicate', 'properties', geometryMsg.duplicate);
    if (!can(actor, placeGeometryPolicy, 'edit', place.path, { level: place.level, path: place.path })) return invalid('forbidden', 'properties', geometryMsg.notYours);
    const props = f.properties ?? {};
    const shape = readShape(place.level, toWgs84(f.geometry as never, crs), toWgs84(props.outline as never, crs));
    if (isProblem(shape)) return invalid(shape.code, shape.field, shape.message);
    planned.set(place.id, { index, place, shape });
  });
  const parentIds = [...planned.values()].map((p) => p.place.parent_id).filter((id): id is string => id !== null);
  const [parents, stored] = await Promise.all([findPlaces(ctx.handle.db, parentIds), findShapes(ctx.handle.db, [...parentIds, ...planned.keys()])]);
  const parentById = new Map(parents.map((p) => [p.id, p]));
  for (const [id, p] of planned) {
    const parent = p.place.parent_id ? parentById.get(p.place.parent_id) : undefined;
    const outside = checkInParent(p.shape, parent && { name: parent.name, shape: planned.get(parent.id)?.shape ?? stored.get(parent.id) });
    if (outside) {
      report.invalid.push({ index: p.index, ref: refs[p.index]!, placeId: id, ...outside });
      planned.delete(id);
      continue;
    }
  }
  // A place's new shape must still hold its children: those in the file at their new shape, the others at their stored one.
  const childrenOf = await mappedChildren(ctx.handle.db, [...planned.keys()]);
  for (const [id, p] of planned) {
    const children = (childrenOf.get(id) ?? []).map((c) => ({ name: c.place.name, shape: planned.get(c.place.id)?.shape ?? c.shape }));
    const stranded = childrenOutside({ name: p.place.name, shape: p.shape }, children);
    if (stranded) {
      report.invalid.push({ index: p.index, ref: refs[p.index]!, placeId: id, ...stranded });
      planned.delete(id);
      continue;
    }
    const before = stored.get(id);
    const changed = !before || JSON.stringify([before.geometry, before.outline]) !== JSON.stringify([p.shape.geometry, p.shape.outline]);
    report.matched.push({ index: p.index, ref: refs[p.index]!, placeId: id, name: p.place.name, level: p.place.level, changed });
  }
  report.overlaps = await siblingOverlaps(ctx.handle.db, planned);
  report.invalid.sort((a, b) => a.index - b.index);
  report.matched.sort((a, b) => a.index - b.index);
  return { report, planned, stored };
}

/** The import itself: refused whole (422 `import_rejected`, with the report) when any feature is unmatched or invalid. */
export async function importGeometry(ctx: AppContext, actor: Actor, input: TGeometryImport, crsParam?: TCrs) {
  const { report, planned, stored } = await planGeometryImport(ctx, actor, input, crsParam);
  const wrong = report.unmatched.length + report.invalid.length;
  if (wrong > 0) throw new AppError(422, 'import_rejected', msg(geometryMsg.rejected, { count: wrong }), null, { report });
  const changed = report.matched.filter((m) => m.changed).map((m) => planned.get(m.placeId)!);
  const now = nowIso();
  const { db } = ctx.handle;
  await db.transaction().execute(async (trx) => {
    const ids = changed.map((c) => c.place.id);
    for (let i = 0; i < ids.length; i += 400) {
      await trx.updateTable('places').set({ version: sql`version + 1`, updated_at: now }).where('id', 'in', ids.slice(i, i + 400)).execute();
    }
    await writeShapes(trx, changed.map((c) => rowOfShape(c.place.id, c.shape, now)));
    await appendEvents(trx, actor, changed.map((c) => ({
      entityType: 'place', entityId: c.place.id, placeId: c.place.id, action: 'import_geometry',
      from: geometrySummary(stored.get(c.place.id)), to: { ...geometrySummary(c.shape), ...(report.crs === 'GCJ02' ? { crs: 'GCJ02' } : {}) },
    })), now);
  });
  forgetPlaceIndex(db);
  return { changed: changed.length, unchanged: report.matched.length - changed.length, report };
}
