/** The three rates' months: Beijing time (UTC+8, no daylight saving), whatever the clock zone of the server or browser. */

/** 'YYYY-MM' of the month an instant falls in, in Beijing time. */
export function currentMonth(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

/** The month before the current one: the last whose figures are complete, shown unless another is asked for. */
export function lastCompleteMonth(now = new Date()): string {
  const [y, m] = currentMonth(now).split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7);
}

/** 'YYYY-MM-DD' of the day an instant falls in, in Beijing time. */
export function currentDay(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A month in Beijing time as a UTC range: '2026-10' → [2026-09-30T16:00Z, 2026-10-31T16:00Z). */
export function monthRange(month: string): [string, string] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1, 1) - 8 * 3600_000);
  const end = new Date(Date.UTC(y, m, 1) - 8 * 3600_000);
  return [start.toISOString(), end.toISOString()];
}
