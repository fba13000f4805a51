import { notFound, conflict } from '../../../core/errors.js';
import type { Step } from './step.js';
import { addWorkingDays, loadCalendar } from '../deadlines.js';
import { notify } from '../notify.js';

export const decideExtension: Step<'decide_extension'> = async ({ ctx, actor, order, now }, input) => {
  const req = await ctx.handle.db.selectFrom('extension_requests').selectAll().where('id', '=', input.requestId).where('work_order_id', '=', order.id).executeTakeFirst();
  if (!req) throw notFound('extension request');
  if (req.state !== 'pending') throw conflict('requestId', '该申请已处理', 'This request was already decided', 'already_decided');
  const due = input.approve ? addWorkingDays(new Date(order.resolve_due!), req.days, await loadCalendar(ctx.handle.db)).toISOString() : order.resolve_due;
  return { set: { resolve_due: due }, from: { resolveDue: order.resolve_due }, data: { requestId: req.id, approved: input.approve, resolveDue: due }, reason: input.reason ?? null,
    after: async (trx) => {
      const r = await trx.updateTable('extension_requests').set({ state: input.approve ? 'approved' : 'refused', decided_by: actor.userId, version: req.version + 1, updated_at: now })
        .where('id', '=', req.id).where('version', '=', req.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('requestId', '该申请已处理', 'This request was already decided', 'already_decided');
      await notify(trx, [req.requested_by], { kind: 'extension', entityId: order.id, zh: input.approve ? '延期已批准' : '延期未批准', en: input.approve ? 'Extension approved' : 'Extension refused' });
    } };
};
