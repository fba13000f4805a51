import type { Actor } from '../../../core/access/actor.js';
import { isWithin } from '../../../core/access/scope.js';
import type { AppContext } from '../../../core/context.js';
import type { Trx } from '../../../core/db.js';
import { conflict, forbidden, notFound, staleVersion } from '../../../core/errors.js';
import { appendEvent, type EventActor } from '../../../core/events.js';
import { nowIso } from '../../../core/ids.js';
import { findWorkOrder, toWorkOrder, type WorkOrderRow } from '../queries.js';
import { allowedFrom, TRANSITIONS, type Action, type Actor as Who, type Guard, type Transition, type WorkOrderState } from '../state.js';
import { STEPS } from './steps.js';

/** What a step changes: the row, the event's from/to beyond the state, its reason, and work in the same transaction. */
export interface StepResult {
  set?: Partial<WorkOrderRow>;
  to?: WorkOrderState;
  from?: Record<string, unknown>;
  data?: Record<string, unknown>;
  reason?: string | null;
  after?: (trx: Trx, order: WorkOrderRow) => Promise<void>;
}

export interface StepContext {
  ctx: AppContext;
  actor: Actor;
  order: WorkOrderRow;
  now: string;
}

async function calledUnits(ctx: AppContext, orderId: string): Promise<string[]> {
  return (await ctx.handle.db.selectFrom('work_order_units').select('unit_id').where('work_order_id', '=', orderId).execute()).map((u) => u.unit_id);
}

/** A resident signed in on the H5 page: no staff account, known by the blind index of their phone. */
export interface ResidentCaller extends EventActor {
  userId: null;
  phoneIndex: string;
}
export type Caller = Actor | ResidentCaller;
const isResident = (c: Caller): c is ResidentCaller => 'phoneIndex' in c;
/** The 'reporter': the resident who filed the order with the same phone. */
const isReporter = (c: ResidentCaller, o: WorkOrderRow) => !!o.reporter_phone_index && o.reporter_phone_index === c.phoneIndex;

const isAssignee = (actor: Actor, o: WorkOrderRow) =>
  (o.assignee_kind === 'user' && o.assignee_id === actor.userId) || (o.assignee_kind === 'unit' && !!actor.unitId && o.assignee_id === actor.unitId);

/** Sees the order: inside the caller's subtree, its assignee, or a unit called in on it. */
export async function canSee(ctx: AppContext, actor: Caller, o: WorkOrderRow): Promise<boolean> {
  if (isResident(actor)) return isReporter(actor, o);
  if (actor.bindings.some((b) => isWithin(o.place_path, b.placePath)) || isAssignee(actor, o)) return true;
  return !!actor.unitId && (await calledUnits(ctx, o.id)).includes(actor.unitId);
}

export async function mayAct(ctx: AppContext, actor: Caller, o: WorkOrderRow, who: readonly Who[]): Promise<boolean> {
  if (isResident(actor)) return who.includes('reporter') && isReporter(actor, o);
  for (const w of who) {
    if (w === 'assignee' && isAssignee(actor, o)) return true;
    if (w === 'partner_contact' && actor.unitId && (await calledUnits(ctx, o.id)).includes(actor.unitId)) return true;
    if (actor.bindings.some((b) => b.role === w && isWithin(o.place_path, b.placePath))) return true;
  }
  return false;
}

async function hasPendingExtension(ctx: AppContext, orderId: string): Promise<boolean> {
  const row = await ctx.handle.db.selectFrom('extension_requests').select('id').where('work_order_id', '=', orderId).where('state', '=', 'pending').executeTakeFirst();
  return Boolean(row);
}

async function unitNotReported(ctx: AppContext, actor: Caller, orderId: string): Promise<boolean> {
  if (isResident(actor) || !actor.unitId) return false;
  const row = await ctx.handle.db.selectFrom('work_order_units').select('unit_id')
    .where('work_order_id', '=', orderId).where('unit_id', '=', actor.unitId).where('reported_at', 'is', null).executeTakeFirst();
  return Boolean(row);
}

/** The table's guards (state.ts): whether each holds now, and the 409 when it does not. */
const GUARDS: Record<Guard, { holds: (ctx: AppContext, actor: Caller, o: WorkOrderRow) => Promise<boolean>; refuse: () => Error }> = {
  unit_not_reported: {
    holds: (ctx, actor, o) => unitNotReported(ctx, actor, o.id),
    refuse: () => conflict('unitId', '本单位已报到,不能重复报到', 'Your unit has already reported in on this order', 'already_reported'),
  },
  extension_pending: {
    holds: (ctx, _actor, o) => hasPendingExtension(ctx, o.id),
    refuse: () => conflict('requestId', '没有待审批的延期申请', 'No extension request is pending', 'already_decided'),
  },
};

async function guardHolds(ctx: AppContext, actor: Caller, o: WorkOrderRow, action: Action): Promise<boolean> {
  const guard = (TRANSITIONS[action] as Transition).guard;
  return !guard || GUARDS[guard].holds(ctx, actor, o);
}

/** The steps this caller may take on this order now: what the UI shows as buttons. */
export async function availableActions(ctx: AppContext, actor: Caller, o: WorkOrderRow): Promise<Action[]> {
  const out: Action[] = [];
  for (const [action, t] of Object.entries(TRANSITIONS) as [Action, (typeof TRANSITIONS)[Action]][]) {
    if (!allowedFrom(action, o.state) || !(await mayAct(ctx, actor, o, t.who))) continue;
    // Offered only when its guard holds: something to decide, a report not yet made.
    if (!(await guardHolds(ctx, actor, o, action))) continue;
    out.push(action);
  }
  return out;
}

/** Scope (404), role (403), state (409); then one transaction: re-check version and state, change, append the event. */
export async function transition(ctx: AppContext, actor: Caller, id: string, action: Action, input: { version: number } & Record<string, unknown>) {
  const { db } = ctx.handle;
  const order = await findWorkOrder(db, id);
  if (!order || !(await canSee(ctx, actor, order))) throw notFound('work order');
  const t = TRANSITIONS[action];
  if (!(await mayAct(ctx, actor, order, t.who))) throw forbidden();
  if (!allowedFrom(action, order.state)) {
    throw conflict('state', `当前状态(${order.state})不能执行此操作`, `Cannot ${action} an order that is ${order.state}`, 'illegal_transition');
  }
  const guard = (t as Transition).guard;
  if (guard && !(await GUARDS[guard].holds(ctx, actor, order))) throw GUARDS[guard].refuse();
  if (input.version !== order.version) throw staleVersion();
  const now = nowIso();
  // A resident passes mayAct only for steps whose `who` lists 'reporter' (rate), which read no staff fields.
  const step: StepResult = await (STEPS[action] as (s: StepContext, input: unknown) => Promise<StepResult>)({ ctx, actor: actor as Actor, order, now }, input);
  const next = step.to ?? t.to ?? order.state;
  return db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('work_orders')
      .set({ ...step.set, state: next, version: order.version + 1, updated_at: now })
      .where('id', '=', id).where('version', '=', order.version).where('state', '=', order.state)
      .returningAll().executeTakeFirst();
    if (!updated) throw staleVersion();
    await appendEvent(trx, actor, {
      entityType: 'work_order', entityId: id, placeId: order.place_id, action: t.event,
      from: { state: order.state, ...step.from }, to: { state: next, ...step.data }, reason: step.reason ?? null,
    }, now);
    await step.after?.(trx, updated);
    return toWorkOrder(updated);
  });
}
