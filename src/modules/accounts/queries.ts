import type { DbOrTrx } from '../../core/db.js';
import { inSubtrees } from '../../core/access/scope.js';

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
    version: u.version,
    createdAt: u.created_at,
  };
}

export async function listUsers(db: DbOrTrx, roots: string[], opts: { q?: string; limit: number; offset: number }) {
  let q = db.selectFrom('users').where((eb) => inSubtrees(eb, 'users.place_path', roots));
  if (opts.q) q = q.where((eb) => eb.or([eb('username', 'like', `%${opts.q}%`), eb('display_name', 'like', `%${opts.q}%`)]));
  const [rows, total] = await Promise.all([
    q.select(['id']).orderBy('place_path').orderBy('username').limit(opts.limit).offset(opts.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const users = await Promise.all(rows.map((r) => findUser(db, r.id)));
  return { items: users.map((u) => toUser(u!)), total: Number(total.n) };
}

