import { randomInt } from 'node:crypto';
import type { AppContext } from '../../../core/context.js';
import type { Db } from '../../../core/db.js';
import { AppError } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import { mask } from '../../../core/personal-data.js';
import { h5Msg } from '../messages.js';
import { msg, type Entry } from '../../../core/i18n.js';

export const CODE_TTL_MS = 5 * 60_000;
export const CODE_ATTEMPTS = 5;
const MINUTE_MS = 60_000;
const PER_HOUR = 5;
/** Codes sent within this window count against the phone's hourly limit, so they are kept at least that long. */
export const CODE_HOURLY_WINDOW_MS = 3600_000;

/** Codes are kept as a keyed hash salted by their row: a copy of the table does not give six-digit codes away. */
export const hashCode = (ctx: AppContext, codeId: string, code: string) => ctx.cipher.blindIndex(`one-time-code:${codeId}:${code}`);

const limited = (entry: Entry) => new AppError(429, 'code_rate_limited', msg(entry), 'phone');

/**
 * Claims the phone's turn to be sent a code, in one conditional upsert (the same statement on SQLite and PostgreSQL):
 * of any number of parallel requests, in any number of processes, one a minute gets it.
 */
async function claimSend(db: Db, phoneIndex: string, now: Date): Promise<boolean> {
  const sentAt = now.toISOString();
  const row = await db.insertInto('one_time_code_gates')
    .values({ id: phoneIndex, sent_at: sentAt, expires_at: new Date(now.getTime() + MINUTE_MS).toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ sent_at: eb.ref('excluded.sent_at'), expires_at: eb.ref('excluded.expires_at') }))
      .where('one_time_code_gates.expires_at', '<=', sentAt))
    .returning('id').executeTakeFirst();
  return Boolean(row);
}

/** Sends a six-digit code to the phone: one a minute and five an hour per phone, each valid five minutes. */
export async function sendCode(ctx: AppContext, phone: string): Promise<{ expiresAt: string }> {
  const { db } = ctx.handle;
  const phoneIndex = ctx.cipher.blindIndex(phone);
  const now = new Date();
  const since = (ms: number) => new Date(now.getTime() - ms).toISOString();
  await db.deleteFrom('one_time_codes').where('phone_index', '=', phoneIndex).where('created_at', '<', since(86400_000)).execute();
  const recent = await db.selectFrom('one_time_codes').select('created_at').where('phone_index', '=', phoneIndex)
    .where('created_at', '>=', since(CODE_HOURLY_WINDOW_MS)).execute();
  if (recent.some((r) => r.created_at >= since(MINUTE_MS))) throw limited(h5Msg.perMinute);
  if (recent.length >= PER_HOUR) throw limited(h5Msg.perHour);
  // The hour's count above may race; the claim cannot, and lets one send a minute through, so neither limit is passed.
  if (!(await claimSend(db, phoneIndex, now))) throw limited(h5Msg.perMinute);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const id = newId();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS).toISOString();
  await db.insertInto('one_time_codes').values({
    id, phone_index: phoneIndex, code_hash: hashCode(ctx, id, code), attempts: 0, expires_at: expiresAt, used_at: null, created_at: now.toISOString(),
  }).execute();
  try {
    await ctx.sms!.provider.send(phone, { template: 'oneTimeCode', params: { code }, text: msg(h5Msg.sms, { code }).zh });
  } catch (error) {
    // A code that never left does not count against the phone's limits; the resident may ask again at once.
    await db.deleteFrom('one_time_codes').where('id', '=', id).execute();
    await db.deleteFrom('one_time_code_gates').where('id', '=', phoneIndex).where('sent_at', '=', now.toISOString()).execute();
    ctx.sms!.log.warn({ err: error, sms: { to: mask('phone', phone), template: 'oneTimeCode' } }, 'sms not sent');
    throw new AppError(503, 'sms_unavailable', msg(h5Msg.smsFailed), 'phone');
  }
  return { expiresAt };
}
