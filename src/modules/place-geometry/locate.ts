import { booleanPointInPolygon, distance } from '@turf/turf';
import { isWithin } from '../../core/access/scope.js';
import type { Db } from '../../core/db.js';
import { findPlaces, type PlaceRow } from '../places/index.js';
import { placeIndex } from './place-index.js';

export interface LocatedPlace {
  id: string;
  name: string;
  level: PlaceRow['level'];
  path: string;
}
export interface Located {
  street: LocatedPlace | null;
  community: LocatedPlace | null;
  grid: LocatedPlace | null;
  compound: (LocatedPlace & { distanceMetres: number }) | null;
}

const METRES_PER_DEGREE = 111_320;
const ref = (p: PlaceRow): LocatedPlace => ({ id: p.id, name: p.name, level: p.level, path: p.path });

/**
 * The places at a WGS-84 point inside `roots` (the caller's subtrees): the street, community and grid whose boundaries
 * contain it (the bounding boxes from the index, then Turf's point-in-polygon), and the nearest compound point within
 * `maxMetres`, inside the grid the point lies in when one has a boundary. Places outside the roots are never answered.
 */
export async function locatePlaces(db: Db, roots: readonly string[], lon: number, lat: number, maxMetres: number): Promise<Located> {
  const index = await placeIndex(db);
  const containing = (index.boundaries.tree?.search(lon, lat, lon, lat) ?? [])
    .map((i) => index.boundaries.entries[i]!).filter((b) => booleanPointInPolygon([lon, lat], b.region));
  // A degree of longitude is the shorter: that bound over-selects, and the true distance decides.
  const maxDegrees = maxMetres / (METRES_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  const near = (index.compounds.tree?.neighbors(lon, lat, Infinity, maxDegrees) ?? [])
    .map((i) => index.compounds.entries[i]!)
    .map((p) => ({ placeId: p.placeId, metres: distance([lon, lat], [p.lon, p.lat], { units: 'meters' }) }))
    .filter((p) => p.metres <= maxMetres).sort((a, b) => a.metres - b.metres);
  const rows = new Map((await findPlaces(db, [...containing.map((b) => b.placeId), ...near.map((p) => p.placeId)])).map((r) => [r.id, r]));
  const inRoots = (id: string) => {
    const row = rows.get(id);
    return row && roots.some((r) => isWithin(row.path, r)) ? row : undefined;
  };
  const at = (level: PlaceRow['level']) => {
    const found = containing.filter((b) => b.level === level).map((b) => inRoots(b.placeId)).find(Boolean);
    return found ? ref(found) : null;
  };
  const grid = at('grid');
  // The grid the point lies in, whether the caller sees it or not: a compound of the grid beside it is not the answer.
  const trueGrid = containing.map((b) => (b.level === 'grid' ? rows.get(b.placeId) : undefined)).find(Boolean);
  const compound = near.map((p) => ({ row: inRoots(p.placeId), metres: p.metres }))
    .find((p) => p.row && (!trueGrid || isWithin(p.row.path, trueGrid.path)));
  return {
    street: at('street'), community: at('community'), grid,
    compound: compound ? { ...ref(compound.row!), distanceMetres: Math.round(compound.metres) } : null,
  };
}

/** Where a demand at this point is filed: the nearest compound in its grid, else the grid, else the community; null above. */
export async function placeForPoint(db: Db, roots: readonly string[], lon: number, lat: number, maxMetres: number): Promise<LocatedPlace | null> {
  const found = await locatePlaces(db, roots, lon, lat, maxMetres);
  return found.compound ?? found.grid ?? found.community;
}
