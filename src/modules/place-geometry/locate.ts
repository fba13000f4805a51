import { booleanPointInPolygon, distance } from '@turf/turf';
import { isWithin } from '../../core/access/scope.js';
import type { Db } from '../../core/db.js';
import type { PlaceRow } from '../places/index.js';
import { placeIndex, type IndexedPlace } from './place-index.js';

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
const ref = (p: IndexedPlace): LocatedPlace => ({ id: p.placeId, name: p.name, level: p.level, path: p.path });

/**
 * The places at a WGS-84 point inside `roots` (the caller's subtrees): the street, community and grid whose boundaries
 * contain it (the bounding boxes from the index, then Turf's point-in-polygon), and the nearest compound point within
 * `maxMetres`, inside the grid the point lies in when one has a boundary. Places outside the roots are never answered.
 * Everything comes from the in-memory index (which holds each place's path and name and is rebuilt when a place moves):
 * no statement but the index's stamp runs per lookup.
 */
export async function locatePlaces(db: Db, roots: readonly string[], lon: number, lat: number, maxMetres: number): Promise<Located> {
  const index = await placeIndex(db);
  const containing = (index.boundaries.tree?.search(lon, lat, lon, lat) ?? [])
    .map((i) => index.boundaries.entries[i]!).filter((b) => booleanPointInPolygon([lon, lat], b.region));
  // A degree of longitude is the shorter: that bound over-selects, and the true distance decides.
  const maxDegrees = maxMetres / (METRES_PER_DEGREE * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  const near = (index.compounds.tree?.neighbors(lon, lat, Infinity, maxDegrees) ?? [])
    .map((i) => index.compounds.entries[i]!)
    .map((p) => ({ place: p, metres: distance([lon, lat], [p.lon, p.lat], { units: 'meters' }) }))
    .filter((p) => p.metres <= maxMetres).sort((a, b) => a.metres - b.metres);
  const inRoots = (p: IndexedPlace) => roots.some((r) => isWithin(p.path, r));
  const at = (level: PlaceRow['level']) => {
    const found = containing.find((b) => b.level === level && inRoots(b));
    return found ? ref(found) : null;
  };
  const grid = at('grid');
  // The grid the point lies in, whether the caller sees it or not: a compound of the grid beside it is not the answer.
  const trueGrid = containing.find((b) => b.level === 'grid');
  const compound = near.find((p) => inRoots(p.place) && (!trueGrid || isWithin(p.place.path, trueGrid.path)));
  return {
    street: at('street'), community: at('community'), grid,
    compound: compound ? { ...ref(compound.place), distanceMetres: Math.round(compound.metres) } : null,
  };
}

/** Where a demand at this point is filed: the nearest compound in its grid, else the grid, else the community; null above. */
export async function placeForPoint(db: Db, roots: readonly string[], lon: number, lat: number, maxMetres: number): Promise<LocatedPlace | null> {
  const found = await locatePlaces(db, roots, lon, lat, maxMetres);
  return found.compound ?? found.grid ?? found.community;
}
