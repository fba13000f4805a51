import { type Selectable, sql } from 'kysely';
import { subtreeUpperBound, type DbOrTrx } from '../../core/db.js';
import { inSubtrees } from '../../core/access/scope.js';
import type { PlaceLevel, PlaceTable } from './tables.js';
import type { TPlace } from './schema.js';

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

export async function findPlace(db: DbOrTrx, id: string): Promise<PlaceRow | undefined> {
  return db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
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

export type PlaceCounts = Record<PlaceLevel, number> & { residents: number };

/** Counts of each level below a place and its residents: two index range scans. */
export async function countsUnder(db: DbOrTrx, path: string): Promise<PlaceCounts> {
  const hi = subtreeUpperBound(path);
  const [levels, residents] = await Promise.all([
    sql<{ level: PlaceLevel; n: number }>`select level, count(*) as n from places
      where path > ${path} and path < ${hi} group by level`.execute(db),
    sql<{ n: number }>`select count(*) as n from residents where place_path >= ${path} and place_path < ${hi}`.execute(db),
  ]);
  const counts = { district: 0, street: 0, community: 0, grid: 0, compound: 0, building: 0, household: 0, residents: 0 } as PlaceCounts;
  for (const r of levels.rows) counts[r.level] = Number(r.n);
  counts.residents = Number(residents.rows[0]?.n ?? 0);
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
