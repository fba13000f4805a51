import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ExpressionBuilder } from 'kysely';
import { z } from 'zod';
import { scopeRoots, inSubtrees } from '../../core/access/scope.js';
import { forbidden, notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import type { Database } from '../../core/schema.js';
import { revealPersonal } from '../../core/reveal.js';
import { ZId, ZReason } from '../../core/validation.js';
import { findPlace } from '../places/queries.js';
import { fileDemand } from './commands/file-demand.js';
import { availableActions, canSee, mayAct, transition } from './commands/transition.js';
import { findWorkOrder, toWorkOrder } from './queries.js';
import { ZFileDemand, ZStep, ZWorkOrderQuery } from './schema.js';
import { ACTIONS, OPEN_STATES } from './state.js';

const tags = ['work-orders'];

/** Orders my unit was called in on (吹哨报到); `pending`: only those it has not reported in on yet. */
function calledIn(eb: ExpressionBuilder<Database, 'work_orders'>, unitId: string, pending: boolean) {
  let sub = eb.selectFrom('work_order_units').select('work_order_units.unit_id')
    .whereRef('work_order_units.work_order_id', '=', 'work_orders.id').where('work_order_units.unit_id', '=', unitId);
  if (pending) sub = sub.where('work_order_units.reported_at', 'is', null);
  return eb.exists(sub);
}
const ZParams = z.object({ id: ZId });

export const workOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.post('/work-orders', { schema: { tags, summary: 'Staff enter a demand from a channel', body: ZFileDemand } }, async (req, reply) =>
    reply.status(201).send(await fileDemand(app.ctx, { staff: requireActor(req) }, req.body)),
  );

  app.get('/work-orders', { schema: { tags, summary: 'Inbox and filtered lists', querystring: ZWorkOrderQuery } }, async (req) => {
    const actor = requireActor(req);
    const f = req.query;
    let roots = scopeRoots(actor);
    if (f.placeId) {
      const place = await findPlace(db(), f.placeId);
      if (!place || !roots.some((r) => place.path.startsWith(r))) throw notFound('place');
      roots = [place.path];
    }
    const now = new Date().toISOString();
    let q = db().selectFrom('work_orders');
    if (f.mine === 'true') {
      // What waits on me: orders I (or my unit) must take or handle, and, for offices, what waits to be accepted, dispatched or followed up.
      const officeRoots = actor.bindings.filter((b) => ['district_admin', 'street_staff', 'community_worker'].includes(b.role)).map((b) => b.placePath);
      q = q.where((eb) => eb.or([
        eb.and([eb('assignee_kind', '=', 'user'), eb('assignee_id', '=', actor.userId), eb('state', 'in', ['dispatched', 'taken'])]),
        ...(actor.unitId ? [
          eb.and([eb('assignee_kind', '=', 'unit'), eb('assignee_id', '=', actor.unitId), eb('state', 'in', ['dispatched', 'taken'])]),
          // 吹哨报到: my unit was called in and has not reported in yet, while the order is open.
          eb.and([eb('state', 'in', OPEN_STATES), calledIn(eb, actor.unitId, true)]),
        ] : []),
        eb.and([inSubtrees(eb, 'place_path', officeRoots), eb('state', 'in', ['received', 'accepted', 'resolved'])]),
      ]));
    } else {
      q = q.where((eb) => eb.or([
        inSubtrees(eb, 'place_path', roots),
        ...(actor.unitId && !f.placeId ? [eb.and([eb('assignee_kind', '=', 'unit'), eb('assignee_id', '=', actor.unitId)]), calledIn(eb, actor.unitId, false)] : []),
      ]));
    }
    if (f.state) q = q.where('state', '=', f.state);
    if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.overdue === 'true') q = q.where('state', 'in', OPEN_STATES.filter((s) => s !== 'resolved' && s !== 'followed_up')).where('resolve_due', '<', now);
    if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${f.q}%`), eb('tracking_no', '=', f.q!), eb('external_no', '=', f.q!)]));
    const [rows, total] = await Promise.all([
      q.selectAll().orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => toWorkOrder(r)), total: Number(total.n) };
  });

  app.get('/work-orders/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    const order = await findWorkOrder(db(), req.params.id);
    if (!order || !(await canSee(app.ctx, actor, order))) throw notFound('work order');
    const [units, extensions, photos, actions, duplicates] = await Promise.all([
      db().selectFrom('work_order_units').innerJoin('units', 'units.id', 'work_order_units.unit_id')
        .select(['units.id', 'units.name', 'work_order_units.called_at as calledAt', 'work_order_units.reported_at as reportedAt', 'work_order_units.part'])
        .where('work_order_id', '=', order.id).execute(),
      db().selectFrom('extension_requests').select(['id', 'days', 'reason', 'state', 'created_at as createdAt']).where('work_order_id', '=', order.id).execute(),
      db().selectFrom('work_order_photos').select(['id', 'stage', 'mime', 'size']).where('work_order_id', '=', order.id).execute(),
      availableActions(app.ctx, actor, order),
      // The duplicates merged into this order, those the caller may open: number and title, nothing personal.
      // (index work_orders_merged_into)
      db().selectFrom('work_orders').selectAll().where('merged_into', '=', order.id).where('state', '=', 'merged').orderBy('received_at').orderBy('id').execute()
        .then(async (rows) => {
          const seen = await Promise.all(rows.map((r) => canSee(app.ctx, actor, r)));
          return rows.filter((_, i) => seen[i]).map((r) => ({ id: r.id, trackingNo: r.tracking_no, title: r.title }));
        }),
    ]);
    return { order: toWorkOrder(order), units, extensions, photos, actions, duplicates };
  });

  for (const action of ACTIONS) {
    app.post(`/work-orders/:id/${action.replace(/_/g, '-')}`, { schema: { tags, params: ZParams, body: ZStep[action] } }, async (req) =>
      transition(app.ctx, requireActor(req), req.params.id, action, req.body as { version: number }),
    );
  }

  app.post('/work-orders/:id/reveal', {
    schema: { tags, summary: 'Reveal the reporter’s phone or address to call them back (audited)', params: ZParams, body: z.object({ field: z.enum(['phone', 'address']), reason: ZReason }) },
  }, async (req) => {
    const actor = requireActor(req);
    const order = await findWorkOrder(db(), req.params.id);
    if (!order || !(await canSee(app.ctx, actor, order))) throw notFound('work order');
    // Those who must call the resident back: the office over the place and the current taker.
    if (!(await mayAct(app.ctx, actor, order, ['district_admin', 'street_staff', 'community_worker', 'assignee']))) throw forbidden();
    const value = await revealPersonal(db(), app.ctx.cipher, actor, {
      entityType: 'work_order', entityId: order.id, placeId: order.place_id, field: req.body.field,
      stored: req.body.field === 'phone' ? order.reporter_phone_enc : order.address_enc, reason: req.body.reason,
    });
    return { field: req.body.field, value };
  });
};
