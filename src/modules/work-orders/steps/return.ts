import type { Step } from './step.js';
import { notify } from '../notify.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

export const giveBack: Step<'return'> = async ({ order }, input) => ({
  set: { assignee_kind: null, assignee_id: null },
  from: { assignee: { kind: order.assignee_kind, id: order.assignee_id } },
  reason: input.reason,
  after: (trx, o) => notify(trx, [order.dispatcher_id], { kind: 'returned', entityId: o.id, ...msg(workOrderMsg.returned, { title: o.title }) }),
});
