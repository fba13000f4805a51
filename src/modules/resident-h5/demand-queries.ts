import type { AppContext } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { maskPersonalText as masked } from '../../core/personal-data.js';
import { findCategories, findCategory } from '../demand-categories/index.js';
import { findPlace } from '../places/index.js';
import { findWorkOrder, listReporterOrders, orderPhotos, type WorkOrderRow } from '../work-orders/index.js';
import { WORK_ORDER_STEPS } from '../../../contracts/work-order-steps.js';
import { isReporterOf, type Resident } from './sessions.js';

/** The resident's own order, else 404: another phone's order looks exactly like a missing one. */
export async function ownOrder(ctx: AppContext, resident: Resident, id: string): Promise<WorkOrderRow> {
  const order = await findWorkOrder(ctx.handle.db, id);
  if (!order || !isReporterOf(resident, order)) throw notFound('work order');
  return order;
}

export async function listOwnDemands(ctx: AppContext, resident: Resident, page: { limit: number; offset: number }) {
  const { rows, total } = await listReporterOrders(ctx.handle.db, resident.phoneIndex, page);
  const names = new Map((await findCategories(ctx.handle.db, rows.map((r) => r.category_id))).map((c) => [c.id, c.name]));
  return {
    items: rows.map((r) => ({ id: r.id, trackingNo: r.tracking_no, title: masked(r.title), state: r.state, categoryName: names.get(r.category_id) ?? null, receivedAt: r.received_at, updatedAt: r.updated_at })),
    total,
  };
}

/** The steps a resident sees on their timeline; routing inside the offices (returns, call-ins, extensions, reveals) stays inside. */
const RESIDENT_STEPS: Record<string, string> = {
  file: 'filed', accept: 'accepted', dispatch: 'dispatched', take: 'taken', contact: 'contacted', resolve: 'resolved',
  follow_up: 'followed_up', rate: 'rated', answer: 'answered', reject: 'rejected', merge: 'merged',
};

/**
 * The order's timeline as the resident reads it: when, which step, the state after, and the result or rating; no staff,
 * no personal data, not even typed into a result, a reason or a comment (a neighbour's phone in a staff member's note).
 */
async function residentTimeline(ctx: AppContext, orderId: string) {
  const events = await ctx.handle.db.selectFrom('events').select(['at', 'action', 'to_state', 'reason'])
    .where('entity_type', '=', 'work_order').where('entity_id', '=', orderId).orderBy('id').execute();
  return events.filter((e) => RESIDENT_STEPS[e.action]).map((e) => {
    const to = (e.to_state ? JSON.parse(e.to_state) : {}) as { state?: string; result?: string; rating?: string; reopened?: boolean; supervised?: boolean };
    return {
      at: e.at, step: RESIDENT_STEPS[e.action]!, state: to.state ?? null,
      ...(to.result ? { result: masked(to.result) } : {}),
      ...(e.action === 'reject' && e.reason ? { reason: masked(e.reason) } : {}),
      ...(e.action === 'rate' ? { rating: to.rating ?? null, comment: e.reason === null ? null : masked(e.reason), reopened: Boolean(to.reopened), toStreet: Boolean(to.supervised) } : {}),
    };
  });
}

/** One of the resident's demands: its state, photos, timeline, and whether they may rate it now; typed numbers masked. */
export async function ownDemand(ctx: AppContext, resident: Resident, id: string) {
  const order = await ownOrder(ctx, resident, id);
  const { db } = ctx.handle;
  const [category, place, photos, timeline] = await Promise.all([
    findCategory(db, order.category_id),
    findPlace(db, order.place_id),
    orderPhotos(db, order.id),
    residentTimeline(ctx, order.id),
  ]);
  return {
    id: order.id, trackingNo: order.tracking_no, title: masked(order.title), description: masked(order.description), demandType: order.demand_type,
    category: { id: order.category_id, name: category?.name ?? null }, place: { id: order.place_id, name: place?.name ?? null },
    state: order.state, receivedAt: order.received_at, resolveDue: order.resolve_due, resolvedAt: order.resolved_at, closedAt: order.closed_at,
    result: order.result === null ? null : masked(order.result), rating: order.rating,
    ratingComment: order.rating_comment === null ? null : masked(order.rating_comment), reopenCount: order.reopen_count,
    canRate: (WORK_ORDER_STEPS.rate.from as readonly string[]).includes(order.state), version: order.version,
    photos: photos.map((p) => ({ id: p.id, stage: p.stage, url: `/api/work-orders/${order.id}/photos/${p.id}` })),
    timeline,
  };
}
