import { invalid } from '../../../core/errors.js';
import type { Step } from './step.js';
import { reporterColumns } from '../confidential.js';
import { addWorkingDays, loadCalendar, resolveDays } from '../deadlines.js';
import { findCategory, urgencyOf } from '../queries.js';
import { URGENCIES } from '../state.js';
import { workOrderMsg } from '../messages.js';

export const accept: Step<'accept'> = async ({ ctx, order, now }, input) => {
  const set: Record<string, unknown> = { accepted_at: now };
  const urgency = input.urgency ?? urgencyOf(order);
  if (input.categoryId || input.demandType || input.urgency) {
    const category = await findCategory(ctx.handle.db, input.categoryId ?? order.category_id);
    if (!category?.active) throw invalid('categoryId', workOrderMsg.unknownCategory, 'unknown_category');
    const type = input.demandType ?? order.demand_type;
    const due = addWorkingDays(new Date(order.received_at), resolveDays(type, category, urgency), await loadCalendar(ctx.handle.db)).toISOString();
    set.category_id = category.id;
    set.demand_type = type;
    set.urgency = URGENCIES.indexOf(urgency);
    // Grading the urgency alone only ever shortens the time (a 12345 time limit already earlier stays).
    set.resolve_due = !input.categoryId && !input.demandType && order.resolve_due && order.resolve_due < due ? order.resolve_due : due;
  }
  // The caller asked for confidentiality on the phone: from now on the name is kept encrypted and shown to nobody.
  if (input.confidential && !order.confidential) Object.assign(set, reporterColumns(ctx.cipher, order.reporter_name, true));
  return {
    set,
    data: { categoryId: set.category_id, demandType: set.demand_type, ...(input.urgency ? { urgency } : {}), ...(set.confidential ? { confidential: true } : {}) },
  };
};
