import { defineScopeSuite } from '../../core/scope-suite.js';

/** The categories are the district's: a community worker reaches none of them to change. */
export const scopeSuite = defineScopeSuite({
  async prepare(f) {
    return { category: (await f.ctx.handle.db.selectFrom('categories').select('id').executeTakeFirstOrThrow()).id };
  },
  cases: [
    { route: 'PATCH /api/categories/{id}', who: 'beijiang', request: (f) => ({ method: 'PATCH', url: `/api/categories/${f.category}`, payload: { version: 1, name: '改名' } }) },
    { route: 'POST /api/categories', who: 'beijiang', request: () => ({ method: 'POST', url: '/api/categories', payload: { code: 'intruder', name: 'x', groupName: 'x' } }) },
  ],
  unscoped: [
    { route: 'GET /api/categories', reason: 'the whole catalogue of demand categories, the same for every caller' },
  ],
});
