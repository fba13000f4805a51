import type { AppContext } from '../../../core/context.js';
import { transition } from '../../../core/lifecycle/engine.js';
import type { Caller } from '../../../core/lifecycle/types.js';
import type { TStep, WorkOrderAction } from '../../../../contracts/work-order-steps.js';
import { workOrderLifecycle } from '../lifecycle.js';

/** Takes one step of an order for another module (the resident's rating on the phone pages): the engine's one command. */
export function takeWorkOrderStep<A extends WorkOrderAction>(ctx: AppContext, caller: Caller, id: string, action: A, input: TStep<A>) {
  return transition(workOrderLifecycle, ctx, caller, id, action, input as { version: number } & Record<string, unknown>);
}
