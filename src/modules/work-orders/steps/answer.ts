import { invalid } from '../../../core/errors.js';
import type { Step } from './step.js';
import { workOrderMsg } from '../messages.js';

export const answer: Step<'answer'> = async ({ order, now }, input) => {
  if (order.demand_type !== 'consultation') throw invalid('demandType', workOrderMsg.notConsultation, 'not_consultation');
  return { set: { accepted_at: now, first_contact_at: now, resolved_at: now, closed_at: now, result: input.result }, data: { result: input.result } };
};
