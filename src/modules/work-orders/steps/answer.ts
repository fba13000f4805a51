import { invalid } from '../../../core/errors.js';
import type { Step } from './step.js';

export const answer: Step<'answer'> = async ({ order, now }, input) => {
  if (order.demand_type !== 'consultation') throw invalid('demandType', '只有咨询类诉求可直接答复办结', 'Only a consultation is answered at acceptance', 'not_consultation');
  return { set: { accepted_at: now, first_contact_at: now, resolved_at: now, closed_at: now, result: input.result }, data: { result: input.result } };
};
