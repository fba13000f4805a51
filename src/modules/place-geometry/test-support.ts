import type { Position } from 'geojson';
import type { TestApp } from '../../test/harness.js';

/** A square of `d` degrees with its south-west corner at (lon, lat), as GeoJSON. */
export const square = (lon: number, lat: number, d: number) => ({
  type: 'Polygon' as const, coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]],
});

/** The stored geometry of a place, parsed; undefined when it has none. */
export async function storedGeometry(t: TestApp, placeId: string) {
  const row = await t.ctx.handle.db.selectFrom('place_geometries').selectAll().where('place_id', '=', placeId).executeTakeFirst();
  return row && { ...row, geometry: JSON.parse(row.geometry), outline: row.outline ? JSON.parse(row.outline) : null };
}

/** A compound of the demo (with its point) in the named grid. */
export async function compoundIn(t: TestApp, gridId: string): Promise<{ id: string; path: string; name: string; at: Position }> {
  const row = await t.ctx.handle.db.selectFrom('places').innerJoin('place_geometries', 'place_geometries.place_id', 'places.id')
    .select(['places.id', 'places.path', 'places.name', 'place_geometries.geometry']).where('places.parent_id', '=', gridId)
    .orderBy('places.sort_order').orderBy('places.name').executeTakeFirstOrThrow();
  return { id: row.id, path: row.path, name: row.name, at: JSON.parse(row.geometry).coordinates };
}

export const eventCount = async (t: TestApp) =>
  Number((await t.ctx.handle.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

type Polygonal = { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };

/** The same boundary with one more vertex, halfway along its first edge: new coordinates, the same ground. */
export function withExtraVertex<T extends Polygonal>(g: T): T {
  const copy = JSON.parse(JSON.stringify(g)) as T;
  const ring = copy.type === 'Polygon' ? copy.coordinates[0]! : (copy.coordinates as number[][][][])[0]![0]!;
  const [a, b] = [ring[0]!, ring[1]!];
  ring.splice(1, 0, [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2]);
  return copy;
}

/** The compounds (or other children) of a place that have geometry, with their stored shapes. */
export async function mappedChildrenOf(t: TestApp, parentId: string) {
  const rows = await t.ctx.handle.db.selectFrom('places').innerJoin('place_geometries', 'place_geometries.place_id', 'places.id')
    .select(['places.id', 'places.name', 'places.version', 'place_geometries.geometry', 'place_geometries.outline']).where('places.parent_id', '=', parentId)
    .orderBy('places.sort_order').orderBy('places.name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, version: r.version, geometry: JSON.parse(r.geometry), outline: r.outline ? JSON.parse(r.outline) : null }));
}
