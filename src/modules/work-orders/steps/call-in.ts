import { notFound, conflict } from '../../../core/errors.js';
import { findUnits } from '../../units/index.js';
import type { Step } from './step.js';
import { assigneeUsers, notify } from '../notify.js';
import { msg } from '../../../core/i18n.js';
import { workOrderMsg } from '../messages.js';

export const callIn: Step<'call_in'> = async ({ ctx, record, now }, input) => {
  const units = await findUnits(ctx.handle.db, input.unitIds);
  if (units.length !== new Set(input.unitIds).size) throw notFound('unit');
  const fresh = input.unitIds.filter((u) => !record.calledUnits.some((a) => a.unitId === u));
  if (!fresh.length) throw conflict('unitIds', workOrderMsg.alreadyCalled, 'already_called');
  return { data: { units: fresh }, reason: input.reason, after: async (trx, o) => {
    await trx.insertInto('work_order_units').values(fresh.map((unit_id) => ({ work_order_id: o.id, unit_id, called_at: now, reported_at: null, part: null }))).execute();
    for (const u of fresh) await notify(trx, await assigneeUsers(trx, 'unit', u), { kind: 'call_in', entityId: o.id, ...msg(workOrderMsg.calledIn, { title: o.title }) });
  } };
};

// A unit reports in once (the table's `unit_not_reported` guard); the update is conditional too, so a report never overwrites one.
