import { conflict } from '../../../core/errors.js';
import type { Step } from './step.js';

export const resolve: Step<'resolve'> = async ({ record, order, now }, input) => {
  if (record.calledUnits.some((u) => !u.reported)) throw conflict('units', '还有被召集单位未报到,牵头单位暂不能办结', 'Called-in units have not all reported in', 'units_pending');
  return { set: { resolved_at: now, first_contact_at: order.first_contact_at ?? now, result: input.result }, data: { result: input.result } };
};
