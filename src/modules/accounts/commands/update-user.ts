import type { Actor } from '../../../core/access/actor.js';
import { authorize } from '../../../core/access/policy.js';
import type { AppContext } from '../../../core/context.js';
import { AppError, notFound, staleVersion } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { newId, nowIso } from '../../../core/ids.js';
import { hashPassword } from '../../../core/auth/password.js';
import { deleteUserSessions, forgetActors } from '../sessions.js';
import { userPolicy } from '../policy.js';
import type { TUpdateUser } from '../schema.js';
import { findUser, toUser } from '../queries.js';
import { accountMsg } from '../messages.js';
import { checkPasswordFor } from '../password-rule.js';
import { assertManagesAll, checkBindings, checkUnit, sameBindings } from './role-bindings.js';

/** Renames, disables, resets the password of, or re-roles an account inside the caller's subtree. */
export async function updateUser(ctx: AppContext, actor: Actor, id: string, input: TUpdateUser) {
  const { db } = ctx.handle;
  const before = await findUser(db, id);
  if (!before) throw notFound('user');
  authorize(actor, userPolicy, 'update', before.place_path, { id });
  await assertManagesAll(db, actor, before);
  // The edit form sends the roles and unit it shows: only a change counts.
  const rolesChange = input.roles && !sameBindings(input.roles, before.roles) ? input.roles : undefined;
  const unitChange = input.unitId !== undefined && input.unitId !== before.unit_id;
  // Nobody grants themselves a role or a unit: someone who manages their account does.
  if (id === actor.userId && (rolesChange || unitChange)) throw new AppError(403, 'forbidden', accountMsg.ownRoles, rolesChange ? 'roles' : 'unitId');
  const bindings = rolesChange ? await checkBindings(db, actor, rolesChange) : undefined;
  // The unit link and the roles are checked together, as they will be after this update.
  const unitId = unitChange || (bindings && before.unit_id)
    ? await checkUnit(db, actor, input.unitId === undefined ? before.unit_id : input.unitId, bindings ?? before.roles)
    : before.unit_id;
  if (input.password) checkPasswordFor(input.password, before.username, 'password');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  if (input.displayName !== undefined && input.displayName !== before.display_name) {
    from.displayName = before.display_name;
    to.displayName = input.displayName;
  }
  if (input.disabled !== undefined && input.disabled !== Boolean(before.disabled)) {
    from.disabled = Boolean(before.disabled);
    to.disabled = input.disabled;
  }
  if (passwordHash) to.password = 'reset';
  if (unitId !== before.unit_id) {
    from.unitId = before.unit_id;
    to.unitId = unitId;
  }
  if (bindings) {
    from.roles = before.roles.map((r) => ({ role: r.role, placeId: r.placeId }));
    to.roles = rolesChange;
  }
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('users')
      .set({
        display_name: input.displayName ?? before.display_name,
        disabled: input.disabled === undefined ? before.disabled : input.disabled ? 1 : 0,
        unit_id: unitId,
        ...(passwordHash ? { password_hash: passwordHash, failed_logins: 0, locked_until: null } : {}),
        ...(bindings ? { place_id: bindings[0]!.placeId, place_path: bindings[0]!.placePath } : {}),
        version: input.version + 1,
        updated_at: now,
      })
      .where('id', '=', id).where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleVersion();
    if (bindings) {
      await trx.deleteFrom('role_bindings').where('user_id', '=', id).execute();
      await trx.insertInto('role_bindings')
        .values(bindings.map((b) => ({ id: newId(), user_id: id, role: b.role, place_id: b.placeId, created_at: now })))
        .execute();
    }
    await appendEvent(trx, actor, { entityType: 'user', entityId: id, placeId: before.place_id, action: 'update', from, to });
  });
  if (input.disabled || passwordHash || bindings || unitId !== before.unit_id) await deleteUserSessions(db, id);
  else forgetActors();
  return toUser((await findUser(db, id))!);
}
