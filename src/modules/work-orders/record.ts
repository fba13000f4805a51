import { sql } from 'kysely';
import { dialectOf, type DbOrTrx } from '../../core/db.js';
import type { LifecycleRecord } from '../../core/lifecycle/types.js';
import type { WorkOrderRow } from './queries.js';

/** A work order with what its checks need: the units called in (and whether each reported in) and a pending extension request. */
export interface WorkOrderRecord extends LifecycleRecord {
  row: WorkOrderRow;
  calledUnits: { unitId: string; reported: boolean }[];
  pendingExtensionId: string | null;
}

/** Reads an order and its relations in one statement (the step and detail query budgets count on it). */
export async function loadWorkOrderRecord(db: DbOrTrx, id: string): Promise<WorkOrderRecord | undefined> {
  const units = dialectOf(db) === 'postgres'
    ? sql<string | null>`(select string_agg(u.unit_id || ':' || (case when u.reported_at is null then '0' else '1' end), ',') from work_order_units u where u.work_order_id = work_orders.id)`
    : sql<string | null>`(select group_concat(u.unit_id || ':' || (case when u.reported_at is null then '0' else '1' end), ',') from work_order_units u where u.work_order_id = work_orders.id)`;
  const row = await db.selectFrom('work_orders').selectAll('work_orders')
    .select(units.as('called_units'))
    .select((eb) => eb.selectFrom('extension_requests').select('extension_requests.id')
      .whereRef('extension_requests.work_order_id', '=', 'work_orders.id').where('extension_requests.state', '=', 'pending').limit(1).as('pending_extension_id'))
    .where('work_orders.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { called_units, pending_extension_id, ...order } = row;
  return toRecord(order as WorkOrderRow, called_units, pending_extension_id ?? null);
}

export function toRecord(row: WorkOrderRow, calledUnits: string | null = null, pendingExtensionId: string | null = null): WorkOrderRecord {
  return {
    id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row, pendingExtensionId,
    calledUnits: (calledUnits ? calledUnits.split(',') : []).map((u) => ({ unitId: u.slice(0, -2), reported: u.endsWith(':1') })),
  };
}
