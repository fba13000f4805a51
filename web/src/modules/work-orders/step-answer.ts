import type { Step, StepAnswer, WorkOrderDetail } from './api';

type Part = 'units' | 'extensions' | 'photos' | 'order';

/** What a step changes beside the order itself: its answer does not carry these, so they are fetched again. */
const CHANGES: Partial<Record<Step, Part[]>> = {
  call_in: ['units'], report_in: ['units'], request_extension: ['extensions'], decide_extension: ['extensions'],
  // The answer names the new holder by id only; the page shows them by name.
  dispatch: ['order'], redispatch: ['order'],
};

export const partsChangedBy = (step: Step, photosAdded: boolean): Part[] => [...(CHANGES[step] ?? []), ...(photosAdded ? ['photos' as const] : [])];

/** The answer as the server documents it (the order's view and `actions`); anything else makes the page fetch the order. */
export function isStepAnswer(value: unknown): value is StepAnswer {
  const v = value as Partial<StepAnswer> | null;
  return typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.version === 'number' && Array.isArray(v.actions);
}

/** The page after a step: the order and next steps from the answer, and the parts it changed from `fresh` if fetched. */
export function afterStep(detail: WorkOrderDetail, answer: StepAnswer, fresh?: WorkOrderDetail, parts: Part[] = []): WorkOrderDetail {
  // A late answer for an order the page has since left is dropped.
  if (answer.id !== detail.order.id) return detail;
  const { actions, ...order } = answer;
  const next: WorkOrderDetail = { ...detail, order: { ...detail.order, ...order }, actions };
  if (!fresh || fresh.order.id !== detail.order.id) return next;
  return { ...next, ...Object.fromEntries(parts.map((p) => [p, fresh[p]])) };
}
