import type { Config } from '../config.js';
import { StartupRefused } from './db.js';
import { mask } from './personal-data.js';
import { aliyunSmsProvider } from './sms-aliyun.js';

/** The messages OneGrid sends, each a template registered with the provider; `params` fill its variables. */
export const SMS_TEMPLATES = ['oneTimeCode', 'demandResolved'] as const;
export type SmsTemplate = (typeof SMS_TEMPLATES)[number];

/** One message: the template and its variables for a provider that sends templates, the full text for the log. */
export interface SmsMessage {
  template: SmsTemplate;
  params: Record<string, string>;
  text: string;
}

/** Sends a text message to a phone. One adapter per provider, chosen by SMS_PROVIDER; `send` rejects when it was not sent. */
export interface SmsProvider {
  readonly name: SmsProviderName;
  send(phone: string, message: SmsMessage): Promise<void>;
}

export const SMS_PROVIDERS = ['log', 'aliyun'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

export interface SmsLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

// The log adapter's recent messages, newest last: the sign-in tests read their code here, as an operator reads the log.
const outbox: { phone: string; template: SmsTemplate; text: string }[] = [];
const OUTBOX_SIZE = 200;

/**
 * The default adapter: writes each message to the app log with the phone masked, and sends nothing. For development
 * and tests only (refused with NODE_ENV=production): whoever reads the log can sign in as any resident.
 */
export function logSmsProvider(log: SmsLog): SmsProvider {
  return {
    name: 'log',
    async send(phone, message) {
      outbox.push({ phone, template: message.template, text: message.text });
      if (outbox.length > OUTBOX_SIZE) outbox.shift();
      const to = mask('phone', phone);
      // A one-time code gets a line of its own that says what it is, so a developer finds it in the log at a glance.
      const line = message.template === 'oneTimeCode'
        ? `ONE-TIME CODE ${message.params.code} for ${to} (SMS_PROVIDER=log: not sent, development only)`
        : 'sms (log provider, not sent)';
      log.info({ sms: { to, template: message.template, text: message.text } }, line);
    },
  };
}

/**
 * What keeps the configured SMS from running, checked before the app opens its database: an unknown provider, the log
 * adapter in production, or an Aliyun account with a setting missing. Throws StartupRefused naming what to set.
 */
export function checkSmsConfig(config: Config): void {
  const { provider, aliyun } = config.sms;
  if (!(SMS_PROVIDERS as readonly string[]).includes(provider)) {
    throw new StartupRefused(`SMS_PROVIDER must be one of: ${SMS_PROVIDERS.join(', ')} (got "${provider}")`);
  }
  if (provider === 'log' && config.production) {
    throw new StartupRefused('SMS_PROVIDER=log writes residents\' one-time codes to the log and sends nothing; with NODE_ENV=production set SMS_PROVIDER=aliyun and its SMS_ALIYUN_* settings');
  }
  if (provider === 'aliyun') {
    const missing = Object.entries(ALIYUN_ENV).filter(([key]) => !aliyun[key as keyof typeof ALIYUN_ENV]).map(([, env]) => env);
    if (missing.length) throw new StartupRefused(`SMS_PROVIDER=aliyun needs ${missing.join(', ')}`);
  }
}

/** The Aliyun settings that must be given, and the variable each comes from. */
export const ALIYUN_ENV = {
  accessKeyId: 'SMS_ALIYUN_ACCESS_KEY_ID',
  accessKeySecret: 'SMS_ALIYUN_ACCESS_KEY_SECRET',
  signName: 'SMS_ALIYUN_SIGN_NAME',
  oneTimeCodeTemplate: 'SMS_ALIYUN_CODE_TEMPLATE',
  demandResolvedTemplate: 'SMS_ALIYUN_RESOLVED_TEMPLATE',
} as const;

/** The provider named by SMS_PROVIDER (checked as at start). */
export function createSmsProvider(config: Config, log: SmsLog): SmsProvider {
  checkSmsConfig(config);
  return config.sms.provider === 'aliyun' ? aliyunSmsProvider(config.sms.aliyun) : logSmsProvider(log);
}

/** Test-only: the last message of this template the log adapter took for this phone. */
export function lastMessageTo(phone: string, template: SmsTemplate = 'oneTimeCode'): string | undefined {
  for (let i = outbox.length - 1; i >= 0; i--) if (outbox[i]!.phone === phone && outbox[i]!.template === template) return outbox[i]!.text;
  return undefined;
}
