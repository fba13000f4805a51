import { isInScope } from '../../../core/access/scope.js';
import { notFound, conflict } from '../../../core/errors.js';
import type { Step } from './step.js';
import { OPEN_STATES } from '../state.js';
import { findWorkOrder } from '../queries.js';
import { workOrderMsg } from '../messages.js';

export const merge: Step<'merge'> = async ({ ctx, actor, order, now }, input) => {
  const into = await findWorkOrder(ctx.handle.db, input.intoId);
  if (!into || into.id === order.id || !isInScope(actor, into.place_path)) throw notFound('work order');
  if (!OPEN_STATES.includes(into.state)) throw conflict('intoId', workOrderMsg.targetClosed, 'target_closed');
  return { set: { merged_into: into.id, closed_at: now }, data: { mergedInto: into.id, trackingNo: into.tracking_no }, reason: input.reason ?? null };
};
