import type { Selectable } from 'kysely';
import type { DbOrTrx, Trx } from '../../core/db.js';
import type { PlaceShape } from './shape.js';
import type { PlaceGeometryTable } from './tables.js';

export type PlaceGeometryRow = Selectable<PlaceGeometryTable>;

export function shapeOfRow(row: PlaceGeometryRow): PlaceShape {
  return {
    kind: row.kind, geometry: JSON.parse(row.geometry), outline: row.outline ? JSON.parse(row.outline) : null,
    bbox: [row.min_lon, row.min_lat, row.max_lon, row.max_lat],
  };
}

export function rowOfShape(placeId: string, shape: PlaceShape, now: string): PlaceGeometryRow {
  const [minLon, minLat, maxLon, maxLat] = shape.bbox;
  return {
    place_id: placeId, kind: shape.kind, geometry: JSON.stringify(shape.geometry), outline: shape.outline ? JSON.stringify(shape.outline) : null,
    min_lon: minLon, min_lat: minLat, max_lon: maxLon, max_lat: maxLat, created_at: now, updated_at: now,
  };
}

/** The stored shapes of these places (those without geometry are left out). */
export async function findShapes(db: DbOrTrx, placeIds: readonly string[]): Promise<Map<string, PlaceShape>> {
  const out = new Map<string, PlaceShape>();
  const unique = [...new Set(placeIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('place_geometries').selectAll().where('place_id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.place_id, shapeOfRow(r));
  }
  return out;
}

/** Inserts or replaces the places' geometry rows; the first `created_at` stays. */
export async function writeShapes(trx: Trx, rows: readonly PlaceGeometryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await trx.insertInto('place_geometries').values(rows.slice(i, i + 200)).onConflict((oc) => oc.column('place_id').doUpdateSet((eb) => ({
      kind: eb.ref('excluded.kind'), geometry: eb.ref('excluded.geometry'), outline: eb.ref('excluded.outline'),
      min_lon: eb.ref('excluded.min_lon'), min_lat: eb.ref('excluded.min_lat'), max_lon: eb.ref('excluded.max_lon'), max_lat: eb.ref('excluded.max_lat'),
      updated_at: eb.ref('excluded.updated_at'),
    }))).execute();
  }
}

/** What a place's event records of its geometry: the type and bounding box, not the coordinates (the row holds those). */
export const geometrySummary = (shape: PlaceShape | undefined) =>
  shape ? { geometryType: shape.geometry.type, outline: shape.outline !== null, bbox: shape.bbox.map((n) => Number(n.toFixed(6))).join(',') } : null;

export const toGeometryView = (placeId: string, shape: PlaceShape) => ({
  placeId, kind: shape.kind, geometry: shape.geometry, outline: shape.outline, bbox: shape.bbox,
});
