import { conflict } from '../../../core/errors.js';
import type { Step } from './step.js';
import { workOrderMsg } from '../messages.js';
import { textReporterResolved } from '../notify.js';

export const resolve: Step<'resolve'> = async ({ ctx, record, order, now }, input) => {
  if (record.calledUnits.some((u) => !u.reported)) throw conflict('units', workOrderMsg.unitsPending, 'units_pending');
  return {
    set: { resolved_at: now, first_contact_at: order.first_contact_at ?? now, result: input.result }, data: { result: input.result },
    afterCommit: (o) => textReporterResolved(ctx, o),
  };
};
