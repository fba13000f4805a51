import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../core/errors.js';
import { requireActor } from '../../core/http.js';
import { nowIso } from '../../core/ids.js';
import { bilingual, ZId } from '../../core/validation.js';
import { notificationMsg } from './messages.js';
import { bilingualMsg } from '../../core/i18n.js';

/** A page ends at a notification; the next page starts after it: `<createdAt>_<id>`, so new arrivals never shift the pages. */
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)_([0-9a-z]{1,32})$/;
const ZCursor = z.string().regex(CURSOR, bilingualMsg(notificationMsg.badCursor));

const ZNotificationQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
  /** The `nextCursor` of the previous page. */
  before: ZCursor.optional(),
});

/** The staff inbox: notifications are the user's own, so scope is the user id. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.ctx.handle.db;
  const tags = ['notifications'];

  app.get('/notifications', { schema: { tags, summary: 'My notifications, newest first, a page at a time (`before` = the previous page’s nextCursor)', querystring: ZNotificationQuery } }, async (req) => {
    const actor = requireActor(req);
    const { unread, limit, before } = req.query;
    let q = db().selectFrom('notifications').selectAll().where('user_id', '=', actor.userId);
    if (unread === 'true') q = q.where('read_at', 'is', null);
    if (before) {
      const [, at, id] = CURSOR.exec(before)!;
      q = q.where((eb) => eb.or([eb('created_at', '<', at!), eb.and([eb('created_at', '=', at!), eb('id', '<', id!)])]));
    }
    const [rows, unreadCount] = await Promise.all([
      // One more than asked: whether it comes back says whether there is a next page.
      q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute(),
      db().selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', actor.userId).where('read_at', 'is', null).executeTakeFirstOrThrow(),
    ]);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      unread: Number(unreadCount.n),
      items: page.map((n) => ({ id: n.id, kind: n.kind, entityType: n.entity_type, entityId: n.entity_id, text: { zh: n.text_zh, en: n.text_en }, readAt: n.read_at, createdAt: n.created_at })),
      nextCursor: rows.length > limit && last ? `${last.created_at}_${last.id}` : null,
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
