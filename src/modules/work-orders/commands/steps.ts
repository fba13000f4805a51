import type { z } from 'zod';
import { isWithin } from '../../../core/access/scope.js';
import { invalid, notFound, conflict } from '../../../core/errors.js';
import { newId } from '../../../core/ids.js';
import { addWorkingDays, DEFAULT_DAYS, loadCalendar, resolveDays } from '../deadlines.js';
import { assigneeUsers, notify, streetStaffOver } from '../notify.js';
import { findCategory, findWorkOrder } from '../queries.js';
import type { ZStep } from '../schema.js';
import { MAX_REOPENS, OPEN_STATES, type Action } from '../state.js';
import type { StepContext, StepResult } from './transition.js';

type In<A extends Action> = z.infer<(typeof ZStep)[A]>;
type Step<A extends Action> = (s: StepContext, input: In<A>) => Promise<StepResult>;

const accept: Step<'accept'> = async ({ ctx, order, now }, input) => {
  const set: StepResult['set'] = { accepted_at: now };
  if (input.categoryId || input.demandType) {
    const category = await findCategory(ctx.handle.db, input.categoryId ?? order.category_id);
    if (!category?.active) throw invalid('categoryId', '诉求分类不存在或已停用', 'Unknown or inactive category', 'unknown_category');
    const type = input.demandType ?? order.demand_type;
    set.category_id = category.id;
    set.demand_type = type;
    set.resolve_due = addWorkingDays(new Date(order.received_at), resolveDays(type, Boolean(category.complex)), await loadCalendar(ctx.handle.db)).toISOString();
  }
  return { set, data: { categoryId: set.category_id, demandType: set.demand_type } };
};

const reject: Step<'reject'> = async ({ now }, input) => ({ set: { closed_at: now, result: input.reason }, reason: input.reason });

const answer: Step<'answer'> = async ({ order, now }, input) => {
  if (order.demand_type !== 'consultation') throw invalid('demandType', '只有咨询类诉求可直接答复办结', 'Only a consultation is answered at acceptance', 'not_consultation');
  return { set: { accepted_at: now, first_contact_at: now, resolved_at: now, closed_at: now, result: input.result }, data: { result: input.result } };
};

const dispatch: Step<'dispatch'> = async ({ ctx, actor, order, now }, input) => {
  const { db } = ctx.handle;
  const { kind, id } = input.assignee;
  if (kind === 'user') {
    const user = await db.selectFrom('role_bindings').innerJoin('places', 'places.id', 'role_bindings.place_id')
      .select(['places.path', 'role_bindings.role']).where('role_bindings.user_id', '=', id).execute();
    // A grid worker or community worker whose area holds the order's place.
    if (!user.some((b) => ['grid_worker', 'community_worker'].includes(b.role) && isWithin(order.place_path, b.path))) {
      throw invalid('assignee.id', '只能派给该地点所在网格或社区的工作人员', 'Dispatch to a grid or community worker over the order’s place', 'bad_assignee');
    }
  } else {
    const unit = await db.selectFrom('units').select(['place_path']).where('id', '=', id).executeTakeFirst();
    if (!unit || !actor.bindings.some((b) => isWithin(unit.place_path, b.placePath) || isWithin(b.placePath, unit.place_path))) throw notFound('unit');
  }
  const contactDue = addWorkingDays(new Date(now), DEFAULT_DAYS.contact, await loadCalendar(db)).toISOString();
  return {
    set: { assignee_kind: kind, assignee_id: id, dispatcher_id: actor.userId, contact_due: contactDue },
    from: { assignee: order.assignee_kind ? { kind: order.assignee_kind, id: order.assignee_id } : null },
    data: { assignee: { kind, id } },
    reason: input.note ?? null,
    after: async (trx, o) => notify(trx, await assigneeUsers(trx, kind, id), { kind: 'dispatched', entityId: o.id, zh: `新工单:${o.title}`, en: `New work order: ${o.title}` }),
  };
};

const take: Step<'take'> = async () => ({});

const giveBack: Step<'return'> = async ({ order }, input) => ({
  set: { assignee_kind: null, assignee_id: null },
  from: { assignee: { kind: order.assignee_kind, id: order.assignee_id } },
  reason: input.reason,
  after: (trx, o) => notify(trx, [order.dispatcher_id], { kind: 'returned', entityId: o.id, zh: `工单被退回:${o.title}`, en: `Work order returned: ${o.title}` }),
});

