import type { Step } from './step.js';
import { assigneeUsers, notify } from '../notify.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

export const supervise: Step<'supervise'> = async ({ order }, input) => ({
  set: { supervised: 1 }, data: { supervised: true }, reason: input.reason,
  after: async (trx, o) => notify(trx, [...await assigneeUsers(trx, o.assignee_kind, o.assignee_id), order.dispatcher_id], { kind: 'supervise', entityId: o.id, ...msg(workOrderMsg.supervised, { title: o.title }) }),
});
