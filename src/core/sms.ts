import type { Config } from '../config.js';
import { mask } from './personal-data.js';

/** Sends a text message to a phone (residents' one-time codes). One adapter per provider, chosen by SMS_PROVIDER. */
export interface SmsProvider {
  readonly name: SmsProviderName;
  send(phone: string, text: string): Promise<void>;
}

export const SMS_PROVIDERS = ['log'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

interface SmsLog {
  info(obj: object, msg: string): void;
}

// The log adapter's recent messages, newest last: the sign-in tests read their code here, as an operator reads the log.
const outbox: { phone: string; text: string }[] = [];
const OUTBOX_SIZE = 200;

/**
 * The default adapter: writes each message to the app log with the phone masked, and sends nothing. For development
 * and pilots without an SMS contract; whoever reads the log can sign in as any resident.
 */
export function logSmsProvider(log: SmsLog): SmsProvider {
  return {
    name: 'log',
    async send(phone, text) {
      outbox.push({ phone, text });
      if (outbox.length > OUTBOX_SIZE) outbox.shift();
      log.info({ sms: { to: mask('phone', phone), text } }, 'sms (log provider, not sent)');
    },
  };
}

/** The provider named by SMS_PROVIDER; an unknown name stops the app at start rather than at the first sign-in. */
export function createSmsProvider(config: Config, log: SmsLog): SmsProvider {
  const name = config.smsProvider;
  if (name === 'log') return logSmsProvider(log);
  throw new Error(`SMS_PROVIDER must be one of: ${SMS_PROVIDERS.join(', ')} (got "${name}")`);
}

/** Test-only: the last message the log adapter took for this phone. */
export function lastMessageTo(phone: string): string | undefined {
  for (let i = outbox.length - 1; i >= 0; i--) if (outbox[i]!.phone === phone) return outbox[i]!.text;
  return undefined;
}
