import { invalid } from '../../../core/errors.js';
import type { Step } from './step.js';
import { addWorkingDays, loadCalendar, resolveDays } from '../deadlines.js';
import { findCategory } from '../queries.js';
import { workOrderMsg } from '../messages.js';

export const accept: Step<'accept'> = async ({ ctx, order, now }, input) => {
  const set: Record<string, unknown> = { accepted_at: now };
  if (input.categoryId || input.demandType) {
    const category = await findCategory(ctx.handle.db, input.categoryId ?? order.category_id);
    if (!category?.active) throw invalid('categoryId', workOrderMsg.unknownCategory, 'unknown_category');
    const type = input.demandType ?? order.demand_type;
    set.category_id = category.id;
    set.demand_type = type;
    set.resolve_due = addWorkingDays(new Date(order.received_at), resolveDays(type, Boolean(category.complex)), await loadCalendar(ctx.handle.db)).toISOString();
  }
  return { set, data: { categoryId: set.category_id, demandType: set.demand_type } };
};
