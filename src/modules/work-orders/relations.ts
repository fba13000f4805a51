import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from '../../core/access/actor.js';
import { bindingsOver } from '../../core/access/scope.js';
import { conflict } from '../../core/errors.js';
import { type Caller, isResidentCaller, isStaffCaller, type Guard, type Relation } from '../../core/lifecycle/types.js';
import type { WorkOrderRelation } from '../../../contracts/work-order-steps.js';
import { officeOf, type WorkOrderRow } from './queries.js';
import type { WorkOrderRecord } from './record.js';
import { workOrderMsg } from './messages.js';

const never = sql<SqlBool>`1 = 0`;
const staff = (c: Caller): c is Actor => isStaffCaller(c);

export const isAssignee = (c: Caller, o: WorkOrderRow) => staff(c) &&
  ((o.assignee_kind === 'user' && o.assignee_id === c.userId) || (o.assignee_kind === 'unit' && !!c.unitId && o.assignee_id === c.unitId));

export function assigneeWhere(eb: ExpressionBuilder<any, any>, c: Caller): Expression<SqlBool> {
  if (!staff(c)) return never;
  return eb.or([
    eb.and([eb('work_orders.assignee_kind', '=', 'user'), eb('work_orders.assignee_id', '=', c.userId)]),
    ...(c.unitId ? [eb.and([eb('work_orders.assignee_kind', '=', 'unit'), eb('work_orders.assignee_id', '=', c.unitId)])] : []),
  ]);
}

/** Orders the caller's unit was called in on (吹哨报到); `pending`: only those it has not reported in on yet. */
export function calledInWhere(eb: ExpressionBuilder<any, any>, c: Caller, pending = false): Expression<SqlBool> {
  if (!staff(c) || !c.unitId) return never;
  let sub = eb.selectFrom('work_order_units').select('work_order_units.unit_id')
    .whereRef('work_order_units.work_order_id', '=', 'work_orders.id').where('work_order_units.unit_id', '=', c.unitId);
  if (pending) sub = sub.where('work_order_units.reported_at', 'is', null);
  return eb.exists(sub);
}

export const isCalledIn = (c: Caller, r: WorkOrderRecord) => staff(c) && !!c.unitId && r.calledUnits.some((u) => u.unitId === c.unitId);

/** The grid worker who filed this patrol report, still a grid worker over its place: he may handle it on the spot. */
export const isPatrolFiler = (c: Caller, o: WorkOrderRow) => staff(c) && o.channel === 'grid_patrol' && o.filed_by === c.userId &&
  bindingsOver(c, o.place_path, ['grid_worker']).length > 0;

export const RELATIONS: Record<WorkOrderRelation, Relation<WorkOrderRecord>> = {
  assignee: { roles: ['grid_worker', 'community_worker', 'partner_contact'], holds: (c, r) => isAssignee(c, r.row), where: assigneeWhere },
  reporter: {
    roles: [],
    holds: (c, r) => isResidentCaller(c) && !!r.row.reporter_phone_index && r.row.reporter_phone_index === c.phoneIndex,
    where: (eb, c) => (isResidentCaller(c) ? eb('work_orders.reporter_phone_index', '=', c.phoneIndex) : never),
  },
  called_in_unit: { roles: ['partner_contact'], holds: isCalledIn, where: (eb, c) => calledInWhere(eb, c) },
  patrol_filer: { roles: ['grid_worker'], holds: (c, r) => isPatrolFiler(c, r.row) },
};

/**
 * An order is unplaced while it lies above every community (it waits on an API key's street or district, office_id the
 * key's place): no office lies on its path (officeOf). The SQL form counts the same three ids.
 */
export const isUnplaced = (o: Pick<WorkOrderRow, 'place_path'>) => officeOf(o.place_path) === undefined;
export const unplacedWhere = sql<SqlBool>`length(work_orders.place_path) - length(replace(work_orders.place_path, '/', '')) < 4`;

export const GUARDS: Record<'unit_not_reported' | 'extension_pending' | 'placed' | 'unplaced', Guard<WorkOrderRecord>> = {
  placed: {
    holds: (_c, r) => !isUnplaced(r.row),
    where: (eb) => eb.not(unplacedWhere),
    refuse: () => conflict('placeId', workOrderMsg.placeFirst, 'unplaced'),
  },
  unplaced: {
    holds: (_c, r) => isUnplaced(r.row),
    where: () => unplacedWhere,
    refuse: () => conflict('placeId', workOrderMsg.alreadyPlaced, 'already_placed'),
  },
  // A unit reports in once.
  unit_not_reported: {
    holds: (c, r) => staff(c) && !!c.unitId && r.calledUnits.some((u) => u.unitId === c.unitId && !u.reported),
    where: (eb, c) => calledInWhere(eb, c, true),
    refuse: () => conflict('unitId', workOrderMsg.alreadyReported, 'already_reported'),
  },
  extension_pending: {
    holds: (_c, r) => r.pendingExtensionId !== null,
    where: (eb) => eb.exists(eb.selectFrom('extension_requests').select('extension_requests.id')
      .whereRef('extension_requests.work_order_id', '=', 'work_orders.id').where('extension_requests.state', '=', 'pending')),
    refuse: () => conflict('requestId', workOrderMsg.noPendingExtension, 'already_decided'),
  },
};
