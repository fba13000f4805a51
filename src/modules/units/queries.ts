import type { Selectable } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { inScope, inScopeOrAbove, isInScopeOrAbove } from '../../core/access/scope.js';
import type { DbOrTrx } from '../../core/db.js';
import type { UnitKind } from '../../../contracts/units.js';
import type { UnitTable } from './tables.js';

export type UnitRow = Selectable<UnitTable>;

export const toUnit = (u: UnitRow) => ({ id: u.id, placeId: u.place_id, kind: u.kind, name: u.name });
export type TUnit = ReturnType<typeof toUnit>;

export async function findUnit(db: DbOrTrx, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnits(db: DbOrTrx, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('units').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** Every unit of a kind, wherever it hangs (the department ranking lists them all). */
export async function listUnitsOfKind(db: DbOrTrx, kind: UnitKind): Promise<UnitRow[]> {
  return db.selectFrom('units').selectAll().where('kind', '=', kind).execute();
}

/**
 * The one rule of which units a caller sees: those over one of the caller's places (a street's departments serve its
 * communities) and those inside them (a community's partner units).
 */
export const isUnitVisibleTo = (actor: Actor, unit: { place_path: string }) => isInScopeOrAbove(actor, unit.place_path);

/** A unit the caller sees (isUnitVisibleTo), else undefined: outside, a unit does not exist. */
export async function findVisibleUnit(db: DbOrTrx, actor: Actor, id: string): Promise<UnitRow | undefined> {
  const unit = await findUnit(db, id);
  return unit && isUnitVisibleTo(actor, unit) ? unit : undefined;
}

/**
 * The units the caller sees, as isUnitVisibleTo says, in one query: departments first, then by name. `within`: only
 * those inside the caller's subtree, the ones an account may be linked to.
 */
export async function listVisibleUnits(db: DbOrTrx, actor: Actor, kind?: UnitKind, within = false): Promise<UnitRow[]> {
  let q = db.selectFrom('units').selectAll().where((eb) => (within ? inScope(eb, actor, 'place_path') : inScopeOrAbove(eb, actor, 'place_path')));
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('kind').orderBy('name').execute();
}

/** Units' ids and names as a subquery another module joins (`innerJoin(unitNames(db).as('u'), 'u.id', …)`), one statement still. */
export function unitNames(db: DbOrTrx) {
  return db.selectFrom('units').select(['units.id', 'units.name']);
}
