import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../core/db.js';
import type { UserTable } from './tables.js';
import type { Role } from '../../core/access/roles.js';
import { inSubtrees } from '../../core/access/scope.js';
import { findPlaces, placeIdsUnder } from '../places/index.js';

export async function findUser(db: DbOrTrx, id: string) {
  return (await withRoles(db, await db.selectFrom('users').selectAll().where('id', '=', id).execute()))[0];
}

/** Users with their role bindings and the bindings' places: three statements for any number of users. */
async function withRoles(db: DbOrTrx, users: Selectable<UserTable>[]) {
  if (!users.length) return [];
  const bindings = await db.selectFrom('role_bindings').select(['user_id', 'role', 'place_id']).where('user_id', 'in', users.map((u) => u.id)).execute();
  const places = new Map((await findPlaces(db, bindings.map((b) => b.place_id))).map((p) => [p.id, p]));
  return users.map((user) => ({
    ...user,
    roles: bindings.filter((b) => b.user_id === user.id && places.has(b.place_id)).map((b) => {
      const p = places.get(b.place_id)!;
      return { role: b.role, placeId: p.id, placeName: p.name, placeLevel: p.level };
    }),
  }));
}

export type UserWithRoles = NonNullable<Awaited<ReturnType<typeof findUser>>>;

export function toUser(u: UserWithRoles) {
  return {
    id: u.id,
    placeId: u.place_id,
    username: u.username,
    displayName: u.display_name,
    disabled: Boolean(u.disabled),
    locked: Boolean(u.locked_until && u.locked_until > new Date().toISOString()),
    roles: u.roles,
    unitId: u.unit_id,
    version: u.version,
    createdAt: u.created_at,
  };
}

export interface UserFilter {
  q?: string;
  /** Users with a binding of one of these roles on a place inside `roots`. */
  roles?: Role[];
  /** …and that binding's place is this path or above it. */
  coversPath?: string;
  disabled?: boolean;
  limit: number;
  offset: number;
}

export async function listUsers(db: DbOrTrx, roots: string[], opts: UserFilter) {
  let q = db.selectFrom('users').where((eb) => inSubtrees(eb, 'users.place_path', roots));
  if (opts.disabled !== undefined) q = q.where('users.disabled', '=', opts.disabled ? 1 : 0);
  if (opts.roles?.length || opts.coversPath) {
    const { roles, coversPath } = opts;
    q = q.where(({ exists, selectFrom }) => exists(
      selectFrom('role_bindings').select('role_bindings.id')
        .whereRef('role_bindings.user_id', '=', 'users.id')
        .where('role_bindings.place_id', 'in', placeIdsUnder(db, roots))
        .$if(Boolean(roles?.length), (b) => b.where('role_bindings.role', 'in', roles!))
        // The place itself or one above it: the ids its path names.
        .$if(Boolean(coversPath), (b) => b.where('role_bindings.place_id', 'in', coversPath!.split('/').filter(Boolean))),
    ));
  }
  if (opts.q) q = q.where((eb) => eb.or([eb('username', 'like', `%${opts.q}%`), eb('display_name', 'like', `%${opts.q}%`)]));
  const [rows, total] = await Promise.all([
    q.selectAll('users').orderBy('place_path').orderBy('username').limit(opts.limit).offset(opts.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: (await withRoles(db, rows)).map(toUser), total: Number(total.n) };
}

/** The enabled accounts linked to a unit: who acts for a department or partner unit. */
export async function usersOfUnit(db: DbOrTrx, unitId: string): Promise<string[]> {
  return (await db.selectFrom('users').select('id').where('unit_id', '=', unitId).where('disabled', '=', 0).execute()).map((u) => u.id);
}

/** The accounts holding one of `roles` on this place or a place above it (bindings by place id: a path is its ancestors' ids). */
export async function usersWithRoleOver(db: DbOrTrx, placePath: string, roles: readonly Role[]): Promise<string[]> {
  const ids = placePath.split('/').filter(Boolean);
  if (ids.length === 0 || roles.length === 0) return [];
  const rows = await db.selectFrom('role_bindings').select('user_id').distinct().where('role', 'in', [...roles]).where('place_id', 'in', ids).execute();
  return rows.map((r) => r.user_id);
}

/** The ids of the accounts with this username or display name, as a subquery for another module's `where(column, 'in', …)`. */
export function userIdsNamed(db: DbOrTrx, name: string) {
  return db.selectFrom('users').select('users.id').where((eb) => eb.or([eb('users.username', '=', name), eb('users.display_name', '=', name)]));
}

/** Whether the account holds one of `roles` on this place or one above it: who may be given work there. */
export async function holdsRoleOver(db: DbOrTrx, userId: string, roles: readonly Role[], placePath: string): Promise<boolean> {
  const ids = placePath.split('/').filter(Boolean);
  if (ids.length === 0 || roles.length === 0) return false;
  const row = await db.selectFrom('role_bindings').select('id').where('user_id', '=', userId).where('role', 'in', [...roles])
    .where('place_id', 'in', ids).limit(1).executeTakeFirst();
  return Boolean(row);
}

/**
 * Accounts' ids, names and first role as a subquery another module selects from (a work order's holder, an event's
 * actor), one statement still.
 */
export function userNames(db: DbOrTrx) {
  return db.selectFrom('users').select((eb) => [
    'users.id', 'users.display_name as name',
    eb.selectFrom('role_bindings').select('role_bindings.role').whereRef('role_bindings.user_id', '=', 'users.id')
      .orderBy('role_bindings.created_at').orderBy('role_bindings.id').limit(1).as('role'),
  ]);
}

/** The active accounts holding `role` on a place inside `root` (its path): id, username and display name, by username. */
export async function accountsWithRoleUnder(db: DbOrTrx, rootPath: string, role: Role) {
  return db.selectFrom('users').select(['users.id', 'users.username', 'users.display_name'])
    .where('users.disabled', '=', 0)
    .where('users.id', 'in', db.selectFrom('role_bindings').select('role_bindings.user_id').where('role_bindings.role', '=', role)
      .where('role_bindings.place_id', 'in', placeIdsUnder(db, [rootPath])))
    .orderBy('users.username').limit(500).execute();
}
