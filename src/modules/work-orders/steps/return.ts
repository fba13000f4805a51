import type { Step } from './step.js';
import { notify } from '../notify.js';

export const giveBack: Step<'return'> = async ({ order }, input) => ({
  set: { assignee_kind: null, assignee_id: null },
  from: { assignee: { kind: order.assignee_kind, id: order.assignee_id } },
  reason: input.reason,
  after: (trx, o) => notify(trx, [order.dispatcher_id], { kind: 'returned', entityId: o.id, zh: `工单被退回:${o.title}`, en: `Work order returned: ${o.title}` }),
});
