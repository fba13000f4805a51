import type { ServiceSiteAction } from '../../../contracts/service-sites.js';
import { defineScopeSuite, type ScopeCase } from '../../core/scope-suite.js';

type Own = { site: string };

/** A body each step would accept, so that only the scope refuses it. */
const STEP_BODIES: Record<ServiceSiteAction, Record<string, unknown>> = { edit: { hours: '越权修改' }, close: { reason: '越权停用' }, reopen: {} };

/** A service point of 沙头社区 is outside 北江社区's subtree. */
export const scopeSuite = defineScopeSuite({
  async prepare(f): Promise<Own> {
    const now = new Date().toISOString();
    await f.ctx.handle.db.insertInto('service_sites').values({ id: 'othersite0000001', kind: 'service_point', name: '沙头社区便民点', place_id: f.otherCommunity.id,
      place_path: f.otherCommunity.path, address: '', hours: '', services: '', lng: null, lat: null, outline: null, state: 'open', version: 1, created_at: now, updated_at: now }).execute();
    return { site: 'othersite0000001' };
  },
  cases: [
    { route: 'POST /api/service-sites', who: 'beijiang',
      request: (f) => ({ method: 'POST', url: '/api/service-sites', payload: { kind: 'service_point', name: '越权便民点', placeId: f.otherCommunity.id } }) },
    { route: 'GET /api/service-sites', who: 'beijiang', request: (f) => ({ url: `/api/service-sites?placeId=${f.otherCommunity.id}` }) },
    { route: 'GET /api/service-sites/{id}', who: 'beijiang', request: (f) => ({ url: `/api/service-sites/${f.site}` }) },
    ...Object.entries(STEP_BODIES).map(([step, body]): ScopeCase<Own> => ({ route: `POST /api/service-sites/{id}/${step}`, who: 'beijiang',
      request: (f) => ({ method: 'POST', url: `/api/service-sites/${f.site}/${step}`, payload: { version: 1, ...body } }) })),
  ],
});
