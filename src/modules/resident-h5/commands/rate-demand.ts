import type { AppContext } from '../../../core/context.js';
import type { TStep } from '../../../../contracts/work-order-steps.js';
import { takeWorkOrderStep } from '../../work-orders/index.js';
import { residentCaller, type Resident } from '../sessions.js';

export type TRateDemand = TStep<'rate'>;

/** The resident confirms and rates their resolved demand; "not satisfied" reopens it once, then sends it to the street. */
export async function rateDemand(ctx: AppContext, resident: Resident, id: string, input: TRateDemand): Promise<void> {
  await takeWorkOrderStep(ctx, residentCaller(resident), id, 'rate', input);
}
