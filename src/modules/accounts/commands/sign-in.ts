import type { AppContext } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { appendEvent } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { createSession } from '../sessions.js';
import { DUMMY_HASH, verifyPassword } from '../../../core/auth/password.js';
import { accountMsg } from '../messages.js';
import { msg } from '../../../core/i18n.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60_000;

const badCredentials = () =>
  new AppError(401, 'bad_credentials', accountMsg.badCredentials, 'password');

/** Checks the password, counts failures (locking the account after five), and opens a session. */
export async function signIn(ctx: AppContext, username: string, password: string) {
  const { db } = ctx.handle;
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!user || user.disabled) {
    await verifyPassword(password, DUMMY_HASH);
    throw badCredentials();
  }
  const now = new Date();
  if (user.locked_until && user.locked_until > now.toISOString()) {
    throw new AppError(429, 'account_locked', msg(accountMsg.locked, { until: { zh: new Date(user.locked_until).toLocaleTimeString('zh-CN'), en: user.locked_until } }), 'username');
  }
  const actor = { userId: user.id, displayName: user.display_name };
  if (!(await verifyPassword(password, user.password_hash))) {
    const failed = user.failed_logins + 1;
    const lock = failed >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ failed_logins: lock ? 0 : failed, locked_until: lock }).where('id', '=', user.id).execute();
      await appendEvent(trx, actor, {
        entityType: 'user', entityId: user.id, placeId: user.place_id,
        action: lock ? 'lock' : 'sign_in_failed', to: lock ? { lockedUntil: lock } : { failedLogins: failed },
      });
    });
    throw badCredentials();
  }
  const session = await createSession(db, user.id, ctx.config.sessionTtlMs);
  await db.transaction().execute(async (trx) => {
    if (user.failed_logins > 0 || user.locked_until) {
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    }
    await appendEvent(trx, actor, { entityType: 'user', entityId: user.id, placeId: user.place_id, action: 'sign_in' }, nowIso());
  });
  return { session, user };
}
