import type { DbOrTrx } from '../../core/db.js';
import type { Role } from '../../core/access/roles.js';
import { inSubtrees, selfAndAncestorPaths } from '../../core/access/scope.js';

export async function findUser(db: DbOrTrx, id: string) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) return undefined;
  const roles = await db
    .selectFrom('role_bindings')
    .innerJoin('places', 'places.id', 'role_bindings.place_id')
    .select(['role_bindings.role', 'places.id as placeId', 'places.name as placeName', 'places.level as placeLevel'])
    .where('role_bindings.user_id', '=', id)
    .execute();
  return { ...user, roles };
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
      selectFrom('role_bindings').innerJoin('places', 'places.id', 'role_bindings.place_id').select('role_bindings.id')
        .whereRef('role_bindings.user_id', '=', 'users.id')
        .where((eb) => inSubtrees(eb, 'places.path', roots))
        .$if(Boolean(roles?.length), (b) => b.where('role_bindings.role', 'in', roles!))
        .$if(Boolean(coversPath), (b) => b.where('places.path', 'in', selfAndAncestorPaths(coversPath!))),
    ));
  }
  if (opts.q) q = q.where((eb) => eb.or([eb('username', 'like', `%${opts.q}%`), eb('display_name', 'like', `%${opts.q}%`)]));
  const [rows, total] = await Promise.all([
    q.select(['id']).orderBy('place_path').orderBy('username').limit(opts.limit).offset(opts.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const users = await Promise.all(rows.map((r) => findUser(db, r.id)));
  return { items: users.map((u) => toUser(u!)), total: Number(total.n) };
}

