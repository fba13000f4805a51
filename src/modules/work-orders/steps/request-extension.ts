import { invalid, conflict } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import type { Step } from './step.js';
import { addWorkingDays, DEFAULT_DAYS, loadCalendar } from '../deadlines.js';
import { notify } from '../notify.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

export const requestExtension: Step<'request_extension'> = async ({ ctx, actor, record, order, now }, input) => {
  if (record.pendingExtensionId) throw conflict('days', workOrderMsg.extensionPending, 'extension_pending');
  const cal = await loadCalendar(ctx.handle.db);
  const cap = addWorkingDays(new Date(order.received_at), DEFAULT_DAYS.complex, cal);
  if (addWorkingDays(new Date(order.resolve_due!), input.days, cal) > cap) {
    throw invalid('days', workOrderMsg.extensionTooLong, 'extension_too_long');
  }
  const id = newId();
  return { data: { requestId: id, days: input.days }, reason: input.reason, after: async (trx, o) => {
    await trx.insertInto('extension_requests').values({ id, work_order_id: o.id, days: input.days, reason: input.reason, state: 'pending', requested_by: actor.userId, decided_by: null, version: 1, created_at: now, updated_at: now }).execute();
    await notify(trx, [o.dispatcher_id], { kind: 'extension', entityId: o.id, ...msg(workOrderMsg.extensionRequested, { title: o.title }) });
  } };
};
