import { z } from 'zod';
import type { AppContext } from '../../core/context.js';
import type { LifecycleDef, LifecycleRecord } from '../../core/lifecycle/types.js';
import { ZVersion } from '../../core/validation.js';
import { OFFICE_ROLES } from '../../../contracts/roles.js';
import { EXTENSION_STATES, type ExtensionState } from '../../../contracts/work-orders.js';
import { workOrderLifecycle } from './lifecycle.js';
import { loadWorkOrderRecord, type WorkOrderRecord } from './record.js';
import { workOrderMsg } from './messages.js';

/** An extension request with the order it extends: the order's place is its place, and seeing the order is seeing it. */
export interface ExtensionRecord extends LifecycleRecord {
  days: number;
  requestedBy: string;
  order: WorkOrderRecord;
}

export async function loadExtensionRecord(ctx: AppContext, id: string): Promise<ExtensionRecord | undefined> {
  const row = await ctx.handle.db.selectFrom('extension_requests').selectAll().where('id', '=', id).executeTakeFirst();
  const order = row && (await loadWorkOrderRecord(ctx.handle.db, row.work_order_id));
  if (!row || !order) return undefined;
  return { id: row.id, version: row.version, state: row.state, placeId: order.placeId, placePath: order.placePath, days: row.days, requestedBy: row.requested_by, order };
}

const ZDecide = z.object({ version: ZVersion });

/**
 * An extension request's own state table: pending until the office over the order decides it, once. The order's
 * decide-extension step takes it inside its own transaction (engine applyStep), so the two never disagree.
 */
export const extensionLifecycle: LifecycleDef<ExtensionRecord, 'approve' | 'refuse', never, ExtensionState> = {
  entityType: 'extension_request',
  table: 'extension_requests',
  states: EXTENSION_STATES,
  relations: {},
  steps: {
    approve: { from: ['pending'], to: 'approved', who: OFFICE_ROLES, input: ZDecide, event: 'approve', awaited: true },
    refuse: { from: ['pending'], to: 'refused', who: OFFICE_ROLES, input: ZDecide, event: 'refuse', awaited: true },
  },
  load: loadExtensionRecord,
  visible: (caller, r) => workOrderLifecycle.visible(caller, r.order),
  view: (_ctx, row) => row,
  labels: {
    steps: { approve: workOrderMsg.stepApprove, refuse: workOrderMsg.stepRefuse },
    states: { pending: workOrderMsg.statePending, approved: workOrderMsg.stateApproved, refused: workOrderMsg.stateRefused },
  },
};
