import type { DbOrTrx } from '../../core/db.js';

/** China Standard Time has no daylight saving: local day boundaries are UTC+8. */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;

/** Holidays (no work) and make-up working days (调休) by local date 'YYYY-MM-DD'. */
export type Calendar = Map<string, boolean>;

export async function loadCalendar(db: DbOrTrx): Promise<Calendar> {
  const rows = await db.selectFrom('holidays').select(['day', 'workday']).execute();
  return new Map(rows.map((r) => [r.day, Boolean(r.workday)]));
}

export async function listHolidays(db: DbOrTrx) {
  return db.selectFrom('holidays').selectAll().orderBy('day').execute();
}

const localDay = (ms: number) => new Date(ms + OFFSET_MS).toISOString().slice(0, 10);

export function isWorkingDay(ms: number, calendar: Calendar): boolean {
  const day = localDay(ms);
  const special = calendar.get(day);
  if (special !== undefined) return special;
  const weekday = new Date(ms + OFFSET_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * N working days after `from`, at the same local time of day; a clock started on a day off runs from the start
 * of the next working day, so the deadline is the end of the Nth working day.
 */
export function addWorkingDays(from: Date, days: number, calendar: Calendar): Date {
  let ms = from.getTime();
  if (!isWorkingDay(ms, calendar)) {
    const startOfDay = Math.floor((ms + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS;
    ms = startOfDay + DAY_MS - 1;
    while (!isWorkingDay(ms, calendar)) ms += DAY_MS;
    days -= 1; // that first working day counts, and ms is its last moment
  }
  let left = days;
  while (left > 0) {
    ms += DAY_MS;
    if (isWorkingDay(ms, calendar)) left--;
  }
  return new Date(ms);
}