const contact: Step<'contact'> = async ({ order, now }, input) => ({ set: { first_contact_at: order.first_contact_at ?? now }, data: { note: input.note } });

const resolve: Step<'resolve'> = async ({ ctx, order, now }, input) => {
  const pending = await ctx.handle.db.selectFrom('work_order_units').select('unit_id').where('work_order_id', '=', order.id).where('reported_at', 'is', null).execute();
  if (pending.length) throw conflict('units', '还有被召集单位未报到,牵头单位暂不能办结', 'Called-in units have not all reported in', 'units_pending');
  return { set: { resolved_at: now, first_contact_at: order.first_contact_at ?? now, result: input.result }, data: { result: input.result } };
};

const followUp: Step<'follow_up'> = async (_s, input) => ({ data: { note: input.note } });

const rate: Step<'rate'> = async ({ ctx, order, now }, input) => {
  const base = { rating: input.rating, rating_comment: input.comment ?? null };
  // Whose work is rated, kept on the event: the ratings read model (ratings.ts) counts the rating for this assignee,
  // even when a second "not satisfied" takes the order away from them.
  const from = { assignee: order.assignee_kind ? { kind: order.assignee_kind, id: order.assignee_id } : null };
  if (input.rating !== 'not_satisfied') return { set: { ...base, closed_at: now }, from, data: { rating: input.rating }, reason: input.comment ?? null };
  const reopened = order.reopen_count + 1;
  if (reopened <= MAX_REOPENS) {
    // Reopened once: back to the same taker, who must take it again.
    return { to: 'dispatched', set: { ...base, reopen_count: reopened, resolved_at: null }, from, data: { rating: input.rating, reopened: true }, reason: input.comment ?? null,
      after: async (trx, o) => notify(trx, await assigneeUsers(trx, o.assignee_kind, o.assignee_id), { kind: 'reopened', entityId: o.id, zh: `居民不满意,工单重办:${o.title}`, en: `Resident not satisfied, reopened: ${o.title}` }) };
  }
  return { to: 'accepted', set: { ...base, reopen_count: reopened, resolved_at: null, supervised: 1, assignee_kind: null, assignee_id: null }, from,
    data: { rating: input.rating, supervised: true }, reason: input.comment ?? null,
    after: async (trx, o) => notify(trx, await streetStaffOver(trx, o.place_path), { kind: 'supervise', entityId: o.id, zh: `二次不满意,转街道督办:${o.title}`, en: `Twice not satisfied, to the street: ${o.title}` }) };
};

const supervise: Step<'supervise'> = async ({ order }, input) => ({
  set: { supervised: 1 }, data: { supervised: true }, reason: input.reason,
  after: async (trx, o) => notify(trx, [...await assigneeUsers(trx, o.assignee_kind, o.assignee_id), order.dispatcher_id], { kind: 'supervise', entityId: o.id, zh: `督办:${o.title}`, en: `Supervised: ${o.title}` }),
});

const callIn: Step<'call_in'> = async ({ ctx, order, now }, input) => {
  const units = await ctx.handle.db.selectFrom('units').select(['id', 'place_path']).where('id', 'in', input.unitIds).execute();
  if (units.length !== new Set(input.unitIds).size) throw notFound('unit');
  const already = await ctx.handle.db.selectFrom('work_order_units').select('unit_id').where('work_order_id', '=', order.id).execute();
  const fresh = input.unitIds.filter((u) => !already.some((a) => a.unit_id === u));
  if (!fresh.length) throw conflict('unitIds', '这些单位已被召集', 'These units are already called in', 'already_called');
  return { data: { units: fresh }, reason: input.reason, after: async (trx, o) => {
    await trx.insertInto('work_order_units').values(fresh.map((unit_id) => ({ work_order_id: o.id, unit_id, called_at: now, reported_at: null, part: null }))).execute();
    for (const u of fresh) await notify(trx, await assigneeUsers(trx, 'unit', u), { kind: 'call_in', entityId: o.id, zh: `吹哨报到:${o.title}`, en: `Called in: ${o.title}` });
  } };
};

