import { type RawBuilder, sql } from 'kysely';
import { dialectOf, type DbOrTrx } from '../../core/db.js';
import type { LifecycleRecord } from '../../core/lifecycle/types.js';
import { unitNames } from '../units/index.js';
import { peopleColumns, type PeopleColumns } from './names.js';
import type { WorkOrderRow } from './queries.js';

/** A work order with what its checks and its detail need: the units called in (and whether each reported in) and its extension requests. */
export interface WorkOrderRecord extends LifecycleRecord {
  /** The order's row, with its holder's and dispatcher's names when loaded for a page. */
  row: WorkOrderRow & PeopleColumns;
  calledUnits: { unitId: string; reported: boolean }[];
  /** The units called in, as the detail page lists them. */
  units: CalledUnit[];
  extensions: ExtensionSummary[];
  pendingExtensionId: string | null;
}

export interface CalledUnit {
  id: string;
  name: string;
  calledAt: string;
  reportedAt: string | null;
  part: string | null;
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
  // The called-in units with their names (the units module's subquery), oldest call first.
  const unitList: RawBuilder<CalledUnit[] | string | null> = pg
    ? sql<CalledUnit[] | null>`(select json_agg(json_build_object('id', u.unit_id, 'name', n.name, 'calledAt', u.called_at, 'reportedAt', u.reported_at, 'part', u.part) order by u.called_at, u.unit_id) from work_order_units u join ${unitNames(db)} n on n.id = u.unit_id where u.work_order_id = work_orders.id)`
    : sql<string | null>`(select json_group_array(json_object('id', u.unit_id, 'name', n.name, 'calledAt', u.called_at, 'reportedAt', u.reported_at, 'part', u.part)) from (select * from work_order_units where work_order_id = work_orders.id order by called_at, unit_id) u join ${unitNames(db)} n on n.id = u.unit_id)`;
  const extensions: RawBuilder<ExtensionSummary[] | string | null> = pg
    ? sql<ExtensionSummary[] | null>`(select json_agg(json_build_object('id', e.id, 'days', e.days, 'reason', e.reason, 'state', e.state, 'createdAt', e.created_at) order by e.created_at, e.id) from extension_requests e where e.work_order_id = work_orders.id)`
    : sql<string | null>`(select json_group_array(json_object('id', e.id, 'days', e.days, 'reason', e.reason, 'state', e.state, 'createdAt', e.created_at)) from (select * from extension_requests where work_order_id = work_orders.id order by created_at, id) e)`;
  const row = await db.selectFrom('work_orders').selectAll('work_orders')
    .select(unitList.as('unit_list')).select(extensions.as('extension_list')).select(peopleColumns(db))
    .where('work_orders.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const { unit_list, extension_list, ...order } = row;
  const parsed = <T>(v: T[] | string | null): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));
  return toRecord(order as WorkOrderRow, parsed(unit_list), parsed(extension_list));
}

export function toRecord(row: WorkOrderRow, units: CalledUnit[] = [], extensions: ExtensionSummary[] = []): WorkOrderRecord {
  return {
    id: row.id, version: row.version, placeId: row.place_id, placePath: row.place_path, state: row.state, row, extensions, units,
    pendingExtensionId: extensions.find((e) => e.state === 'pending')?.id ?? null,
    calledUnits: units.map((u) => ({ unitId: u.id, reported: u.reportedAt !== null })),
  };
}
