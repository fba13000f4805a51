import { randomInt } from 'node:crypto';
import type { AppContext } from '../../../core/context.js';
import { AppError } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import type { SmsProvider } from '../../../core/sms.js';
import { h5Msg } from '../messages.js';
import { msg } from '../../../core/i18n.js';

export const CODE_TTL_MS = 5 * 60_000;
export const CODE_ATTEMPTS = 5;
const PER_MINUTE = 1;
const PER_HOUR = 5;
/** Codes sent within this window count against the phone's hourly limit, so they are kept at least that long. */
export const CODE_HOURLY_WINDOW_MS = 3600_000;

/** Codes are kept as a keyed hash salted by their row: a copy of the table does not give six-digit codes away. */
export const hashCode = (ctx: AppContext, codeId: string, code: string) => ctx.cipher.blindIndex(`one-time-code:${codeId}:${code}`);

/** Sends a six-digit code to the phone: one a minute and five an hour per phone, each valid five minutes. */
export async function sendCode(ctx: AppContext, sms: SmsProvider, phone: string): Promise<{ expiresAt: string }> {
  const { db } = ctx.handle;
  const phoneIndex = ctx.cipher.blindIndex(phone);
  const now = new Date();
  const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
  await db.deleteFrom('one_time_codes').where('phone_index', '=', phoneIndex).where('created_at', '<', since(86400_000)).execute();
  const recent = await db.selectFrom('one_time_codes').select('created_at').where('phone_index', '=', phoneIndex)
    .where('created_at', '>=', since(CODE_HOURLY_WINDOW_MS)).execute();
  const lastMinute = recent.filter((r) => r.created_at >= since(60_000)).length;
  if (lastMinute >= PER_MINUTE || recent.length >= PER_HOUR) {
    throw new AppError(429, 'code_rate_limited', msg(lastMinute >= PER_MINUTE ? h5Msg.perMinute : h5Msg.perHour), 'phone');
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = newId();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  await db.insertInto('one_time_codes').values({
    id, phone_index: phoneIndex, code_hash: hashCode(ctx, id, code), attempts: 0, expires_at: expiresAt, used_at: null, created_at: now.toISOString(),
  }).execute();
  try {
    await sms.send(phone, msg(h5Msg.sms, { code }).zh);
  } catch (error) {
    // A code that never left does not count against the phone's limit.
    await db.deleteFrom('one_time_codes').where('id', '=', id).execute();
    throw error;
  }
  return { expiresAt };
}