// A unit reports in once (the table's `unit_not_reported` guard); the update is conditional too, so a report never overwrites one.
const reportIn: Step<'report_in'> = async ({ actor, order, now }, input) => ({
  data: { unitId: actor.unitId, note: input.note },
  after: async (trx) => {
    const r = await trx.updateTable('work_order_units').set({ reported_at: now, part: input.note })
      .where('work_order_id', '=', order.id).where('unit_id', '=', actor.unitId!).where('reported_at', 'is', null).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw conflict('unitId', '本单位已报到,不能重复报到', 'Your unit has already reported in on this order', 'already_reported');
  },
});

const requestExtension: Step<'request_extension'> = async ({ ctx, actor, order, now }, input) => {
  const pending = await ctx.handle.db.selectFrom('extension_requests').select('id').where('work_order_id', '=', order.id).where('state', '=', 'pending').executeTakeFirst();
  if (pending) throw conflict('days', '已有待审批的延期申请', 'An extension request is already pending', 'extension_pending');
  const cal = await loadCalendar(ctx.handle.db);
  const cap = addWorkingDays(new Date(order.received_at), DEFAULT_DAYS.complex, cal);
  if (addWorkingDays(new Date(order.resolve_due!), input.days, cal) > cap) {
    throw invalid('days', '延期后办理时限不得超过15个工作日', 'With the extension the order may take at most 15 working days', 'extension_too_long');
  }
  const id = newId();
  return { data: { requestId: id, days: input.days }, reason: input.reason, after: async (trx, o) => {
    await trx.insertInto('extension_requests').values({ id, work_order_id: o.id, days: input.days, reason: input.reason, state: 'pending', requested_by: actor.userId, decided_by: null, version: 1, created_at: now, updated_at: now }).execute();
    await notify(trx, [o.dispatcher_id], { kind: 'extension', entityId: o.id, zh: `延期申请:${o.title}`, en: `Extension requested: ${o.title}` });
  } };
};

const decideExtension: Step<'decide_extension'> = async ({ ctx, actor, order, now }, input) => {
  const req = await ctx.handle.db.selectFrom('extension_requests').selectAll().where('id', '=', input.requestId).where('work_order_id', '=', order.id).executeTakeFirst();
  if (!req) throw notFound('extension request');
  if (req.state !== 'pending') throw conflict('requestId', '该申请已处理', 'This request was already decided', 'already_decided');
  const due = input.approve ? addWorkingDays(new Date(order.resolve_due!), req.days, await loadCalendar(ctx.handle.db)).toISOString() : order.resolve_due;
  return { set: { resolve_due: due }, from: { resolveDue: order.resolve_due }, data: { requestId: req.id, approved: input.approve, resolveDue: due }, reason: input.reason ?? null,
    after: async (trx) => {
      const r = await trx.updateTable('extension_requests').set({ state: input.approve ? 'approved' : 'refused', decided_by: actor.userId, version: req.version + 1, updated_at: now })
        .where('id', '=', req.id).where('version', '=', req.version).executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw conflict('requestId', '该申请已处理', 'This request was already decided', 'already_decided');
      await notify(trx, [req.requested_by], { kind: 'extension', entityId: order.id, zh: input.approve ? '延期已批准' : '延期未批准', en: input.approve ? 'Extension approved' : 'Extension refused' });
    } };
};

const merge: Step<'merge'> = async ({ ctx, actor, order, now }, input) => {
  const into = await findWorkOrder(ctx.handle.db, input.intoId);
  if (!into || into.id === order.id || !actor.bindings.some((b) => isWithin(into.place_path, b.placePath))) throw notFound('work order');
  if (!OPEN_STATES.includes(into.state)) throw conflict('intoId', '只能合并到未办结的工单', 'Merge into an open order', 'target_closed');
  return { set: { merged_into: into.id, closed_at: now }, data: { mergedInto: into.id, trackingNo: into.tracking_no }, reason: input.reason ?? null };
};

export const STEPS: { [A in Action]: Step<A> } = {
  accept, reject, answer, dispatch, take, return: giveBack, contact, resolve, follow_up: followUp, rate, supervise,
  call_in: callIn, report_in: reportIn, request_extension: requestExtension, decide_extension: decideExtension, merge,
};
