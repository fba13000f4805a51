import { type Selectable, sql } from 'kysely';
import { preparedQuery, subtreeUpperBound, type DbOrTrx } from '../../core/db.js';
import { inSubtrees, isInScope, type Bound } from '../../core/access/scope.js';
import { notFound } from '../../core/errors.js';
import { placeCounts } from '../../core/registry.js';
import type { PlaceLevel, PlaceTable } from './tables.js';
import type { TPlace } from './schema.js';
import { shortDivisionName } from './commands/import-divisions.js';

export type PlaceRow = Selectable<PlaceTable>;

export function toPlace(row: PlaceRow): TPlace {
  return {
    id: row.id,
    placeId: row.id,
    parentId: row.parent_id,
    level: row.level,
    name: row.name,
    code: row.code,
    path: row.path,
    depth: row.depth,
    compoundType: row.compound_type,
    threeNo: Boolean(row.three_no),
    addressMasked: row.address_masked,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const placeById = preparedQuery((db, id: string) => db.selectFrom('places').selectAll().where('id', '=', id));
export async function findPlace(db: DbOrTrx, id: string): Promise<PlaceRow | undefined> {
  return (await placeById(db, id))[0];
}

/** The place, when it lies in the caller's subtree; otherwise 404 `place`, the same answer as for one that does not exist. */
export async function findPlaceInScope(db: DbOrTrx, caller: Bound, id: string): Promise<PlaceRow> {
  const place = await findPlace(db, id);
  if (!place || !isInScope(caller, place.path)) throw notFound('place');
  return place;
}

/** The places with these ids (any order; unknown ids are left out). */
export async function findPlaces(db: DbOrTrx, ids: readonly string[]): Promise<PlaceRow[]> {
  const unique = [...new Set(ids)];
  const out: PlaceRow[] = [];
  // Parameters per statement stay far below SQLite's bound.
  for (let i = 0; i < unique.length; i += 500) out.push(...await db.selectFrom('places').selectAll().where('id', 'in', unique.slice(i, i + 500)).execute());
  return out;
}

/** The children of these places (any order), households left out: they carry no geometry. */
export async function findChildrenOf(db: DbOrTrx, parentIds: readonly string[]): Promise<PlaceRow[]> {
  const unique = [...new Set(parentIds)];
  const out: PlaceRow[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(...await db.selectFrom('places').selectAll().where('parent_id', 'in', unique.slice(i, i + 500)).where('level', '!=', 'household').execute());
  }
  return out;
}

/** The places of one level, under `underPath` when given, in their official order. */
export async function listPlacesAtLevel(db: DbOrTrx, level: PlaceLevel, underPath?: string): Promise<PlaceRow[]> {
  let q = db.selectFrom('places').selectAll().where('level', '=', level);
  if (underPath) q = q.where('path', '>=', underPath).where('path', '<', subtreeUpperBound(underPath));
  return q.orderBy('sort_order').execute();
}

/** The ids of the places inside `roots`, as a subquery for another module's `where(column, 'in', …)`. */
export function placeIdsUnder(db: DbOrTrx, roots: string[]) {
  return db.selectFrom('places').select('places.id').where((eb) => inSubtrees(eb, 'places.path', roots));
}

/** Communities inside `roots` named by id, division code or name (the official long name too): a few, to tell a unique match. */
export async function findCommunities(db: DbOrTrx, ref: string, roots: string[]): Promise<PlaceRow[]> {
  return db.selectFrom('places').selectAll().where('level', '=', 'community')
    .where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref), eb('name', '=', shortDivisionName(ref))]))
    .where((eb) => inSubtrees(eb, 'path', roots)).limit(5).execute();
}

/** Compounds inside `roots` with exactly this name: a few, to tell a unique match. */
export async function findCompoundsNamed(db: DbOrTrx, name: string, roots: string[]): Promise<PlaceRow[]> {
  return db.selectFrom('places').selectAll().where('level', '=', 'compound').where('name', '=', name)
    .where((eb) => inSubtrees(eb, 'path', roots)).limit(5).execute();
}

/** The district's communities with their street's name, in the official order (Open311's `community` attribute). */
export async function listCommunitiesWithStreets(db: DbOrTrx, districtPath: string) {
  return db.selectFrom('places as c').innerJoin('places as s', 's.id', 'c.parent_id')
    .select(['c.id', 'c.name', 's.name as street']).where('c.level', '=', 'community').where('c.path', 'like', `${districtPath}%`)
    .orderBy('s.sort_order').orderBy('c.sort_order').orderBy('c.name').execute();
}

/** The community a place lies in (the third id of its path: district/street/community/…); none above a community. */
export function communityIdOf(placePath: string): string | undefined {
  return placePath.split('/').filter(Boolean)[2];
}

export async function findPlaceByCode(db: DbOrTrx, code: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listChildren(db: DbOrTrx, parentId: string, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db.selectFrom('places').selectAll().where('parent_id', '=', parentId)
      .orderBy('sort_order').orderBy('name').limit(limit).offset(offset).execute(),
    db.selectFrom('places').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', parentId).executeTakeFirstOrThrow(),
  ]);
  return { items: rows, total: Number(total.n) };
}

/** The places named by a path, root first (the breadcrumb). */
export async function ancestorsOf(db: DbOrTrx, path: string): Promise<Pick<PlaceRow, 'id' | 'name' | 'level'>[]> {
  const ids = path.split('/').filter(Boolean).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('places').select(['id', 'name', 'level', 'depth']).where('id', 'in', ids).orderBy('depth').execute();
  return rows.map(({ id, name, level }) => ({ id, name, level }));
}

/** Each level's count, then what the installed modules count under the place (residents: the residents module's). */
export type PlaceCounts = Record<PlaceLevel, number> & Record<string, number>;

/** Counts of each level below a place and of the modules' records in it: an index range scan each. */
export async function countsUnder(db: DbOrTrx, path: string): Promise<PlaceCounts> {
  const hi = subtreeUpperBound(path);
  const [levels, ...others] = await Promise.all([
    sql<{ level: PlaceLevel; n: number }>`select level, count(*) as n from places
      where path > ${path} and path < ${hi} group by level`.execute(db),
    ...placeCounts().map((c) => c.count(db, path)),
  ]);
  const counts = { district: 0, street: 0, community: 0, grid: 0, compound: 0, building: 0, household: 0 } as PlaceCounts;
  for (const r of levels.rows) counts[r.level as PlaceLevel] = Number(r.n);
  placeCounts().forEach((c, i) => (counts[c.key] = others[i] as number));
  return counts;
}

export async function searchPlaces(db: DbOrTrx, roots: string[], q: string, level: PlaceLevel | undefined, limit: number) {
  let query = db
    .selectFrom('places')
    .selectAll()
    .where((eb) => inSubtrees(eb, 'places.path', roots))
    .where((eb) => eb.or([eb('name', 'like', `%${escapeLike(q)}%`), eb('code', '=', q)]))
    .orderBy('depth')
    .orderBy('name')
    .limit(limit);
  if (level) query = query.where('level', '=', level);
  return query.execute();
}

const escapeLike = (s: string) => s.replace(/[%_]/g, '');
