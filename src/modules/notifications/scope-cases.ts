import { defineScopeSuite } from '../../core/scope-suite.js';

export const scopeSuite = defineScopeSuite({
  async prepare(f) {
    // A notification of another user's (grid2's, on grid2's order): grid1 must not be able to mark it read.
    const db = f.ctx.handle.db;
    const grid2User = await db.selectFrom('users').select('id').where('username', '=', 'grid2').executeTakeFirstOrThrow();
    const notification = await db.insertInto('notifications').values({ id: 'othersnotice0001', user_id: grid2User.id, kind: 'x', entity_type: 'work_order', entity_id: f.order.id,
      text_zh: 'x', text_en: 'x', read_at: null, created_at: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
    return { notification: notification.id };
  },
  cases: [
    { route: 'POST /api/notifications/{id}/read', who: 'grid1', request: (f) => ({ method: 'POST', url: `/api/notifications/${f.notification}/read` }) },
  ],
  unscoped: [
    { route: 'GET /api/notifications', reason: "the caller's own inbox" },
  ],
});
