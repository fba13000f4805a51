import type { StepContext, StepResult } from '../../../core/lifecycle/types.js';
import type { TStep, WorkOrderAction } from '../../../../contracts/work-order-steps.js';
import type { WorkOrderRow } from '../queries.js';
import type { WorkOrderRecord } from '../record.js';

/** A step's own work (one file each): checks beyond the table, what the row and the event get, and work in the transaction. */
export type Step<A extends WorkOrderAction> = (
  s: StepContext<WorkOrderRecord> & { order: WorkOrderRow },
  input: TStep<A>,
) => Promise<StepResult<WorkOrderRow>>;
