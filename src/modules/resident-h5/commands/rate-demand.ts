import type { z } from 'zod';
import type { AppContext } from '../../../core/context.js';
import { transition } from '../../work-orders/commands/transition.js';
import type { ZStep } from '../../work-orders/schema.js';
import { residentCaller, type Resident } from '../sessions.js';

export type TRateDemand = z.infer<(typeof ZStep)['rate']>;

/** The resident confirms and rates their resolved demand; "not satisfied" reopens it once, then sends it to the street. */
export async function rateDemand(ctx: AppContext, resident: Resident, id: string, input: TRateDemand): Promise<void> {
  await transition(ctx, residentCaller(resident), id, 'rate', input);
}
