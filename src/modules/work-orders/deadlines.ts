import type { DemandType, Urgency } from './state.js';

// The working-day arithmetic is the work calendar's; the limits per step are ours.
export { addWorkingDays, loadCalendar, type Calendar } from '../work-calendar/index.js';

/** Working days per step, as common 12345 rules set them; a category may be marked complex (15 days). */
export const DEFAULT_DAYS = {
  accept: 1,
  contact: 1,
  resolve: { consultation: 2, help: 5, complaint: 7, report: 7, suggestion: 7, praise: 7 } satisfies Record<DemandType, number>,
  complex: 15,
};

/** The share of the resolve time an order of each urgency gets. */
export const URGENT_SHARE: Record<Urgency, number> = { normal: 1, urgent: 0.5, critical: 0.25 };

/** What of a category sets an order's time: complex (15 days) and its urgency rule (days when urgent / critical). */
export interface CategoryDeadlineRule {
  complex: number | boolean;
  urgent_days?: number | null;
  critical_days?: number | null;
}

/**
 * Resolve days of an order: the category's (complex) or the type's, shortened by urgency by the category's rule (its days
 * for an urgent or a critical demand) or, where the category sets none, by the default share: an urgent order has half its
 * days (rounded up), a critical one (特急) a quarter. Urgency never lengthens the time; never below one working day.
 */
export function resolveDays(type: DemandType, category: CategoryDeadlineRule, urgency: Urgency = 'normal'): number {
  const days = category.complex ? DEFAULT_DAYS.complex : DEFAULT_DAYS.resolve[type];
  const share = Math.ceil(days * URGENT_SHARE[urgency]);
  // A critical demand of a category with only an urgent rule never gets longer than an urgent one.
  const shortened = urgency === 'urgent' ? category.urgent_days ?? share
    : urgency === 'critical' ? category.critical_days ?? Math.min(share, category.urgent_days ?? share) : share;
  return Math.max(1, Math.min(days, shortened));
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
