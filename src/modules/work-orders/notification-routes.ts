import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { nowIso } from '../../core/ids.js';
import { ZId } from '../../core/validation.js';

/** The staff inbox: notifications are the user's own, so scope is the user id. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const tags = ['notifications'];

  app.get('/notifications', { schema: { tags, querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(100).default(30) }) } }, async (req) => {
    const actor = requireActor(req);
    let q = db().selectFrom('notifications').selectAll().where('user_id', '=', actor.userId);
    if (req.query.unread === 'true') q = q.where('read_at', 'is', null);
    const [rows, unread] = await Promise.all([
      q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(req.query.limit).execute(),
      db().selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
    ]);
    return {
      unread: Number(unread.n),
      items: rows.map((n) => ({ id: n.id, kind: n.kind, entityType: n.entity_type, entityId: n.entity_id, text: { zh: n.text_zh, en: n.text_en }, readAt: n.read_at, createdAt: n.created_at })),
    };
  });

  app.post('/notifications/:id/read', { schema: { tags, params: z.object({ id: ZId }) } }, async (req) => {
    const actor = requireActor(req);
    const res = await db().updateTable('notifications').set({ read_at: nowIso() }).where('id', '=', req.params.id).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) {
      const exists = await db().selectFrom('notifications').select('id').where('id', '=', req.params.id).where('user_id', '=', actor.userId).executeTakeFirst();
      if (!exists) throw notFound('notification');
    }
    return { ok: true };
  });
};
