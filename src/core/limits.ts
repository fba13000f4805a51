import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { msg, type Entry } from './i18n.js';
import { core } from './messages.js';

export interface ExtraLimit {
  /** Names the counter; two limits with the same name count together. */
  name: string;
  max: number;
  timeWindow: string | number;
  /** What is counted: an account, a phone, an address over a longer window. Null: not counted. */
  key: (req: FastifyRequest) => string | null;
  /** The 429 answered past the limit; the generic "too many requests" unless given. */
  message?: Entry;
  code?: 'rate_limited' | 'code_rate_limited';
  field?: string;
}

/**
 * A limit beside a route's own per-address `config.rateLimit` (which allows one): a preHandler, so it may count what the
 * parsed body names. It counts in the rate-limit plugin's store, shared by every app process when REDIS_URL is set.
 */
export function extraLimit(app: FastifyInstance, limit: ExtraLimit) {
  const check = app.createRateLimit({ max: limit.max, timeWindow: limit.timeWindow, keyGenerator: (req) => `${limit.name}:${limit.key(req)}` });
  return async (req: FastifyRequest) => {
    if (limit.key(req) === null) return;
    const result = await check(req);
    if (!result.isAllowed && result.isExceeded) {
      throw new AppError(429, limit.code ?? 'rate_limited', msg(limit.message ?? core.rateLimited), limit.field ?? null);
    }
  };
}
