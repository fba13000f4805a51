import type { AppContext } from '../../../core/context.js';
import type { Db } from '../../../core/db.js';
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
  new AppError(401, 'bad_credentials', msg(accountMsg.badCredentials, { max: MAX_FAILED_LOGINS, minutes: LOCKOUT_MS / 60_000 }), 'password');

/**
 * Counts a guess before it is checked, in one conditional UPDATE: of any number of parallel guesses on one account, in
 * this process or any other, at most MAX_FAILED_LOGINS get a number, and none while the account is locked.
 */
async function claimGuess(db: Db, userId: string): Promise<number | undefined> {
  const row = await db.updateTable('users').set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', userId).where('failed_logins', '<', MAX_FAILED_LOGINS)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', nowIso())]))
    .returning('failed_logins').executeTakeFirst();
  return row?.failed_logins;
}

/**
 * Checks the password, counts failures (locking the account after five in a row), and opens a session. An unknown,
 * disabled or locked account is answered as a wrong password is, after a hash of the same cost, so neither the answer
 * nor its time tells whether the account exists or is locked.
 */
export async function signIn(ctx: AppContext, username: string, password: string) {
  const { db } = ctx.handle;
  const user = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  const guess = user && !user.disabled ? await claimGuess(db, user.id) : undefined;
  if (!user || guess === undefined) {
    await verifyPassword(password, DUMMY_HASH);
    throw badCredentials();
  }
  const actor = { userId: user.id, displayName: user.display_name };
  if (!(await verifyPassword(password, user.password_hash))) {
    const lock = guess >= MAX_FAILED_LOGINS ? new Date(Date.now() + LOCKOUT_MS).toISOString() : null;
    await db.transaction().execute(async (trx) => {
      if (lock) await trx.updateTable('users').set({ failed_logins: 0, locked_until: lock }).where('id', '=', user.id).execute();
      await appendEvent(trx, actor, {
        entityType: 'user', entityId: user.id, placeId: user.place_id,
        action: lock ? 'lock' : 'sign_in_failed', to: lock ? { lockedUntil: lock } : { failedLogins: guess },
      });
    });
    throw badCredentials();
  }
  const session = await createSession(db, user.id, ctx.config.sessionTtlMs);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await appendEvent(trx, actor, { entityType: 'user', entityId: user.id, placeId: user.place_id, action: 'sign_in' }, nowIso());
  });
  return { session, user };
}
