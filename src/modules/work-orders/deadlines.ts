import type { DemandType } from './state.js';

// The working-day arithmetic is the work calendar's; the limits per step are ours.
export { addWorkingDays, loadCalendar, type Calendar } from '../work-calendar/index.js';

/** Working days per step, as common 12345 rules set them; a category may be marked complex (15 days). */
export const DEFAULT_DAYS = {
  accept: 1,
  contact: 1,
  resolve: { consultation: 2, help: 5, complaint: 7, report: 7, suggestion: 7, praise: 7 } satisfies Record<DemandType, number>,
  complex: 15,
};

export function resolveDays(type: DemandType, complex: boolean): number {
  return complex ? DEFAULT_DAYS.complex : DEFAULT_DAYS.resolve[type];
}

/** Traffic light: red when overdue, yellow when at least `yellowShare` of the time is used. */
export function light(startIso: string, dueIso: string | null, doneIso: string | null, now = new Date(), yellowShare = 0.8): 'green' | 'yellow' | 'red' | null {
  if (!dueIso) return null;
  const end = doneIso ? new Date(doneIso).getTime() : now.getTime();
  const start = new Date(startIso).getTime();
  const due = new Date(dueIso).getTime();
  if (end > due) return 'red';
  if (doneIso) return 'green';
  return (end - start) / Math.max(1, due - start) >= yellowShare ? 'yellow' : 'green';
}
