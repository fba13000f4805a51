import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../core/db.js';
import type { CategoryTable } from './tables.js';

export type CategoryRow = Selectable<CategoryTable>;

export const toCategory = (c: CategoryRow) => ({
  id: c.id, placeId: c.place_id, code: c.code, name: c.name, groupName: c.group_name, description: c.description, defaultUnitId: c.default_unit_id,
  priority: c.priority, complex: Boolean(c.complex), urgentDays: c.urgent_days, criticalDays: c.critical_days, active: Boolean(c.active), version: c.version,
});

export async function findCategory(db: DbOrTrx, id: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCategories(db: DbOrTrx, ids: readonly string[]): Promise<CategoryRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('categories').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** The whole catalogue, active or not, by group and name. */
export async function listCategories(db: DbOrTrx): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().orderBy('group_name').orderBy('name').execute();
}

/** What a demand may be filed under now, by group and name. */
export async function listActiveCategories(db: DbOrTrx): Promise<CategoryRow[]> {
  return db.selectFrom('categories').selectAll().where('active', '=', 1).orderBy('group_name').orderBy('name').execute();
}

/** An active category by its code (the Open311 service_code). */
export async function findActiveCategoryByCode(db: DbOrTrx, code: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('categories').selectAll().where('code', '=', code).where('active', '=', 1).executeTakeFirst();
}

/** The categories with these codes, active or not (a filter by service_code). */
export async function findCategoriesByCodes(db: DbOrTrx, codes: readonly string[]): Promise<CategoryRow[]> {
  if (codes.length === 0) return [];
  return db.selectFrom('categories').selectAll().where('code', 'in', [...new Set(codes)]).execute();
}
