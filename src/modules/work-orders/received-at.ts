import type { Config } from '../../config.js';
import type { ErrorCode } from '../../../contracts/error-codes.js';
import type { Message } from '../../core/errors.js';
import { msg } from '../../core/i18n.js';
import { workOrderMsg } from './messages.js';

/** How far ahead of our clock a received time may lie: another system's clock, or a form filled in a minute ago. */
export const RECEIVED_CLOCK_SKEW_MS = 5 * 60_000;

const DAY_MS = 86400_000;
const CHINA_MS = 8 * 3600_000;

export interface ReceivedAtBounds {
  /** Midnight (China time) of the day `days` days before today: a late 12345 import of that whole day still goes in. */
  earliest: Date;
  latest: Date;
  days: number;
}

/** The received times a demand may be filed with now: deadlines and the three rates count from it. */
export function receivedAtBounds(config: Pick<Config, 'receivedMaxPastDays'>, now = new Date()): ReceivedAtBounds {
  const days = config.receivedMaxPastDays;
  const today = Math.floor((now.getTime() + CHINA_MS) / DAY_MS) * DAY_MS - CHINA_MS;
  return { earliest: new Date(today - days * DAY_MS), latest: new Date(now.getTime() + RECEIVED_CLOCK_SKEW_MS), days };
}

/** '2026-11-02' in China time. */
const chinaDay = (at: Date) => new Date(at.getTime() + CHINA_MS).toISOString().slice(0, 10);

/** Why a received time cannot be taken (too far back, or ahead of the clock), saying the bound; null if it can. */
export function receivedAtProblem(at: Date, bounds: ReceivedAtBounds, field: Message): { code: ErrorCode; message: Message } | null {
  if (at < bounds.earliest) {
    return { code: 'received_too_old', message: msg(workOrderMsg.receivedTooOld, { field, days: bounds.days, earliest: chinaDay(bounds.earliest) }) };
  }
  if (at > bounds.latest) {
    return { code: 'received_in_future', message: msg(workOrderMsg.receivedInFuture, { field, minutes: RECEIVED_CLOCK_SKEW_MS / 60_000 }) };
  }
  return null;
}
