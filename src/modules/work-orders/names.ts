import type { ExpressionBuilder } from 'kysely';
import { isInScope } from '../../core/access/scope.js';
import { type Caller, isStaffCaller } from '../../core/lifecycle/types.js';
import type { DbOrTrx } from '../../core/db.js';
import type { Database } from '../../core/schema.js';
import { userNames } from '../accounts/index.js';
import { findPlaces, type PlaceLevel } from '../places/index.js';
import { unitNames } from '../units/index.js';

/** Who holds an order and who dispatched it, by name, selected beside the order's columns (no statement of their own). */
export interface PeopleColumns {
  holder_name?: string | null;
  holder_role?: string | null;
  dispatcher_name?: string | null;
}

export function peopleColumns(db: DbOrTrx) {
  return (eb: ExpressionBuilder<Database, 'work_orders'>) => {
    const user = (column: 'work_orders.assignee_id' | 'work_orders.dispatcher_id', pick: 'name' | 'role') =>
      eb.selectFrom(userNames(db).as('n')).select(`n.${pick}`).whereRef('n.id', '=', column);
    const unit = eb.selectFrom(unitNames(db).as('u')).select('u.name').whereRef('u.id', '=', 'work_orders.assignee_id');
    return [
      eb.case().when('work_orders.assignee_kind', '=', 'unit').then(unit).when('work_orders.assignee_kind', '=', 'user')
        .then(user('work_orders.assignee_id', 'name')).else(null).end().as('holder_name'),
      eb.case().when('work_orders.assignee_kind', '=', 'user').then(user('work_orders.assignee_id', 'role')).else(null).end().as('holder_role'),
      user('work_orders.dispatcher_id', 'name').as('dispatcher_name'),
    ];
  };
}

/** One place on the way to the demand (community › grid › compound › building); `linked` when the caller may open it. */
export interface PlaceStep { id: string; name: string; level: PlaceLevel; linked: boolean }

/** The levels an order's place is read by. */
const SHOWN: readonly PlaceLevel[] = ['street', 'community', 'grid', 'compound', 'building', 'household'];

/** The places on the way to each order's place, for any number of orders in one statement. */
export async function placeChains(db: DbOrTrx, caller: Caller, paths: readonly string[]): Promise<Map<string, PlaceStep[]>> {
  const ids = paths.flatMap((p) => p.split('/').filter(Boolean));
  const places = new Map((await findPlaces(db, ids)).map((p) => [p.id, p]));
  return new Map(paths.map((path) => [path, path.split('/').filter(Boolean).map((id) => places.get(id))
    .filter((p) => p !== undefined && SHOWN.includes(p.level))
    .map((p) => ({ id: p!.id, name: p!.name, level: p!.level, linked: isStaffCaller(caller) && isInScope(caller, p!.path) }))]));
}
