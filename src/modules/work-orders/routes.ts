import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { availableActions, whoHolds } from '../../core/lifecycle/engine.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { revealPersonal } from '../../core/reveal.js';
import { ZId, ZReason } from '../../core/validation.js';
import { fileDemand } from './commands/file-demand.js';
import { listWorkOrders } from './commands/list-work-orders.js';
import { workOrderLifecycle as def } from './lifecycle.js';
import { findVisibleWorkOrder, workOrderDetail } from './detail.js';
import { exportWorkOrders } from './ledger.js';
import { ZFileDemand, ZWorkOrderQuery } from './schema.js';

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
    schema: { tags, summary: 'Reveal the reporter’s phone or address to call them back (audited)', params: ZParams, body: z.object({ field: z.enum(['phone', 'address', 'name']), reason: ZReason }) },
    config: { noStore: true },
  }, async (req) => {
    const actor = requireActor(req);
    const record = await findVisibleWorkOrder(app.ctx, actor, req.params.id);
    const order = record.row;
    const hidden = order.confidential && req.body.field !== 'address';
    if (!(hidden ? OFFICE : REVEALERS).some((w) => whoHolds(def, w, actor, record))) throw forbidden();
    const value = await revealPersonal(db(), app.ctx.cipher, actor, {
      entityType: 'work_order', entityId: order.id, placeId: order.place_id, field: req.body.field,
      stored: order[STORED[req.body.field]], reason: req.body.reason,
    });
    return { field: req.body.field, value };
  });
};
