import { conflict } from '../../../core/errors.js';
import type { Step } from './step.js';
import { workOrderMsg } from '../messages.js';

export const reportIn: Step<'report_in'> = async ({ actor, order, now }, input) => ({
  data: { unitId: actor.unitId, note: input.note },
  after: async (trx) => {
    const r = await trx.updateTable('work_order_units').set({ reported_at: now, part: input.note })
      .where('work_order_id', '=', order.id).where('unit_id', '=', actor.unitId!).where('reported_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('unitId', workOrderMsg.alreadyReported, 'already_reported');
  },
});
