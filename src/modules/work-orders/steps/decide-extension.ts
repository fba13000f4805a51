import { conflict, notFound } from '../../../core/errors.js';
import { applyStep, checkStep } from '../../../core/lifecycle/engine.js';
import { addWorkingDays, loadCalendar } from '../deadlines.js';
import { extensionLifecycle, loadExtensionRecord } from '../extension-lifecycle.js';
import { notify } from '../notify.js';
import type { Step } from './step.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

export const decideExtension: Step<'decide_extension'> = async ({ ctx, actor, order, now }, input) => {
  const req = await loadExtensionRecord(ctx, input.requestId);
  if (!req || req.order.id !== order.id) throw notFound('extension request');
  const action = input.approve ? 'approve' : 'refuse';
  // The request's own table: decided once, by the office over the order.
  if (req.state !== 'pending') throw conflict('requestId', workOrderMsg.alreadyDecided, 'already_decided');
  checkStep(extensionLifecycle, action, actor, req, req.version);
  const due = input.approve ? addWorkingDays(new Date(order.resolve_due!), req.days, await loadCalendar(ctx.handle.db)).toISOString() : order.resolve_due;
  return { set: { resolve_due: due }, from: { resolveDue: order.resolve_due }, data: { requestId: req.id, approved: input.approve, resolveDue: due }, reason: input.reason ?? null,
    after: async (trx) => {
      await applyStep(trx, extensionLifecycle, actor, req, action, { set: { decided_by: actor.userId }, reason: input.reason ?? null }, now)
        .catch(() => { throw conflict('requestId', workOrderMsg.alreadyDecided, 'already_decided'); });
      await notify(trx, [req.requestedBy], { kind: 'extension', entityId: order.id, ...msg(input.approve ? workOrderMsg.extensionApproved : workOrderMsg.extensionRefused) });
    } };
};
