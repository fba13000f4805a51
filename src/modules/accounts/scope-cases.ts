import { defineScopeSuite } from '../../core/scope-suite.js';

/** beijiang reaches accounts outside 北江社区, and links an account inside it to a unit outside it. */
export const scopeSuite = defineScopeSuite({
  async prepare(f) {
    const db = f.ctx.handle.db;
    // 西南街道's street staff: bound above beijiang's community.
    const otherUser = await db.selectFrom('users').select('id').where('username', '=', 'xinan').executeTakeFirstOrThrow();
    // A partner unit of 沙头社区: a contact inside the subtree cannot be linked to it.
    const now = new Date().toISOString();
    await db.insertInto('units').values({ id: 'otherunit0000001', kind: 'partner_unit', name: '沙头小学', place_id: f.otherCommunity.id, place_path: f.otherCommunity.path,
      version: 1, created_at: now, updated_at: now }).execute();
    const ownContact = await db.selectFrom('users').select(['id', 'version']).where('username', '=', 'gongjian').executeTakeFirstOrThrow();
    return { otherUser: otherUser.id, otherUnit: 'otherunit0000001', ownContact };
  },
  cases: [
    { route: 'GET /api/users', who: 'beijiang', request: (f) => ({ url: `/api/users?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/users', who: 'beijiang', request: (f) => ({ url: `/api/users?role=grid_worker&coversPlaceId=${f.otherGrid.id}` }) },
    { route: 'GET /api/users/{id}', who: 'beijiang', request: (f) => ({ url: `/api/users/${f.otherUser}` }) },
    { route: 'PATCH /api/users/{id}', who: 'beijiang', request: (f) => ({ method: 'PATCH', url: `/api/users/${f.otherUser}`, payload: { version: 1, disabled: true } }) },
    { route: 'POST /api/users', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/users',
      payload: { username: 'intruder', displayName: 'x', password: 'Password!1', roles: [{ role: 'grid_worker', placeId: f.otherGrid.id }] } }) },
    // A unit outside the subtree, on an account inside it.
    { route: 'POST /api/users', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/users',
      payload: { username: 'intruder2', displayName: 'x', password: 'Password!1', roles: [{ role: 'partner_contact', placeId: f.community.id }], unitId: f.otherUnit } }) },
    { route: 'PATCH /api/users/{id}', who: 'beijiang',
      request: (f) => ({ method: 'PATCH', url: `/api/users/${f.ownContact.id}`, payload: { version: f.ownContact.version, unitId: f.otherUnit } }) },
  ],
  unscoped: [
    { route: 'POST /api/auth/login', reason: 'signs in with a username and password: no session yet, no record named' },
    { route: 'POST /api/auth/logout', reason: "ends the caller's own session" },
    { route: 'POST /api/auth/password', reason: "changes the caller's own password" },
    { route: 'GET /api/me', reason: "the caller's own account, bindings and abilities" },
    { route: 'PUT /api/me/locale', reason: "sets the caller's own language" },
  ],
});
