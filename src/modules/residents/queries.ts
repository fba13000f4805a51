import type { Expression, ExpressionBuilder, Selectable, SqlBool } from 'kysely';
import { preparedQuery, subtreeUpperBound, type DbOrTrx } from '../../core/db.js';
import type { ResidentTable } from './tables.js';


export type ResidentRow = Selectable<ResidentTable>;

/** What the masked view of a resident reads: never the encrypted columns. */
export const RESIDENT_VIEW_COLUMNS = ['id', 'place_id', 'name', 'gender', 'relation', 'phone_masked', 'id_number_masked', 'version', 'created_at', 'updated_at'] as const;
type ResidentView = Pick<ResidentRow, (typeof RESIDENT_VIEW_COLUMNS)[number]>;

/** The masked view: lists never decrypt. */
/** A household's residents as staff see them (masked), head of household first: the household page's one read. */
export const householdResidents = preparedQuery((db, placeId: string) =>
  db.selectFrom('residents').select(RESIDENT_VIEW_COLUMNS).where('place_id', '=', placeId).orderBy('relation'));

export function toResident(r: ResidentView) {
  return {
    id: r.id,
    placeId: r.place_id,
    name: r.name,
    gender: r.gender,
    relation: r.relation,
    phoneMasked: r.phone_masked,
    idNumberMasked: r.id_number_masked,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The residents under a place (one index range on the path copy): the count the places page shows. */
export async function countResidentsUnder(db: DbOrTrx, path: string): Promise<number> {
  const row = await db.selectFrom('residents').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('place_path', '>=', path).where('place_path', '<', subtreeUpperBound(path)).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findResident(db: DbOrTrx, id: string) {
  return db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A page of residents, masked, among those `visible` keeps (the caller's read policy, as a where-clause). */
export async function listResidents(
  db: DbOrTrx, visible: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>, opts: { q?: string; limit: number; offset: number },
) {
  let q = db.selectFrom('residents').where(visible);
  if (opts.q) q = q.where('name', 'like', `%${opts.q.replace(/[%_]/g, '')}%`);
  const [rows, total] = await Promise.all([
    q.select(RESIDENT_VIEW_COLUMNS).orderBy('place_path').orderBy('relation').orderBy('name').limit(opts.limit).offset(opts.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toResident), total: Number(total.n) };
}
