import Flatbush from 'flatbush';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { Db } from '../../core/db.js';
import type { PlaceLevel } from '../places/index.js';

/** A boundary (district to grid) or a compound's point, as the lookup needs it. Paths are read fresh: a move changes them. */
export interface IndexedBoundary {
  placeId: string;
  level: PlaceLevel;
  region: Polygon | MultiPolygon;
}
export interface IndexedPoint {
  placeId: string;
  lon: number;
  lat: number;
}

interface PlaceIndex {
  /** The newest `updated_at` of place_geometries when built: another process's write changes it, and the index is rebuilt. */
  stamp: string | null;
  boundaries: { tree: Flatbush | null; entries: IndexedBoundary[] };
  compounds: { tree: Flatbush | null; entries: IndexedPoint[] };
}

const indexes = new WeakMap<Db, Promise<PlaceIndex>>();

function tree<T>(entries: T[], box: (e: T) => [number, number, number, number]): Flatbush | null {
  if (entries.length === 0) return null;
  const t = new Flatbush(entries.length);
  for (const e of entries) t.add(...box(e));
  t.finish();
  return t;
}

async function build(db: Db, stamp: string | null): Promise<PlaceIndex> {
  const rows = await db.selectFrom('place_geometries').innerJoin('places', 'places.id', 'place_geometries.place_id')
    .select(['place_geometries.place_id', 'places.level', 'place_geometries.kind', 'place_geometries.geometry',
      'place_geometries.min_lon', 'place_geometries.min_lat', 'place_geometries.max_lon', 'place_geometries.max_lat'])
    .where((eb) => eb.or([eb('place_geometries.kind', '=', 'boundary'), eb('places.level', '=', 'compound')]))
    .execute();
  const boundaries: (IndexedBoundary & { box: [number, number, number, number] })[] = [];
  const compounds: IndexedPoint[] = [];
  for (const r of rows) {
    if (r.kind === 'boundary') {
      boundaries.push({ placeId: r.place_id, level: r.level, region: JSON.parse(r.geometry), box: [r.min_lon, r.min_lat, r.max_lon, r.max_lat] });
    } else {
      const [lon, lat] = (JSON.parse(r.geometry) as Point).coordinates as [number, number];
      compounds.push({ placeId: r.place_id, lon, lat });
    }
  }
  return {
    stamp,
    boundaries: { tree: tree(boundaries, (b) => b.box), entries: boundaries },
    compounds: { tree: tree(compounds, (p) => [p.lon, p.lat, p.lon, p.lat]), entries: compounds },
  };
}

/**
 * The in-memory spatial index of the places' geometry (Flatbush over the boundaries' bounding boxes and the compounds'
 * points), rebuilt when geometry changes: at once in this process, and in any other when the newest `updated_at`
 * differs (one indexed `max`). Geometry rows are only ever inserted or replaced, never deleted.
 */
export async function placeIndex(db: Db): Promise<PlaceIndex> {
  const row = await db.selectFrom('place_geometries').select((eb) => eb.fn.max('updated_at').as('stamp')).executeTakeFirst();
  const stamp = (row?.stamp as string | null | undefined) ?? null;
  const cached = indexes.get(db);
  if (cached && (await cached).stamp === stamp) return cached;
  const built = build(db, stamp);
  indexes.set(db, built);
  built.catch(() => indexes.delete(db));
  return built;
}

/** Drops this process's index after a write, so the next lookup rebuilds it even within the same millisecond. */
export function forgetPlaceIndex(db: Db): void {
  indexes.delete(db);
}
