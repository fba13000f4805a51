import type { Config } from '../config.js';
import type { Actor } from './access/actor.js';
import type { DbHandle } from './db.js';
import type { PersonalDataCipher } from './personal-data.js';
import type { SmsLog, SmsProvider } from './sms.js';

/** What every route and command gets from the app: the database, the cipher, the configuration. */
export interface AppContext {
  handle: DbHandle;
  cipher: PersonalDataCipher;
  config: Config;
  /** Residents' text messages: the configured provider and the log its failures go to; set by buildApp. */
  sms?: { provider: SmsProvider; log: SmsLog };
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
