import { defineScopeSuite } from '../../core/scope-suite.js';

/** beijiang reaches the keys of 沙头社区 and the demo key bound to 西南街道, above its community. */
export const scopeSuite = defineScopeSuite({
  async prepare(f) {
    const db = f.ctx.handle.db;
    const street = await db.selectFrom('places').select('id').where('name', '=', '西南街道').executeTakeFirstOrThrow();
    return { apiKey: (await db.selectFrom('api_keys').select('id').where('place_id', '=', street.id).executeTakeFirstOrThrow()).id };
  },
  cases: [
    { route: 'POST /api/api-keys', who: 'beijiang', request: (f) => ({ method: 'POST', url: '/api/api-keys', payload: { name: '越权', placeId: f.otherCommunity.id } }) },
    { route: 'GET /api/api-keys', who: 'beijiang', request: (f) => ({ url: `/api/api-keys?placeId=${f.otherCommunity.id}` }) },
    { route: 'POST /api/api-keys/{id}/revoke', who: 'beijiang', request: (f) => ({ method: 'POST', url: `/api/api-keys/${f.apiKey}/revoke`, payload: {} }) },
  ],
});
