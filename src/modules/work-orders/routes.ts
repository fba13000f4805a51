import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allowedWhere } from '../../core/access/policy.js';
import { assertInScope, inSubtrees } from '../../core/access/scope.js';
import { forbidden } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { availableActions, whoHolds } from '../../core/lifecycle/engine.js';
import { waitsOn } from '../../core/lifecycle/inbox.js';
import { lifecycleRoutes } from '../../core/lifecycle/routes.js';
import { revealPersonal } from '../../core/reveal.js';
import { ZId, ZReason } from '../../core/validation.js';
import { findPlace } from '../places/index.js';
import { fileDemand } from './commands/file-demand.js';
import { workOrderLifecycle as def } from './lifecycle.js';
import { workOrderReadPolicy } from './policy.js';
import { placeChains, peopleColumns } from './names.js';
import { toWorkOrder } from './queries.js';
import { findVisibleWorkOrder, workOrderDetail } from './detail.js';
import { ZFileDemand, ZWorkOrderQuery } from './schema.js';
import { OPEN_STATES } from './state.js';

const tags = ['work-orders'];
const ZParams = z.object({ id: ZId });
/** Those who call the resident back may reveal the phone or address: the office over the place and the current taker. */
const REVEALERS = ['district_admin', 'street_staff', 'community_worker', 'assignee'] as const;

export const workOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;

  app.post('/work-orders', { schema: { tags, summary: 'Staff enter a demand from a channel', body: ZFileDemand } }, async (req, reply) =>
    reply.status(201).send(await fileDemand(app.ctx, { staff: requireActor(req) }, req.body)),
  );

  app.get('/work-orders', { schema: { tags, summary: 'Inbox and filtered lists', querystring: ZWorkOrderQuery } }, async (req) => {
    const actor = requireActor(req);
    const f = req.query;
    const place = f.placeId ? await findPlace(db(), f.placeId) : undefined;
    if (f.placeId) assertInScope(actor, place?.path, 'place');
    const now = new Date().toISOString();
    // What waits on me is derived from the state table; everything else is what the read policy lets me see.
    let q = db().selectFrom('work_orders')
      .where((eb) => (f.mine === 'true' ? waitsOn(def, eb, actor) : allowedWhere(eb, actor, workOrderReadPolicy, 'read')));
    if (place) q = q.where((eb) => inSubtrees(eb, 'place_path', [place.path]));
    if (f.state) q = q.where('state', '=', f.state);
    if (f.categoryId) q = q.where('category_id', '=', f.categoryId);
    if (f.channel) q = q.where('channel', '=', f.channel);
    if (f.overdue === 'true') q = q.where('state', 'in', OPEN_STATES.filter((s) => s !== 'resolved' && s !== 'followed_up')).where('resolve_due', '<', now);
    if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${f.q}%`), eb('tracking_no', '=', f.q!), eb('external_no', '=', f.q!)]));
    const [rows, total] = await Promise.all([
      q.selectAll('work_orders').select(peopleColumns(db())).orderBy('received_at', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    const chains = await placeChains(db(), actor, rows.map((r) => r.place_path));
    return { items: rows.map((r) => ({ ...toWorkOrder(r), places: chains.get(r.place_path) ?? [] })), total: Number(total.n) };
  });

  app.get('/work-orders/:id', { schema: { tags, params: ZParams } }, async (req) => {
    const actor = requireActor(req);
    const record = await findVisibleWorkOrder(app.ctx, actor, req.params.id);
    return { ...(await workOrderDetail(app.ctx, actor, record)), actions: availableActions(def, actor, record) };
  });

  await app.register(lifecycleRoutes(def, { base: '/work-orders', tags, caller: requireActor }));

  app.post('/work-orders/:id/reveal', {
    schema: { tags, summary: 'Reveal the reporter’s phone or address to call them back (audited)', params: ZParams, body: z.object({ field: z.enum(['phone', 'address']), reason: ZReason }) },
    config: { noStore: true },
  }, async (req) => {
    const actor = requireActor(req);
    const record = await findVisibleWorkOrder(app.ctx, actor, req.params.id);
    if (!REVEALERS.some((w) => whoHolds(def, w, actor, record))) throw forbidden();
    const order = record.row;
    const value = await revealPersonal(db(), app.ctx.cipher, actor, {
      entityType: 'work_order', entityId: order.id, placeId: order.place_id, field: req.body.field,
      stored: req.body.field === 'phone' ? order.reporter_phone_enc : order.address_enc, reason: req.body.reason,
    });
    return { field: req.body.field, value };
  });
};
