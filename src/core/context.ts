import type { Config } from '../config.js';
import type { Actor } from './access/actor.js';
import type { DbHandle } from './db.js';
import type { PersonalDataCipher } from './personal-data.js';

/** What every route and command gets from the app: the database, the cipher, the configuration. */
export interface AppContext {
  handle: DbHandle;
  cipher: PersonalDataCipher;
  config: Config;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
