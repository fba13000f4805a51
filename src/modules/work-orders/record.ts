import { type RawBuilder, sql } from 'kysely';
import { dialectOf, type DbOrTrx } from '../../core/db.js';
import type { LifecycleRecord } from '../../core/lifecycle/types.js';
import type { WorkOrderRow } from './queries.js';

/** A work order with what its checks and its detail need: the units called in (and whether each reported in) and its extension requests. */
export interface WorkOrderRecord extends LifecycleRecord {
  row: WorkOrderRow;
  calledUnits: { unitId: string; reported: boolean }[];
  extensions: ExtensionSummary[];
  pendingExtensionId: string | null;
}

export interface ExtensionSummary {
  id: string;
  days: number;
  reason: string;
  state: 'pending' | 'approved' | 'refused';
  createdAt: string;
}

/** Reads an order and its relations in one statement (the step and detail query budgets count on it: src/test/query-budgets.test.ts). */
export async function loadWorkOrderRecord(db: DbOrTrx, id: string): Promise<WorkOrderRecord | undefined> {
  const pg = dialectOf(db) === 'postgres';
  const units = pg
    ? sql<string | null>`(select string_agg(u.unit_id || ':' || (case when u.reported_at is null then '0' else '1' end), ',') from work_order_units u where u.work_order_id = work_orders.id)`
    : sql<string | null>`(select group_concat(u.unit_id || ':' || (case when u.reported_at is null then '0' else '1' end), ',') from work_order_units u where u.work_order_id = work_orders.id)`;
  const extensions: RawBuilder<ExtensionSummary[] | string | null> = pg
    ? sql<ExtensionSummary[] | null>`(select json_agg(json_build_object('id', e.id, 'days', e.days, 'reason', e.reason, 'state', e.state, 'createdAt', e.created_at) order by e.created_at, e.id) from extension_requests e where e.work_order_id = work_orders.id)`
    : sql<string | null>`(select json_group_array(json_object('id', e.id, 'days', e.days, 'reason', e.reason, 'state', e.state, 'createdAt', e.created_at)) from (select * from extension_requests where work_order_id = work_orders.id order by created_at, id) e)`;
  const row = await db.selectFrom('work_orders').selectAll('work_orders')
    .select(units.as('called_units')).select(extensions.as('extension_list'))
    .where('work_orders.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { called_units, extension_list, ...order } = row;
  const list = typeof extension_list === 'string' ? (JSON.parse(extension_list) as ExtensionSummary[]) : (extension_list ?? []);
  return toRecord(order as WorkOrderRow, called_units, list);
}

export function toRecord(row: WorkOrderRow, calledUnits: string | null = null, extensions: ExtensionSummary[] = []): WorkOrderRecord {
  return {
    id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row, extensions,
    pendingExtensionId: extensions.find((e) => e.state === 'pending')?.id ?? null,
    calledUnits: (calledUnits ? calledUnits.split(',') : []).map((u) => ({ unitId: u.slice(0, -2), reported: u.endsWith(':1') })),
  };
}
