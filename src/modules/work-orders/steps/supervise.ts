import type { Step } from './step.js';
import { assigneeUsers, notify } from '../notify.js';

export const supervise: Step<'supervise'> = async ({ order }, input) => ({
  set: { supervised: 1 }, data: { supervised: true }, reason: input.reason,
  after: async (trx, o) => notify(trx, [...await assigneeUsers(trx, o.assignee_kind, o.assignee_id), order.dispatcher_id], { kind: 'supervise', entityId: o.id, zh: `督办:${o.title}`, en: `Supervised: ${o.title}` }),
});
