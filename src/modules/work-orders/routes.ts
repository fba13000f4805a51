import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { availableActions, whoHolds } from '../../core/lifecycle/engine.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { revealPersonal, revealTypedText } from '../../core/reveal.js';
import { ZId, ZReason } from '../../core/validation.js';
import { fileDemand } from './commands/file-demand.js';
import { listWorkOrders } from './commands/list-work-orders.js';
import { workOrderLifecycle as def } from './lifecycle.js';
import { findVisibleWorkOrder, workOrderDetail } from './detail.js';
import { exportWorkOrders } from './ledger.js';
import { TYPED_TEXTS } from './queries.js';
import { ZFileDemand, ZReveal, ZWorkOrderQuery } from './schema.js';

const tags = ['work-orders'];
const ZParams = z.object({ id: ZId });
/** Those who call the resident back may reveal the phone or address: the office over the place and the current taker. */
const REVEALERS = ['district_admin', 'street_staff', 'community_worker', 'assignee'] as const;
/** A confidential order's reporter (name and phone) only the office over it may reveal, never a unit or worker it went to. */
const OFFICE = ['district_admin', 'street_staff', 'community_worker'] as const;
/** What each revealable field is stored as. */
const STORED = { phone: 'reporter_phone_enc', address: 'address_enc', name: 'reporter_name_enc' } as const;

export const workOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.post('/work-orders', { schema: { tags, summary: 'Staff enter a demand from a channel', body: ZFileDemand } }, async (req, reply) =>
    reply.status(201).send(await fileDemand(app.ctx, { staff: requireActor(req) }, req.body)),
  );

  app.get('/work-orders', { schema: { tags, summary: 'Inbox and filtered lists', querystring: ZWorkOrderQuery } }, async (req) =>
    listWorkOrders(app.ctx, requireActor(req), req.query));

  app.get('/work-orders.xlsx', { schema: { tags, summary: 'The work-order ledger (.xlsx) of the list as filtered, personal data masked', querystring: ZWorkOrderQuery } },
    async (req, reply) => exportWorkOrders(app.ctx, requireActor(req), req.query, reply));

  app.get('/work-orders/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    const record = await findVisibleWorkOrder(app.ctx, actor, req.params.id);
    return { ...(await workOrderDetail(app.ctx, actor, record)), actions: availableActions(def, actor, record) };
  });

  await app.register(lifecycleRoutes(def, { base: '/work-orders', tags, caller: requireActor }));

  app.post('/work-orders/:id/reveal', {
    schema: { tags, summary: 'Reveal the reporter’s phone, name or address, or the phone and ID numbers typed into a text or a timeline entry (audited)', params: ZParams, body: ZReveal },
    config: { noStore: true },
  }, async (req) => {
    const actor = requireActor(req);
    const record = await findVisibleWorkOrder(app.ctx, actor, req.params.id);
    const order = record.row;
    const body = req.body;
    // What a confidential caller typed may name them as their phone does: then only the office reveals it too.
    const hidden = order.confidential && body.field !== 'address';
    if (!(hidden ? OFFICE : REVEALERS).some((w) => whoHolds(def, w, actor, record))) throw forbidden();
    const of = { entityType: 'work_order', entityId: order.id, placeId: order.place_id, field: body.field, reason: body.reason };
    if (body.field === 'eventText' && body.eventId !== undefined) {
      const event = await db().selectFrom('events').select(['id', 'at', 'reason', 'from_state', 'to_state'])
        .where('entity_type', '=', 'work_order').where('entity_id', '=', order.id).where('id', '=', body.eventId).executeTakeFirst();
      const text = event && { reason: event.reason, from: event.from_state ? JSON.parse(event.from_state) : null, to: event.to_state ? JSON.parse(event.to_state) : null };
      const value = await revealTypedText(db(), actor, { ...of, text, detail: { eventId: body.eventId, eventAt: event?.at } });
      return { field: body.field, eventId: body.eventId, value };
    }
    if (body.field in TYPED_TEXTS) {
      const text = order[TYPED_TEXTS[body.field as keyof typeof TYPED_TEXTS]];
      return { field: body.field, value: await revealTypedText(db(), actor, { ...of, text }) };
    }
    const field = body.field as keyof typeof STORED;
    const value = await revealPersonal(db(), app.ctx.cipher, actor, { ...of, field, stored: order[STORED[field]] });
    return { field, value };
  });
};
