import { isWithin } from '../../core/access/scope.js';
import type { AppContext } from '../../core/context.js';
import { invalid, notFound } from '../../core/errors.js';
import { findPlace, findPlaceByCode, findPlaces, listChildren, searchPlaces, type PlaceLevel, type PlaceRow } from '../places/index.js';
import { listActiveCategories } from '../demand-categories/index.js';
import { locatePlaces } from '../place-geometry/index.js';
import { h5Msg } from './messages.js';

/** What anyone may see of a place on the H5 page: names only, never an address or a person. */
type Named = { id: string; name: string };
const ancestorIds = (path: string) => path.split('/').filter(Boolean).slice(0, -1);

/** The deployment's district: the H5 page offers places under it and nowhere else. */
async function districtPath(ctx: AppContext): Promise<string> {
  const district = await findPlaceByCode(ctx.handle.db, ctx.config.districtCode);
  if (!district) throw notFound('place');
  return district.path;
}

/** A place under the district, else 404. */
async function placeInDistrict(ctx: AppContext, id: string): Promise<PlaceRow> {
  const place = await findPlace(ctx.handle.db, id);
  if (!place || !isWithin(place.path, await districtPath(ctx))) throw notFound('place');
  return place;
}

/** Where a resident may file: a compound, building or household under the district. */
export async function residentPlace(ctx: AppContext, id: string): Promise<PlaceRow> {
  const place = await placeInDistrict(ctx, id);
  if (!['compound', 'building', 'household'].includes(place.level)) {
    throw invalid('placeId', h5Msg.placeLevel, 'place_level');
  }
  return place;
}

/** The street, community and compound over each place, in one query. */
async function ancestorNames(ctx: AppContext, places: PlaceRow[]) {
  const ids = [...new Set(places.flatMap((p) => ancestorIds(p.path)))];
  const rows = await findPlaces(ctx.handle.db, ids);
  return (p: PlaceRow) => {
    const mine = ancestorIds(p.path);
    const at = (level: PlaceLevel): Named | null => {
      const row = rows.find((r) => r.level === level && mine.includes(r.id));
      return row ? { id: row.id, name: row.name } : null;
    };
    return { street: at('street'), community: at('community'), compound: at('compound') };
  };
}

/** The QR page of a compound (its buildings) or of a building (its households), for the resident to pick where. */
export async function publicPlace(ctx: AppContext, id: string) {
  const place = await placeInDistrict(ctx, id);
  if (place.level !== 'compound' && place.level !== 'building') throw notFound('place');
  const [names, listed] = await Promise.all([
    ancestorNames(ctx, [place]),
    listChildren(ctx.handle.db, place.id, 500, 0),
  ]);
  const children = listed.items.map(({ id, name, level }) => ({ id, name, level }));
  return { id: place.id, level: place.level, name: place.name, ...names(place), children };
}

/** Compounds under the district whose name holds `q`. */
export async function searchCompounds(ctx: AppContext, q: string) {
  const rows = await searchPlaces(ctx.handle.db, [await districtPath(ctx)], q, 'compound', 20);
  const names = await ancestorNames(ctx, rows);
  return { items: rows.map((p) => ({ id: p.id, name: p.name, street: names(p).street, community: names(p).community })) };
}

/**
 * The compound at a WGS-84 point (the phone's own location), among those the resident may file for: the compounds under
 * the district, as the search offers them. The nearest compound point within the configured distance inside the grid the
 * point lies in (the staff lookup's rule); 404 when there is none. Names only.
 */
export async function locateCompound(ctx: AppContext, lon: number, lat: number) {
  const found = await locatePlaces(ctx.handle.db, [await districtPath(ctx)], lon, lat, ctx.config.locateMaxMetres);
  if (!found.compound) throw notFound('place');
  const place = await findPlace(ctx.handle.db, found.compound.id);
  if (!place) throw notFound('place');
  const names = await ancestorNames(ctx, [place]);
  return { id: place.id, name: place.name, street: names(place).street, community: names(place).community, distanceMetres: found.compound.distanceMetres };
}

export async function activeCategories(ctx: AppContext) {
  const rows = await listActiveCategories(ctx.handle.db);
  return { items: rows.map((c) => ({ id: c.id, code: c.code, name: c.name, groupName: c.group_name, description: c.description })) };
}
