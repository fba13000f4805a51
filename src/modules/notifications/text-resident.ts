import type { AppContext } from '../../core/context.js';
import { mask } from '../../core/personal-data.js';
import type { SmsMessage } from '../../core/sms.js';

/**
 * Texts a resident through the configured SMS provider. Never throws: the message reports work that is done, so a
 * provider that is down or refuses leaves the work standing and a warning in the log (phone masked). Answers whether
 * it was sent.
 */
export async function textResident(ctx: AppContext, phone: string, message: SmsMessage): Promise<boolean> {
  if (!ctx.sms) return false;
  try {
    await ctx.sms.provider.send(phone, message);
    return true;
  } catch (err) {
    ctx.sms.log.warn({ err, sms: { to: mask('phone', phone), template: message.template } }, 'sms not sent');
    return false;
  }
}
