import type { Step } from './step.js';
import { assigneeUsers, notify } from '../notify.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

/** The office takes back an order nobody has taken yet: it waits to be dispatched again; the event keeps who it went to. */
export const recall: Step<'recall'> = async ({ order }, input) => ({
  set: { assignee_kind: null, assignee_id: null, contact_due: null },
  from: { assignee: order.assignee_kind ? { kind: order.assignee_kind, id: order.assignee_id } : null },
  data: { assignee: null },
  reason: input.reason,
  after: async (trx, o) => notify(trx, await assigneeUsers(trx, order.assignee_kind, order.assignee_id), { kind: 'recalled', entityId: o.id, ...msg(workOrderMsg.recalled, { title: o.title }) }),
});
