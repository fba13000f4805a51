import type { Actor } from '../../../core/access/actor.js';
import type { AppContext } from '../../../core/context.js';
import { conflict } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { newId, nowIso } from '../../../core/ids.js';
import { hashPassword } from '../../../core/auth/password.js';
import type { TCreateUser } from '../schema.js';
import { checkBindings, checkUnit } from './role-bindings.js';
import { findUser, toUser } from '../queries.js';
import { accountMsg } from '../messages.js';

export async function createUser(ctx: AppContext, actor: Actor, input: TCreateUser) {
  const { db } = ctx.handle;
  const bindings = await checkBindings(db, actor, input.roles);
  const unitId = await checkUnit(db, actor, input.unitId ?? null, bindings);
  const taken = await db.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
  if (taken) throw conflict('username', accountMsg.usernameTaken, 'username_taken');
  const id = newId();
  const now = nowIso();
  const home = bindings[0]!;
  const passwordHash = await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values({
      id, username: input.username, display_name: input.displayName, password_hash: passwordHash,
      place_id: home.placeId, place_path: home.placePath, failed_logins: 0, locked_until: null, disabled: 0,
      locale: 'zh-CN', unit_id: unitId, version: 1, created_at: now, updated_at: now,
    }).execute();
    await trx.insertInto('role_bindings')
      .values(bindings.map((b) => ({ id: newId(), user_id: id, role: b.role, place_id: b.placeId, created_at: now })))
      .execute();
    await appendEvent(trx, actor, {
      entityType: 'user', entityId: id, placeId: home.placeId, action: 'create',
      to: { username: input.username, displayName: input.displayName, roles: input.roles, ...(unitId ? { unitId } : {}) },
    });
  });
  return toUser((await findUser(db, id))!);
}
