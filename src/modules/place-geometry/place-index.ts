import Flatbush from 'flatbush';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { preparedQuery, type Db } from '../../core/db.js';
import type { PlaceLevel } from '../places/index.js';

/** A place in the index with what the lookup answers of it; a move or a rename changes the stamp and the index is rebuilt. */
export interface IndexedPlace {
  placeId: string;
  level: PlaceLevel;
  name: string;
  path: string;
}
/** A boundary (district to grid) or a compound's point, as the lookup needs it. */
export interface IndexedBoundary extends IndexedPlace {
  region: Polygon | MultiPolygon;
}
export interface IndexedPoint extends IndexedPlace {
  lon: number;
  lat: number;
}

interface PlaceIndex {
  /**
   * The newest `updated_at` of place_geometries and of places when built: another process's geometry write, or a move or
   * rename anywhere, changes it, and the index is rebuilt.
   */
  stamp: string;
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

async function build(db: Db, stamp: string): Promise<PlaceIndex> {
  const rows = await db.selectFrom('place_geometries').innerJoin('places', 'places.id', 'place_geometries.place_id')
    .select(['place_geometries.place_id', 'places.level', 'places.name', 'places.path', 'place_geometries.kind', 'place_geometries.geometry',
      'place_geometries.min_lon', 'place_geometries.min_lat', 'place_geometries.max_lon', 'place_geometries.max_lat'])
    .where((eb) => eb.or([eb('place_geometries.kind', '=', 'boundary'), eb('places.level', '=', 'compound')]))
    .execute();
  const boundaries: (IndexedBoundary & { box: [number, number, number, number] })[] = [];
  const compounds: IndexedPoint[] = [];
  for (const r of rows) {
    if (r.kind === 'boundary') {
      boundaries.push({ placeId: r.place_id, level: r.level, name: r.name, path: r.path, region: JSON.parse(r.geometry), box: [r.min_lon, r.min_lat, r.max_lon, r.max_lat] });
    } else {
      const [lon, lat] = (JSON.parse(r.geometry) as Point).coordinates as [number, number];
      compounds.push({ placeId: r.place_id, level: r.level, name: r.name, path: r.path, lon, lat });
    }
  }
  return {
    stamp,
    boundaries: { tree: tree(boundaries, (b) => b.box), entries: boundaries },
    compounds: { tree: tree(compounds, (p) => [p.lon, p.lat, p.lon, p.lat]), entries: compounds },
  };
}

// One statement, compiled once: the lookup runs it every time.
const readStamp = preparedQuery((db) => db.selectNoFrom((eb) => [
  eb.selectFrom('place_geometries').select((e) => e.fn.max('updated_at').as('g')).as('geometry'),
  eb.selectFrom('places').select((e) => e.fn.max('updated_at').as('p')).as('place'),
]));

/**
 * The in-memory spatial index of the places' geometry (Flatbush over the boundaries' bounding boxes and the compounds'
 * points, each with its place's level, name and path), rebuilt when geometry or a place changes: at once in this process
 * after a geometry write, and in any process when the newest `updated_at` of place_geometries or of places differs (two
 * indexed `max`es in one prepared statement). Geometry rows are only ever inserted or replaced, never deleted; a move or
 * rename sets the place's `updated_at`.
 */
export async function placeIndex(db: Db): Promise<PlaceIndex> {
  const row = (await readStamp(db))[0] as { geometry: string | null; place: string | null } | undefined;
  const stamp = `${row?.geometry ?? ''}|${row?.place ?? ''}`;
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
