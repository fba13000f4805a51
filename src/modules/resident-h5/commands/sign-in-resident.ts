import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { createResidentSession } from '../sessions.js';
import { CODE_ATTEMPTS, hashCode } from './send-code.js';
import { h5Msg } from '../messages.js';
import { msg } from '../../../core/i18n.js';
import type { ErrorCode } from '../../../../contracts/error-codes.js';
import type { Message } from '../../../core/errors.js';

const codeError = (code: ErrorCode, message: Message, details?: Record<string, unknown>) => new AppError(422, code, message, 'code', details);

/**
 * Checks the phone's latest code (a newer code replaces older ones): unused, unexpired, fewer than five tries.
 * Each try is counted before comparing, so parallel guesses share the five.
 */
export async function signInResident(ctx: AppContext, phone: string, code: string) {
  const { db } = ctx.handle;
  const latest = await db.selectFrom('one_time_codes').selectAll().where('phone_index', '=', ctx.cipher.blindIndex(phone))
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!latest || latest.used_at) throw codeError('code_invalid', h5Msg.codeInvalid);
  if (latest.expires_at < nowIso()) throw codeError('code_expired', h5Msg.codeExpired);
  const counted = await db.updateTable('one_time_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', latest.id).where('attempts', '<', CODE_ATTEMPTS).where('used_at', 'is', null).executeTakeFirst();
  if (Number(counted.numUpdatedRows) !== 1) throw codeError('code_locked', h5Msg.codeLocked);
  const expected = Buffer.from(latest.code_hash);
  const given = Buffer.from(hashCode(ctx, latest.id, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    const left = CODE_ATTEMPTS - latest.attempts - 1;
    throw codeError('code_wrong', msg(h5Msg.codeWrong, { left }), { attemptsLeft: left });
  }
  const used = await db.updateTable('one_time_codes').set({ used_at: nowIso() }).where('id', '=', latest.id).where('used_at', 'is', null).executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw codeError('code_invalid', h5Msg.codeInvalid);
  return createResidentSession(ctx, phone);
}
