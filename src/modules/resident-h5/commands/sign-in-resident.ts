import { timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { nowIso } from '../../../core/ids.js';
import { createResidentSession } from '../sessions.js';
import { CODE_ATTEMPTS, hashCode } from './send-code.js';

const codeError = (code: string, zh: string, en: string, details?: Record<string, unknown>) => new AppError(422, code, { zh, en }, 'code', details);

/**
 * Checks the phone's latest code (a newer code replaces older ones): unused, unexpired, fewer than five tries.
 * Each try is counted before comparing, so parallel guesses share the five.
 */
export async function signInResident(ctx: AppContext, phone: string, code: string) {
  const { db } = ctx.handle;
  const latest = await db.selectFrom('one_time_codes').selectAll().where('phone_index', '=', ctx.cipher.blindIndex(phone))
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!latest || latest.used_at) throw codeError('code_invalid', '验证码无效,请重新获取', 'No valid code; request a new one');
  if (latest.expires_at < nowIso()) throw codeError('code_expired', '验证码已过期,请重新获取', 'The code has expired; request a new one');
  const counted = await db.updateTable('one_time_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', latest.id).where('attempts', '<', CODE_ATTEMPTS).where('used_at', 'is', null).executeTakeFirst();
  if (Number(counted.numUpdatedRows) !== 1) throw codeError('code_locked', '验证码错误次数过多,请重新获取', 'Too many wrong tries; request a new code');
  const expected = Buffer.from(latest.code_hash);
  const given = Buffer.from(hashCode(ctx, latest.id, code));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    const left = CODE_ATTEMPTS - latest.attempts - 1;
    throw codeError('code_wrong', `验证码不正确,还可尝试${left}次`, `Wrong code; ${left} tries left`, { attemptsLeft: left });
  }
  const used = await db.updateTable('one_time_codes').set({ used_at: nowIso() }).where('id', '=', latest.id).where('used_at', 'is', null).executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw codeError('code_invalid', '验证码无效,请重新获取', 'No valid code; request a new one');
  return createResidentSession(ctx, phone);
}
