import type { Step } from './step.js';
import { MAX_REOPENS } from '../state.js';
import { assigneeUsers, notify, streetStaffOver } from '../notify.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

export const rate: Step<'rate'> = async ({ ctx, order, now }, input) => {
  const base = { rating: input.rating, rating_comment: input.comment ?? null };
  // Whose work is rated, kept on the event: the ratings read model (ratings.ts) counts the rating for this assignee,
  // even when a second "not satisfied" takes the order away from them.
  const from = { assignee: order.assignee_kind ? { kind: order.assignee_kind, id: order.assignee_id } : null };
  if (input.rating !== 'not_satisfied') return { set: { ...base, closed_at: now }, from, data: { rating: input.rating }, reason: input.comment ?? null };
  const reopened = order.reopen_count + 1;
  if (reopened <= MAX_REOPENS) {
    // Reopened once: back to the same taker, who must take it again.
    return { to: 'dispatched', set: { ...base, reopen_count: reopened, resolved_at: null }, from, data: { rating: input.rating, reopened: true }, reason: input.comment ?? null,
      after: async (trx, o) => notify(trx, await assigneeUsers(trx, o.assignee_kind, o.assignee_id), { kind: 'reopened', entityId: o.id, ...msg(workOrderMsg.reopened, { title: o.title }) }) };
  }
  return { to: 'accepted', set: { ...base, reopen_count: reopened, resolved_at: null, supervised: 1, assignee_kind: null, assignee_id: null }, from,
    data: { rating: input.rating, supervised: true }, reason: input.comment ?? null,
    after: async (trx, o) => notify(trx, await streetStaffOver(trx, o.place_path), { kind: 'supervise', entityId: o.id, ...msg(workOrderMsg.twiceNotSatisfied, { title: o.title }) }) };
};
